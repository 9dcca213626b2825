import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { parseInput, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { COHORT_READERS } from '../training/cohort-access';
import { readCohortOutcomeRates } from './cohort-outcome-rates.service';
import { OutcomeRatesQuery } from './outcome-rates.query';

/** R-GATE-1..5: a cohort's pass, certification and employment rates, for the bureau and the owning provider. */
@Controller('api/cohorts')
export class OutcomeRatesController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Get(':cohortId/outcomes')
  @Roles(...COHORT_READERS)
  outcomes(@Param('cohortId', UuidOr404) cohortId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { asOf } = parseInput(OutcomeRatesQuery, query ?? {});
    return readCohortOutcomeRates(this.system, this.directory, principal, cohortId, asOf);
  }
}
