/** Run phase of a cohort: it starts, its trainees attend, some withdraw. */
import { toAttendanceStreamId } from '@skills/domain';
import type { EventToAppend, StreamAppend } from '@skills/event-store';
import { MINUTE_MS, isoOf } from './district-calendar';
import type { Cohort, DistrictState } from './district-state';
import { RECORDING_LAGS, recordedAt, recordedDay } from './recording-lags';

/**
 * Attendance of the trainees who withdraw (what the R-GATE base reads), or of everyone with `fullAttendance`;
 * the withdrawals go on the cohort stream. Each attended day and each withdrawal is a command of its own, recorded
 * on the day or later (RECORDING_LAGS), and the streams hold them in the order they were recorded.
 */
export function runCohort(state: DistrictState, cohort: Cohort, appends: StreamAppend[]): void {
  const { rng, writer } = state;
  const { cohortId, days } = cohort;
  // Started by the provider on the first day (the system dates it by its clock).
  const startedAt = recordedAt(rng, days[0]!);
  writer.newCommandAt(startedAt);
  const started = writer.event('CohortStarted', { cohortId, startedOn: isoOf(days[0]!) });
  const withdrawals: { at: number; labourerId: string; on: number; reason: string }[] = [];
  for (const t of cohort.trainees) {
    const last = t.withdrawAt ?? days.length;
    if (state.fullAttendance || t.withdrawAt !== undefined || state.everyDayOf.has(cohort.programme.type)) {
      // One stream per trainee and cohort; a day missed now and then (3%).
      const attended = days.slice(0, last).filter(() => !rng.chance(0.03));
      // Attendance is taken only once the start is recorded (ATTENDANCE.COHORT_NOT_STARTED).
      const records = attended
        .map((day) => ({ day, at: Math.max(recordedAt(rng, recordedDay(rng, day, RECORDING_LAGS.attendance)), startedAt + MINUTE_MS) }))
        .sort((a, b) => a.at - b.at);
      if (records.length > 0) {
        appends.push({
          streamId: toAttendanceStreamId(cohortId, t.labourerId),
          expectedVersion: 'no_stream',
          events: records.map(({ day, at }) => {
            writer.newCommandAt(at);
            return writer.event('AttendanceRecorded', { cohortId, labourerId: t.labourerId, day: isoOf(day) });
          }),
        });
      }
    }
    if (t.withdrawAt !== undefined) {
      const on = days[t.withdrawAt]!;
      // Never before the start is recorded: the base is who was enrolled at the start (R-GATE-4).
      const at = Math.max(recordedAt(rng, recordedDay(rng, on, RECORDING_LAGS.withdrawal)), startedAt + MINUTE_MS);
      withdrawals.push({ at, labourerId: t.labourerId, on, reason: t.withdrawReason! });
    }
  }
  const events: EventToAppend[] = [started];
  for (const w of withdrawals.sort((a, b) => a.at - b.at)) {
    writer.newCommandAt(w.at);
    events.push(writer.event('TraineeWithdrawn', { cohortId, labourerId: w.labourerId, withdrawnOn: isoOf(w.on), reason: w.reason }));
  }
  cohort.lastRecordAt = withdrawals.reduce((latest, w) => Math.max(latest, w.at), startedAt);
  appends.push(writer.cohortAppend(cohort, events));
}
