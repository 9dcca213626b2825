import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { Flag, KeyGroup } from '../registry/registry-vocabulary';
import type { CertificateLevel } from '../outcomes/outcomes-vocabulary';
import type { CohortCancellationReason, CollegeCourse, ProgrammeType, WithdrawalReason } from './training-vocabulary';

/** R-ORG-1: the provider's current qualification, loaded by the handler; `expiresOn` is its last valid day. */
export interface QualificationPeriod {
  readonly validFrom: CalendarDate;
  readonly expiresOn: CalendarDate;
}

/** R-FREE-2 parameters of the policy version in force (policy `freeTraining.maxPerCalendarYear` etc.). */
export interface FreeTrainingLimits {
  readonly maxPerCalendarYear: number;
  readonly sameOccupationLevelWindowMonths: number;
}

/** Commands a provider sends name the provider from the caller's scope; a provider acts on its own cohorts only. */
interface ByProvider {
  readonly cohortId: string;
  readonly providerId: string;
  readonly context: CommandContext;
}

export interface PlanCohort extends ByProvider {
  readonly type: 'PlanCohort';
  readonly programmeType: ProgrammeType;
  readonly occupation: string;
  readonly level: CertificateLevel;
  readonly plannedStartOn: CalendarDate;
  readonly plannedEndOn: CalendarDate;
  readonly plannedDays: number;
  readonly capacity: number;
  /** R-FREE-4: employment-oriented programmes only (null otherwise), integer fen. */
  readonly requestedPerPersonAmountFen: number | null;
  /** R-FREE-4 cap of the policy version in force (policy `employmentOriented.capFen`). */
  readonly employmentOrientedCapFen: number;
  readonly providerQualification: QualificationPeriod;
  /** R-ENT-1, R-ENT-2: the registered enterprise whose employees or apprentices are trained (the handler checks it is registered). */
  readonly enterpriseId?: string;
  /** R-FREE-8: college entrepreneurship cohorts only. */
  readonly collegeCourse?: CollegeCourse;
}

/** What the policy version in force on the approval day allows for the programme facts the bureau sets (cohort-programme.rules.ts). */
export interface ProgrammeApprovalLimits {
  /** R-ENT-2 (policy `enterprise.apprenticeship`). */
  readonly apprenticeshipPerYearFen: { readonly minFen: number; readonly maxFen: number };
  /** R-FREE-7: the programme ids of the policy's grandfathered standards. */
  readonly grandfatheredProgrammeIds: readonly string[];
}

/** Sent by the bureau (区人社局), which sets the R-FREE-4 amount. */
export interface ApproveCohort {
  readonly type: 'ApproveCohort';
  readonly cohortId: string;
  readonly approvedOn: CalendarDate;
  readonly approvedPerPersonAmountFen: number | null;
  readonly employmentOrientedCapFen: number;
  /** R-ENT-1: enterprise employee training only. */
  readonly inSubsidisedCatalogue?: boolean;
  /** R-ENT-2: apprenticeship only, within the policy's range. */
  readonly approvedPerApprenticeYearFen?: number;
  /** R-FREE-7: entrepreneurship only, one of the policy's grandfathered programmes. */
  readonly grandfatheredProgrammeId?: string;
  /** Loaded by the handler; needed when an apprenticeship amount or a grandfathered programme is given. */
  readonly programmeLimits?: ProgrammeApprovalLimits;
  readonly context: CommandContext;
}

export interface StartCohort extends ByProvider {
  readonly type: 'StartCohort';
  readonly startedOn: CalendarDate;
  /** R-ORG-1 is checked again on the day the cohort actually starts. */
  readonly providerQualification: QualificationPeriod;
}

export interface CompleteCohort extends ByProvider {
  readonly type: 'CompleteCohort';
  readonly completedOn: CalendarDate;
  /** The last day anyone is recorded as attending the cohort (null: nobody yet), loaded by the handler. */
  readonly lastAttendedOn: CalendarDate | null;
}

export interface CancelCohort extends ByProvider {
  readonly type: 'CancelCohort';
  readonly cancelledOn: CalendarDate;
  readonly reason: CohortCancellationReason;
}

export interface EnrolTrainee extends ByProvider {
  readonly type: 'EnrolTrainee';
  readonly labourerId: string;
  readonly enrolledOn: CalendarDate;
  /** From the person's card (R-REG-4), loaded by the handler: R-FREE-1. */
  readonly keyGroups: readonly KeyGroup[];
  readonly flags: readonly Flag[];
  readonly limits: FreeTrainingLimits;
}

export interface WithdrawTrainee extends ByProvider {
  readonly type: 'WithdrawTrainee';
  readonly labourerId: string;
  readonly withdrawnOn: CalendarDate;
  readonly reason: WithdrawalReason;
  /** The last day this trainee is recorded as attending this cohort (null: none), loaded by the handler. */
  readonly lastAttendedOn: CalendarDate | null;
}

export type CohortCommand = PlanCohort | ApproveCohort | StartCohort | CompleteCohort | CancelCohort | EnrolTrainee | WithdrawTrainee;
