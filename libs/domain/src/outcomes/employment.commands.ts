import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { Employer, EmploymentRejectionReason } from './employment.events';

export interface RecordEmployment {
  readonly type: 'RecordEmployment';
  readonly employmentId: string;
  readonly labourerId: string;
  readonly employer?: Employer;
  readonly startsOn: CalendarDate;
  readonly endsOn?: CalendarDate;
  readonly evidenceRef: string;
  readonly context: CommandContext;
}

/** The verifier is the command's actor. */
export interface VerifyEmployment {
  readonly type: 'VerifyEmployment';
  readonly employmentId: string;
  readonly verifiedOn: CalendarDate;
  readonly context: CommandContext;
}

export interface EndEmployment {
  readonly type: 'EndEmployment';
  readonly employmentId: string;
  readonly endsOn: CalendarDate;
  readonly context: CommandContext;
}

/** R-GATE-3: the bureau found the evidence does not hold up. The reviewer is the command's actor. */
export interface RejectEmployment {
  readonly type: 'RejectEmployment';
  readonly employmentId: string;
  readonly reason: EmploymentRejectionReason;
  readonly rejectedOn: CalendarDate;
  readonly context: CommandContext;
}

export type EmploymentCommand = RecordEmployment | VerifyEmployment | EndEmployment | RejectEmployment;
