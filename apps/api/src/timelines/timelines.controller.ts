import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { Principal, Role, System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { BUREAU_ROLES, COHORT_READERS } from '../training/cohort-access';
import { cohortTimeline, labourerTimeline } from './timelines.service';

/**
 * A person's timeline spans providers (another provider's cohorts, certificates, employments), so only the bureau
 * reads it; a provider reads the timelines of its own cohorts.
 */
export const PERSON_TIMELINE_READERS: Role[] = [...BUREAU_ROLES];

/** R-MON-1: every event behind a cohort or a person, in order, with who did what and when. */
@Controller('api/timelines')
export class TimelinesController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get('cohorts/:cohortId')
  @Roles(...COHORT_READERS)
  cohort(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return cohortTimeline(this.system, principal, cohortId);
  }

  @Get('labourers/:labourerId')
  @Roles(...PERSON_TIMELINE_READERS)
  labourer(@Param('labourerId', UuidOr404) labourerId: string, @CurrentPrincipal() principal: Principal) {
    return labourerTimeline(this.system, principal, labourerId);
  }
}
