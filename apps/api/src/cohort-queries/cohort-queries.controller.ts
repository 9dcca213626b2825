import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { parseInput, type Principal, type System } from '@skills/platform';
import { findCohorts } from '@skills/projections';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { COHORT_READERS } from '../training/cohort-access';
import { CohortListQuery, OutcomeRollupQuery } from './cohort-queries.schemas';
import { COHORT_LIST_READERS, cohortScopeFilter } from './cohort-scope';
import { readCohortTrainees } from './cohort-trainees.service';
import { readOutcomeRollup } from './outcome-rollup.service';

/** Read-model views of cohorts: lists, trainees with attendance, and the outcome rates rolled up (R-GATE-1..3). */
@Controller('api')
export class CohortQueriesController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Get('cohorts')
  @Roles(...COHORT_LIST_READERS)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { status, programmeType, page, pageSize } = parseInput(CohortListQuery, query ?? {});
    const filter = { ...cohortScopeFilter(principal), status, programmeTypes: programmeType ? [programmeType] : undefined };
    const { total, rows } = await findCohorts(this.system.db, filter, { page, pageSize });
    return { page, pageSize, total, items: rows };
  }

  @Get('cohorts/:cohortId/trainees')
  @Roles(...COHORT_READERS)
  trainees(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return readCohortTrainees(this.system, principal, cohortId);
  }

  @Get('outcome-rates/rollup')
  @Roles(...COHORT_LIST_READERS)
  rollup(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { groupBy, asOf } = parseInput(OutcomeRollupQuery, query ?? {});
    return readOutcomeRollup(this.system, this.directory, principal, groupBy, asOf);
  }
}
