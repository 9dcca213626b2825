import type { CommandContext } from '../shared/decider';
import type { CalendarMonth } from './enterprise-schemes-vocabulary';

/** R-ENT-3: the employer (the caller's enterprise) records a placement; the handler reads `insuredEnterprise` from the registry. */
export interface RecordWorkForTrainingPlacement {
  readonly type: 'RecordWorkForTrainingPlacement';
  readonly placementId: string;
  readonly labourerId: string;
  readonly enterpriseId: string;
  readonly insuredEnterprise: boolean;
  readonly startMonth: CalendarMonth;
  readonly context: CommandContext;
}

/** R-ENT-3: a month worked in a placement of the caller's enterprise; `maxMonths` is the policy's limit for that month. */
export interface RecordWorkForTrainingMonth {
  readonly type: 'RecordWorkForTrainingMonth';
  readonly placementId: string;
  readonly enterpriseId: string;
  readonly month: CalendarMonth;
  readonly maxMonths: number;
  readonly context: CommandContext;
}

export type WorkForTrainingCommand = RecordWorkForTrainingPlacement | RecordWorkForTrainingMonth;
