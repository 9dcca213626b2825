import type { EventDefinition } from '../shared/event-definition';
import { CohortApproved, CohortCancelled, CohortCompleted, CohortPlanned, CohortStarted, TraineeEnrolled, TraineeWithdrawn } from './cohort.events';
import { FreeTrainingReleased, FreeTrainingReserved } from './free-training-ledger.events';

/** Every event definition of cohorts and enrolment (R-ORG-1, R-FREE-1, R-FREE-2, R-FREE-4), at its current version. */
export const trainingEvents: readonly EventDefinition[] = [
  CohortPlanned,
  CohortApproved,
  CohortStarted,
  CohortCompleted,
  CohortCancelled,
  TraineeEnrolled,
  TraineeWithdrawn,
  FreeTrainingReserved,
  FreeTrainingReleased,
];
