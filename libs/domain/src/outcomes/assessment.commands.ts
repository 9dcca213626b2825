import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { TraineeEnrolmentFacts } from './attendance.commands';
import type { AssessmentCorrectionReason, AssessmentResult } from './outcomes-vocabulary';

interface AssessmentFacts {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly result: AssessmentResult;
  readonly assessedOn: CalendarDate;
  /** Loaded by the handler from the cohort's stream. */
  readonly cohort: { readonly plannedStart: CalendarDate };
  readonly enrolment: TraineeEnrolmentFacts;
  readonly context: CommandContext;
}

export interface RecordFinalAssessment extends AssessmentFacts {
  readonly type: 'RecordFinalAssessment';
}

/** Puts a wrong record right. Not a retake: the policy knows one final assessment per trainee and cohort. */
export interface CorrectFinalAssessment extends AssessmentFacts {
  readonly type: 'CorrectFinalAssessment';
  readonly reason: AssessmentCorrectionReason;
}

export type AssessmentCommand = RecordFinalAssessment | CorrectFinalAssessment;
