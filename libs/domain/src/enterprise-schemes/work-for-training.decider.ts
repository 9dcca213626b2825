import { shanghaiDateOf } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import { assertUuid } from '../outcomes/outcomes.rules';
import { isCalendarMonth, lastDayOfMonth, monthOfDate, type CalendarMonth } from './enterprise-schemes-vocabulary';
import type { RecordWorkForTrainingMonth, RecordWorkForTrainingPlacement, WorkForTrainingCommand } from './work-for-training.commands';
import * as errors from './work-for-training.errors';
import type { WorkForTrainingEvent, WorkForTrainingPlacementRecorded } from './work-for-training.events';

export type WorkForTrainingPlacement = Omit<WorkForTrainingPlacementRecorded['data'], 'labourerId'>;
export interface WorkedMonth {
  readonly placementId: string;
  readonly month: CalendarMonth;
}

/**
 * The stream toWorkForTrainingStreamId(labourerId): one person's work-for-training at every employer. R-ENT-3 pays
 * at most `maxMonths` (6) months a person, so a month beyond them is refused here, where every employer's months
 * meet under one expected version; and a month is one month whoever the employer, so it is recorded once (R-CLAIM-2
 * then keys each month). Months are recorded once worked: a month that has not ended is refused.
 */
export type WorkForTrainingState =
  | { readonly status: 'none' }
  | { readonly status: 'placed'; readonly labourerId: string; readonly placements: readonly WorkForTrainingPlacement[]; readonly months: readonly WorkedMonth[] };

export const workForTrainingDecider: Decider<WorkForTrainingCommand, WorkForTrainingState, WorkForTrainingEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordWorkForTrainingPlacement':
        return place(command, state);
      case 'RecordWorkForTrainingMonth':
        return recordMonth(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'WorkForTrainingPlacementRecorded': {
        const { labourerId, ...placement } = event.data;
        const placements = state.status === 'placed' ? state.placements : [];
        return { status: 'placed', labourerId, placements: [...placements, placement], months: state.status === 'placed' ? state.months : [] };
      }
      case 'WorkForTrainingMonthRecorded':
        if (state.status !== 'placed') return state;
        return { ...state, months: [...state.months, { placementId: event.data.placementId, month: event.data.month }] };
      default:
        return assertNever(event);
    }
  },
};

function place(command: RecordWorkForTrainingPlacement, state: WorkForTrainingState): WorkForTrainingEvent[] {
  assertUuid('WORK_FOR_TRAINING', command.placementId, 'placementId');
  assertUuid('WORK_FOR_TRAINING', command.labourerId, 'labourerId');
  assertUuid('WORK_FOR_TRAINING', command.enterpriseId, 'enterpriseId');
  if (!isCalendarMonth(command.startMonth)) throw errors.invalidMonth('startMonth');
  if (command.startMonth > monthOfDate(shanghaiDateOf(command.context.now))) throw errors.monthInFuture('startMonth', command.startMonth);
  const data = {
    placementId: command.placementId.toLowerCase(),
    labourerId: command.labourerId.toLowerCase(),
    enterpriseId: command.enterpriseId.toLowerCase(),
    insuredEnterprise: command.insuredEnterprise,
    startMonth: command.startMonth,
  };
  const existing = state.status === 'placed' ? state.placements.find((p) => p.placementId === data.placementId) : undefined;
  if (existing) {
    // The same placement under the same id again is a retry.
    if (existing.enterpriseId === data.enterpriseId && existing.startMonth === data.startMonth && existing.insuredEnterprise === data.insuredEnterprise) return [];
    throw errors.placementIdTaken(data.placementId);
  }
  return [{ type: 'WorkForTrainingPlacementRecorded', data }];
}

function recordMonth(command: RecordWorkForTrainingMonth, state: WorkForTrainingState): WorkForTrainingEvent[] {
  const placementId = command.placementId.toLowerCase();
  const placement = state.status === 'placed' ? state.placements.find((p) => p.placementId === placementId) : undefined;
  if (state.status !== 'placed' || !placement || placement.enterpriseId !== command.enterpriseId.toLowerCase()) throw errors.placementNotFound(placementId);
  const { month } = command;
  if (!isCalendarMonth(month)) throw errors.invalidMonth('month');
  if (month < placement.startMonth) throw errors.monthBeforeStart(month, placement.startMonth);
  if (lastDayOfMonth(month) > shanghaiDateOf(command.context.now)) throw errors.monthNotOver(month, lastDayOfMonth(month));
  const same = state.months.find((m) => m.month === month);
  if (same) {
    if (same.placementId === placementId) return []; // the same month of the same placement again: a retry
    throw errors.monthAlreadyRecorded(month);
  }
  // R-ENT-3: at most maxMonths a person over all employers and claims.
  if (state.months.length >= command.maxMonths) throw errors.monthsExhausted(command.maxMonths, state.months.map((m) => m.month));
  return [{ type: 'WorkForTrainingMonthRecorded', data: { placementId, labourerId: state.labourerId, month } }];
}
