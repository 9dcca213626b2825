import { attendanceDecider, checkAttendanceBatch, shanghaiDateOf, toAttendanceStreamId, type AttendanceEvent, type AttendanceRow, type RecordAttendance } from '@skills/domain';
import { WrongExpectedVersionError, type RecordedEvent, type StreamAppend } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { RegistryDirectory } from '../registry/registry-directory';
import { cohortFactsOf, cohortVersionCheck, loadAttendance, otherCohortAttendance } from './attendance-facts';
import type { RecordAttendanceForm } from './outcome-forms';
import { enrolmentIn, enrolmentsIn, ownRunningCohort } from './outcome-access';

const ATTEMPTS = 5;

/**
 * What the provider is told. A clash with another cohort (AttendanceClashFlagged) is recorded for the bureau's
 * reviewers only: the response says nothing of it, neither the flag nor the other cohorts' ids, since that would
 * tell a provider about another provider's trainee and that its record is being checked.
 */
export interface AttendanceResult {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly day: string;
  /** false: this day was recorded already, nothing more was written. */
  readonly recorded: boolean;
}

/** A decision for one trainee's attendance stream: the events and the version they were decided on. */
export interface StreamDecision {
  readonly streamId: string;
  readonly version: number;
  readonly recorded: readonly RecordedEvent[];
  readonly events: AttendanceEvent[];
}

/** R-FREE-3: one attended day; the same day again is a no-op, a clash with another cohort is recorded and flagged. */
export async function recordAttendanceDay(
  system: System,
  directory: RegistryDirectory,
  cohortId: string,
  providerId: string,
  form: RecordAttendanceForm,
  envelope: CommandEnvelope,
): Promise<AttendanceResult> {
  const labourerId = form.labourerId.toLowerCase();
  const commandHash = hashCommand({ type: 'RecordAttendance', cohortId, labourerId, day: form.day });
  for (let attempt = 1; ; attempt++) {
    const cohort = await ownRunningCohort(system, cohortId, providerId);
    const [attendance, other] = await Promise.all([loadAttendance(system, cohortId, labourerId), otherCohortAttendance(system, cohortId, labourerId)]);
    const command: RecordAttendance = {
      type: 'RecordAttendance',
      cohortId,
      labourerId,
      day: form.day,
      cohort: cohortFactsOf(cohort.state),
      enrolment: enrolmentIn(enrolmentsIn(cohort.state), labourerId),
      otherCohortAttendance: other,
      context: contextOf(envelope),
    };
    const events = attendanceDecider.decide(command, attendance.state);
    const decision = { streamId: toAttendanceStreamId(cohortId, labourerId), version: attendance.version, recorded: attendance.recorded, events };
    const recorded = await appendAttendance(system, directory, envelope, cohort, [decision], commandHash, form.day, attempt < ATTEMPTS);
    if (recorded === 'retry') continue;
    return { cohortId, labourerId, day: form.day, recorded: events.length > 0 };
  }
}

export interface AttendanceImportReport {
  readonly status: 'imported' | 'rejected';
  readonly rowsReceived: number;
  readonly rowsSaved: number;
  /** Rows whose day was recorded already (a re-upload): nothing written for them. */
  readonly rowsAlreadySaved: number;
  readonly errors: readonly { row: number; field: string; message: string; code: string }[];
}

/**
 * All or nothing: every row is checked against the same rules as the single day (checkAttendanceBatch); any bad
 * row and nothing is saved; otherwise every trainee's new days are appended in ONE transaction. The same file
 * again records nothing twice (a recorded day is a no-op).
 */
export async function importAttendance(system: System, directory: RegistryDirectory, cohortId: string, providerId: string, rows: readonly AttendanceRow[], envelope: CommandEnvelope): Promise<AttendanceImportReport> {
  const commandHash = hashCommand({ type: 'ImportAttendance', cohortId, rows: rows.map((r) => `${r.labourerId.toLowerCase()} ${r.day}`).sort() });
  for (let attempt = 1; ; attempt++) {
    const cohort = await ownRunningCohort(system, cohortId, providerId);
    const enrolments = enrolmentsIn(cohort.state);
    const people = [...new Set(rows.map((r) => r.labourerId.toLowerCase()))].filter((id) => enrolments.has(id));
    const streams = new Map(await Promise.all(people.map(async (id) => [id, await loadAttendance(system, cohortId, id)] as const)));
    const facts = { cohortId, cohort: cohortFactsOf(cohort.state), enrolments, recordedDays: new Map([...streams].map(([id, s]) => [id, s.state.days])), now: envelope.now };
    const errors = checkAttendanceBatch(rows, facts);
    const base = { rowsReceived: rows.length, errors };
    if (errors.length > 0) return { ...base, status: 'rejected', rowsSaved: 0, rowsAlreadySaved: 0 };
    const decisions: StreamDecision[] = [];
    for (const id of people) {
      const loaded = streams.get(id)!;
      const other = await otherCohortAttendance(system, cohortId, id);
      let state = loaded.state;
      const events: AttendanceEvent[] = [];
      for (const row of rows.filter((r) => r.labourerId.toLowerCase() === id)) {
        const command: RecordAttendance = { type: 'RecordAttendance', cohortId, labourerId: id, day: row.day, cohort: facts.cohort, enrolment: enrolmentIn(enrolments, id), otherCohortAttendance: other, context: contextOf(envelope) };
        const decided = attendanceDecider.decide(command, state);
        state = decided.reduce(attendanceDecider.evolve, state);
        events.push(...decided);
      }
      decisions.push({ streamId: toAttendanceStreamId(cohortId, id), version: loaded.version, recorded: loaded.recorded, events });
    }
    if ((await appendAttendance(system, directory, envelope, cohort, decisions, commandHash, shanghaiDateOf(envelope.now), attempt < ATTEMPTS)) === 'retry') continue;
    // Clash flags are for the bureau: the report counts recorded days only (see AttendanceResult).
    const saved = decisions.flatMap((d) => d.events).filter((e) => e.type === 'AttendanceRecorded').length;
    return { ...base, status: 'imported', rowsSaved: saved, rowsAlreadySaved: rows.length - saved };
  }
}


/**
 * Appends every stream's events in one transaction, each with the version it was decided on, and checks that the
 * cohort's stream has not moved: a withdrawal or a completion committed meanwhile makes this a retry decided on
 * it (R-GATE-4, R-FREE-3). The event ids come from the Idempotency-Key: a key already used on one of these streams
 * for another request is refused, since the store would otherwise take the new events for a retry and drop them.
 */
async function appendAttendance(
  system: System,
  directory: RegistryDirectory,
  envelope: CommandEnvelope,
  cohort: { readonly state: { readonly cohortId: string }; readonly version: number },
  decisions: readonly StreamDecision[],
  commandHash: string,
  onDate: string,
  mayRetry: boolean,
): Promise<'done' | 'retry'> {
  const withEvents = decisions.filter((d) => d.events.length > 0);
  if (withEvents.length === 0) return 'done';
  for (const decision of withEvents) {
    const firstId = deterministicUuid(envelope.idempotencyKey, decision.streamId, '0');
    const earlier = decision.recorded.find((r) => r.eventId === firstId);
    if (earlier && earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
  }
  const policyVersion = directory.policyVersionOn(onDate);
  const appends: StreamAppend[] = withEvents.map((d) => ({
    streamId: d.streamId,
    expectedVersion: d.version === 0 ? 'no_stream' : d.version,
    events: toEventsToAppend(system.catalogue, envelope, d.streamId, d.events, policyVersion, commandHash),
  }));
  appends.push(cohortVersionCheck(cohort.state.cohortId, cohort.version));
  try {
    await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
    return 'done';
  } catch (error) {
    if (error instanceof WrongExpectedVersionError && mayRetry) return 'retry';
    throw error;
  }
}
