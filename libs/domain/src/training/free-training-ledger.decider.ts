import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import type { FreeTrainingLimits } from './cohort.commands';
import type { FreeTrainingLedgerEvent } from './free-training-ledger.events';
import * as rules from './free-training.rules';
import type { FreeTrainingReservation } from './free-training.rules';
import type { CertificateLevel } from '../outcomes/outcomes-vocabulary';

export interface ReserveFreeTraining {
  readonly type: 'ReserveFreeTraining';
  readonly labourerId: string;
  readonly cohortId: string;
  readonly occupation: string;
  readonly level: CertificateLevel;
  /** The cohort's planned start. */
  readonly startsOn: CalendarDate;
  readonly reservedOn: CalendarDate;
  readonly limits: FreeTrainingLimits;
  readonly context: CommandContext;
}

export interface ReleaseFreeTraining {
  readonly type: 'ReleaseFreeTraining';
  readonly labourerId: string;
  readonly cohortId: string;
  readonly releasedOn: CalendarDate;
  readonly context: CommandContext;
}

export type FreeTrainingLedgerCommand = ReserveFreeTraining | ReleaseFreeTraining;

/** The free trainings a person holds now; a released one is gone from the list (its events stay). */
export interface FreeTrainingLedgerState {
  readonly reservations: readonly FreeTrainingReservation[];
}

/**
 * R-FREE-2 across all providers: one stream per person (`free-training-ledger-<labourerId>`). Every enrolment in free
 * training appends here with the ledger's expected version, in the same atomic append as TraineeEnrolled, so when
 * two providers enrol the same person at once one append fails on the version and its retry sees the other's
 * reservation and checks the limits again.
 */
export const freeTrainingLedgerDecider: Decider<FreeTrainingLedgerCommand, FreeTrainingLedgerState, FreeTrainingLedgerEvent> = {
  initialState: () => ({ reservations: [] }),
  decide(command, state) {
    const held = state.reservations.find((r) => r.cohortId === command.cohortId.toLowerCase());
    switch (command.type) {
      case 'ReserveFreeTraining': {
        // Re-enrolling in a cohort whose training still counts (withdrawn after it started) takes no second slot.
        if (held) return [];
        rules.assertLimits(command.limits);
        const candidate = { cohortId: command.cohortId, occupation: command.occupation.trim(), level: command.level, startsOn: command.startsOn };
        rules.assertAnnualTrainingLimit(state.reservations, candidate, command.limits.maxPerCalendarYear);
        rules.assertSameOccupationLevelNotWithinWindow(state.reservations, candidate, command.limits.sameOccupationLevelWindowMonths);
        const { labourerId, reservedOn } = command;
        return [{ type: 'FreeTrainingReserved', data: { labourerId, ...candidate, reservedOn } }];
      }
      case 'ReleaseFreeTraining': {
        // Nothing held for this cohort: a retry, or a training that never counted.
        if (!held) return [];
        const { labourerId, cohortId, releasedOn } = command;
        return [{ type: 'FreeTrainingReleased', data: { labourerId, cohortId, releasedOn } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'FreeTrainingReserved': {
        const { labourerId: _labourerId, ...reservation } = event.data;
        const cohortId = reservation.cohortId.toLowerCase();
        if (state.reservations.some((r) => r.cohortId === cohortId)) return state;
        return { reservations: [...state.reservations, { ...reservation, cohortId }] };
      }
      case 'FreeTrainingReleased': {
        const cohortId = event.data.cohortId.toLowerCase();
        return { reservations: state.reservations.filter((r) => r.cohortId !== cohortId) };
      }
      default:
        return assertNever(event);
    }
  },
};
