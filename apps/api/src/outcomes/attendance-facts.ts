import {
  attendanceDecider,
  freeTrainingLedgerDecider,
  toAttendanceStreamId,
  toFreeTrainingLedgerStreamId,
  type AttendanceCohortFacts,
  type AttendanceState,
  type CohortState,
  type OtherCohortAttendance,
} from '@skills/domain';
import { loadStream, type LoadedStream, type System } from '@skills/platform';

export const cohortFactsOf = (state: Extract<CohortState, { plannedStartOn: string }>): AttendanceCohortFacts => ({
  plannedStart: state.plannedStartOn,
  plannedEnd: state.plannedEndOn,
  plannedDays: state.plannedDays,
});

export function loadAttendance(system: System, cohortId: string, labourerId: string): Promise<LoadedStream<AttendanceState>> {
  return loadStream(system.store, system.catalogue, attendanceDecider, toAttendanceStreamId(cohortId, labourerId));
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
