import {
  attendanceDecider,
  freeTrainingLedgerDecider,
  toAttendanceStreamId,
  toCohortStreamId,
  toFreeTrainingLedgerStreamId,
  type AttendanceCohortFacts,
  type AttendanceState,
  type CalendarDate,
  type CohortState,
  type OtherCohortAttendance,
} from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { loadStream, type LoadedStream, type System } from '@skills/platform';

type ExistingCohort = Exclude<CohortState, { status: 'absent' }>;

/** R-FREE-3: the cohort's actual start and completion as its stream holds them, and the planned days. */
export const cohortFactsOf = (state: ExistingCohort): AttendanceCohortFacts => ({
  plannedDays: state.plannedDays,
  ...(state.status === 'started' || state.status === 'completed' ? { startedOn: state.startedOn } : {}),
  ...(state.status === 'completed' ? { completedOn: state.completedOn } : {}),
});

export function loadAttendance(system: System, cohortId: string, labourerId: string): Promise<LoadedStream<AttendanceState>> {
  return loadStream(system.store, system.catalogue, attendanceDecider, toAttendanceStreamId(cohortId, labourerId));
}

/** An empty append: the stream must still be at the version read when the batch commits (the store holds a share lock). */
export const versionCheck = (streamId: string, version: number): StreamAppend => ({ streamId, expectedVersion: version === 0 ? 'no_stream' : version, events: [] });

/**
 * Attendance is decided on the cohort's roster and dates; appending it with this check makes a withdrawal or a
 * completion committed meanwhile a version conflict, so the retry decides on them.
 */
export const cohortVersionCheck = (cohortId: string, version: number): StreamAppend => versionCheck(toCohortStreamId(cohortId), version);

export interface AttendanceRead {
  /** The last day any of the people attended the cohort; null when none did. */
  readonly lastAttendedOn: CalendarDate | null;
  /** One version check per attendance stream read, to append with the decision taken on it. */
  readonly checks: readonly StreamAppend[];
}

/**
 * The days the people attended the cohort, for a decision that must not contradict them (a withdrawal dated
 * before an attended day, a completion before the last one: R-GATE-4, R-FREE-3).
 */
export async function readAttendanceOf(system: System, cohortId: string, labourerIds: readonly string[]): Promise<AttendanceRead> {
  const ids = [...new Set(labourerIds.map((id) => id.toLowerCase()))];
  const streams = await Promise.all(ids.map(async (id) => ({ id, loaded: await loadAttendance(system, cohortId, id) })));
  let lastAttendedOn: CalendarDate | null = null;
  for (const { loaded } of streams) for (const day of loaded.state.days) if (lastAttendedOn === null || day > lastAttendedOn) lastAttendedOn = day;
  return { lastAttendedOn, checks: streams.map(({ id, loaded }) => versionCheck(toAttendanceStreamId(cohortId, id), loaded.version)) };
}

/**
 * The person's days in their other cohorts, for the clash flag. The other cohorts are the ones on the person's
 * free-training ledger (R-FREE-2 puts every free training there, whoever the provider); training that is not free
 * reserves nothing there and is not compared. Two cohorts recording the same day at the same instant can both miss
 * the clash: it is a signal for a reviewer, not a rule, so no lock is taken for it.
 */
export async function otherCohortAttendance(system: System, cohortId: string, labourerId: string): Promise<OtherCohortAttendance[]> {
  const { state } = await loadStream(system.store, system.catalogue, freeTrainingLedgerDecider, toFreeTrainingLedgerStreamId(labourerId));
  const others = [...new Set(state.reservations.map((r) => r.cohortId.toLowerCase()))].filter((id) => id !== cohortId.toLowerCase());
  const attended = await Promise.all(
    others.map(async (other) => [...(await loadAttendance(system, other, labourerId)).state.days].map((day) => ({ cohortId: other, day }))),
  );
  return attended.flat();
}
