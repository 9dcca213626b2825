import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { AttendanceCommand, RecordAttendance } from './attendance.commands';
import type { AttendanceEvent } from './attendance.events';
import { attendanceCountBreach, attendanceDayBreach, clashingCohortIds } from './attendance.rules';
import { assertUuid } from './outcomes.rules';

/** The stream toAttendanceStreamId(cohortId, labourerId): the days one trainee attended one cohort. */
export interface AttendanceState {
  readonly days: ReadonlySet<CalendarDate>;
}

export const attendanceDecider: Decider<AttendanceCommand, AttendanceState, AttendanceEvent> = {
  initialState: () => ({ days: new Set() }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordAttendance':
        return recordAttendance(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AttendanceRecorded':
        return { days: new Set([...state.days, event.data.day]) };
      case 'AttendanceClashFlagged':
        return state;
      default:
        return assertNever(event);
    }
  },
};

function recordAttendance(command: RecordAttendance, state: AttendanceState): AttendanceEvent[] {
  // The same day again is a re-upload or a retry, not a second day: nothing to record.
  if (state.days.has(command.day)) return [];
  assertUuid('ATTENDANCE', command.cohortId, 'cohortId');
  assertUuid('ATTENDANCE', command.labourerId, 'labourerId');
  const [cohortId, labourerId] = [command.cohortId.toLowerCase(), command.labourerId.toLowerCase()];
  const { day, cohort, enrolment } = command;
  const breach = attendanceDayBreach(day, { cohortId, labourerId, cohort, enrolment, now: command.context.now }) ?? attendanceCountBreach(state.days.size, cohort.plannedDays);
  if (breach) throw breach;
  const recorded: AttendanceEvent = { type: 'AttendanceRecorded', data: { cohortId, labourerId, day } };
  // A person in two cohorts on one day is recorded, not refused (the other record may be the wrong one), and flagged.
  const cohortIds = clashingCohortIds(cohortId, day, command.otherCohortAttendance);
  if (cohortIds.length === 0) return [recorded];
  return [recorded, { type: 'AttendanceClashFlagged', data: { labourerId, day, cohortIds } }];
}
