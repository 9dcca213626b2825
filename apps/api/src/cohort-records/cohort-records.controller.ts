import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { Principal, System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { COHORT_READERS } from '../training/cohort-access';
import { readCohortAssessments, readCohortAttendance, readCohortCertificates, readCohortEmployments } from './cohort-records.service';

/**
 * Read-only: what was recorded for a cohort and its trainees, ids only, for the bureau and the owning provider (who
 * sees of its trainees' certificates and employments only those that counted for the cohort's gates).
 */
@Controller('api/cohorts')
export class CohortRecordsController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Get(':cohortId/attendance')
  @Roles(...COHORT_READERS)
  attendance(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return readCohortAttendance(this.system, principal, cohortId);
  }

  @Get(':cohortId/assessments')
  @Roles(...COHORT_READERS)
  assessments(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return readCohortAssessments(this.system, principal, cohortId);
  }

  @Get(':cohortId/certificates')
  @Roles(...COHORT_READERS)
  certificates(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return readCohortCertificates(this.system, this.directory, principal, cohortId);
  }

  @Get(':cohortId/employments')
  @Roles(...COHORT_READERS)
  employments(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return readCohortEmployments(this.system, this.directory, principal, cohortId);
  }
}
