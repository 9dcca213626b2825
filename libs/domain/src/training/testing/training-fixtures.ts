import type { CommandContext } from '../../shared/decider';
import type { EnrolTrainee, PlanCohort, WithdrawTrainee } from '../cohort.commands';
import type { CohortEvent, CohortPlanned, TraineeEnrolled } from '../cohort.events';
import type { FreeTrainingReserved } from '../free-training-ledger.events';

/** Test data only. */
export const COHORT_ID = 'c0a80101-0000-4000-8000-000000000001';
export const PROVIDER_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
export const OTHER_PROVIDER_ID = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5f';
export const LABOURER_ID = '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60';
export const OCCUPATION = '6-31-01-03'; // 电工
export const LIMITS = { maxPerCalendarYear: 3, sameOccupationLevelWindowMonths: 12 } as const;
export const CAP_FEN = 400_000;

/** A UUID per test cohort or person: `cohortIdOf(7)`. */
export const cohortIdOf = (n: number) => `c0a80101-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const providerIdOf = (n: number) => `b0a80101-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const labourerIdOf = (n: number) => `30a80101-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** 10:00 in Shanghai on `day`. */
export const contextOn = (day: string, actor = 'provider-clerk-1'): CommandContext => ({ actor, now: `${day}T02:00:00.000Z` });

export function planCommand(overrides: Partial<PlanCohort> = {}): PlanCohort {
  return {
    type: 'PlanCohort',
    cohortId: COHORT_ID,
    providerId: PROVIDER_ID,
    programmeType: 'GENERAL',
    occupation: OCCUPATION,
    level: 'JUNIOR',
    plannedStartOn: '2021-03-01',
    plannedEndOn: '2021-03-20',
    plannedDays: 15,
    capacity: 20,
    requestedPerPersonAmountFen: null,
    employmentOrientedCapFen: CAP_FEN,
    providerQualification: { validFrom: '2019-07-01', expiresOn: '2022-06-30' },
    context: contextOn('2021-02-01'),
    ...overrides,
  };
}

export function planned(overrides: Partial<CohortPlanned['data']> = {}): CohortPlanned {
  return {
    type: 'CohortPlanned',
    data: {
      cohortId: COHORT_ID,
      providerId: PROVIDER_ID,
      programmeType: 'GENERAL',
      occupation: OCCUPATION,
      level: 'JUNIOR',
      plannedStartOn: '2021-03-01',
      plannedEndOn: '2021-03-20',
      plannedDays: 15,
      capacity: 20,
      requestedPerPersonAmountFen: null,
      plannedOn: '2021-02-01',
      ...overrides,
    },
  };
}

export const approved = (cohortId = COHORT_ID, approvedPerPersonAmountFen: number | null = null): CohortEvent => ({
  type: 'CohortApproved',
  data: { cohortId, approvedOn: '2021-02-05', approvedPerPersonAmountFen },
});
export const started = (cohortId = COHORT_ID, startedOn = '2021-03-01'): CohortEvent => ({ type: 'CohortStarted', data: { cohortId, startedOn } });
export const completed = (cohortId = COHORT_ID, completedOn = '2021-03-20'): CohortEvent => ({ type: 'CohortCompleted', data: { cohortId, completedOn } });
export const enrolled = (labourerId = LABOURER_ID, cohortId = COHORT_ID, enrolledOn = '2021-02-10'): TraineeEnrolled => ({
  type: 'TraineeEnrolled',
  data: { cohortId, labourerId, enrolledOn },
});

/** A planned and approved cohort's history. */
export const approvedCohort = (overrides: Partial<CohortPlanned['data']> = {}): CohortEvent[] => [planned(overrides), approved(overrides.cohortId ?? COHORT_ID)];

export function enrolCommand(overrides: Partial<EnrolTrainee> = {}): EnrolTrainee {
  return {
    type: 'EnrolTrainee',
    cohortId: COHORT_ID,
    providerId: PROVIDER_ID,
    labourerId: LABOURER_ID,
    enrolledOn: '2021-02-10',
    keyGroups: ['RURAL_MIGRANT'],
    flags: [],
    limits: LIMITS,
    context: contextOn('2021-02-10'),
    ...overrides,
  };
}

export function withdrawCommand(overrides: Partial<WithdrawTrainee> = {}): WithdrawTrainee {
  return {
    type: 'WithdrawTrainee',
    cohortId: COHORT_ID,
    providerId: PROVIDER_ID,
    labourerId: LABOURER_ID,
    withdrawnOn: '2021-02-20',
    reason: 'FOUND_EMPLOYMENT',
    lastAttendedOn: null,
    context: contextOn('2021-03-05'),
    ...overrides,
  };
}

export function reserved(overrides: Partial<FreeTrainingReserved['data']> = {}): FreeTrainingReserved {
  return {
    type: 'FreeTrainingReserved',
    data: { labourerId: LABOURER_ID, cohortId: COHORT_ID, occupation: OCCUPATION, level: 'JUNIOR', startsOn: '2021-03-01', reservedOn: '2021-02-10', ...overrides },
  };
}
