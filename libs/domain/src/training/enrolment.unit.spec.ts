import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { EnrolTrainee } from './cohort.commands';
import { cohortDecider, type CohortState } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import { decideEnrolment, decideWithdrawal, releasesAfterCancellation } from './enrolment';
import { freeTrainingLedgerDecider } from './free-training-ledger.decider';
import type { FreeTrainingLedgerEvent } from './free-training-ledger.events';
import { approvedCohort, cohortIdOf, contextOn, enrolCommand, enrolled, LABOURER_ID, planned, providerIdOf, reserved, started, withdrawCommand } from './testing/training-fixtures';
import { toCohortStreamId, toFreeTrainingLedgerStreamId } from './training-stream-ids';

/** Cohort n of provider n, free general training in 2021, each a different occupation. */
const cohortOf = (n: number, overrides: Parameters<typeof approvedCohort>[0] = {}) =>
  approvedCohort({ cohortId: cohortIdOf(n), providerId: providerIdOf(n), occupation: `OCC-${n}`, plannedStartOn: `2021-0${n + 2}-01`, plannedEndOn: `2021-0${n + 2}-20`, ...overrides });
const enrolIn = (n: number, overrides: Partial<EnrolTrainee> = {}) => enrolCommand({ cohortId: cohortIdOf(n), providerId: providerIdOf(n), ...overrides });
const cohortState = (events: CohortEvent[]) => fold(cohortDecider, events);
const ledgerState = (events: FreeTrainingLedgerEvent[]) => fold(freeTrainingLedgerDecider, events);

/** The event store as far as these decisions need it: several streams appended at once, each at its expected version. */
class Streams {
  private readonly streams = new Map<string, unknown[]>();
  read<E>(streamId: string): E[] {
    return [...((this.streams.get(streamId) ?? []) as E[])];
  }
  append(writes: { streamId: string; expectedVersion: number; events: unknown[] }[]): void {
    for (const w of writes) if (this.read(w.streamId).length !== w.expectedVersion) throw new Error(`version conflict on ${w.streamId}`);
    for (const w of writes) this.streams.set(w.streamId, [...this.read(w.streamId), ...w.events]);
  }
}

/** What a command handler does: load both streams, decide, and return the append it would make. */
function prepareEnrolment(store: Streams, command: EnrolTrainee) {
  const cohortEvents = store.read<CohortEvent>(toCohortStreamId(command.cohortId));
  const ledgerEvents = store.read<FreeTrainingLedgerEvent>(toFreeTrainingLedgerStreamId(command.labourerId));
  const decision = decideEnrolment(command, { cohort: cohortState(cohortEvents), ledger: ledgerState(ledgerEvents) });
  return [
    { streamId: toCohortStreamId(command.cohortId), expectedVersion: cohortEvents.length, events: decision.cohortEvents },
    { streamId: toFreeTrainingLedgerStreamId(command.labourerId), expectedVersion: ledgerEvents.length, events: decision.ledgerEvents },
  ];
}

function thrownBy(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('enrolment decides the cohort and the person\'s free-training ledger together', () => {
  it('R-FREE-2 reserves the free training on the ledger, dated by the cohort\'s planned start', () => {
    const decision = decideEnrolment(enrolIn(1), { cohort: cohortState(cohortOf(1)), ledger: ledgerState([]) });
    expect(decision).toEqual({
      cohortEvents: [enrolled(LABOURER_ID, cohortIdOf(1))],
      ledgerEvents: [reserved({ cohortId: cohortIdOf(1), occupation: 'OCC-1', startsOn: '2021-03-01', reservedOn: '2021-02-10' })],
    });
  });

  it('R-FREE-2 allows a third and rejects a fourth free training in one calendar year across different providers', () => {
    const ledger: FreeTrainingLedgerEvent[] = [];
    for (const n of [1, 2, 3]) ledger.push(...decideEnrolment(enrolIn(n), { cohort: cohortState(cohortOf(n)), ledger: ledgerState(ledger) }).ledgerEvents);
    expect(ledger).toHaveLength(3);
    const error = thrownBy(() => decideEnrolment(enrolIn(4), { cohort: cohortState(cohortOf(4)), ledger: ledgerState(ledger) }));
    expect(error.code).toBe('ENROLMENT.ANNUAL_LIMIT_REACHED');
    expect((error.details['earlierEnrolments'] as { cohortId: string }[]).map((e) => e.cohortId)).toEqual([cohortIdOf(1), cohortIdOf(2), cohortIdOf(3)]);
  });

  it('R-FREE-2 rejection details hold cohort ids, dates, occupation and level only: no provider, no trainee', () => {
    const ledger = [1, 2, 3].flatMap((n) => [reserved({ cohortId: cohortIdOf(n), occupation: `OCC-${n}`, startsOn: `2021-0${n + 2}-01` })]);
    const error = thrownBy(() => decideEnrolment(enrolIn(4), { cohort: cohortState(cohortOf(4)), ledger: ledgerState(ledger) }));
    for (const earlier of error.details['earlierEnrolments'] as object[]) expect(Object.keys(earlier).sort()).toEqual(['cohortId', 'level', 'occupation', 'startsOn']);
    const shown = error.message + JSON.stringify(error.details);
    for (const secret of [providerIdOf(1), providerIdOf(2), providerIdOf(3), LABOURER_ID, '培训']) expect(shown).not.toContain(secret);
  });

  it('R-FREE-2 does not count enterprise employee training, which is not free training', () => {
    const ledger = [1, 2, 3].map((n) => reserved({ cohortId: cohortIdOf(n), occupation: `OCC-${n}`, startsOn: '2021-03-01' }));
    const decision = decideEnrolment(enrolIn(4, { keyGroups: [] }), { cohort: cohortState(cohortOf(4, { programmeType: 'ENTERPRISE_EMPLOYEE' })), ledger: ledgerState(ledger) });
    expect(decision).toEqual({ cohortEvents: [enrolled(LABOURER_ID, cohortIdOf(4))], ledgerEvents: [] });
  });

  it('R-FREE-1 rejects a person in no key group before the ledger is looked at', () => {
    const full = [1, 2, 3].map((n) => reserved({ cohortId: cohortIdOf(n), occupation: `OCC-${n}`, startsOn: '2021-03-01' }));
    expect(thrownBy(() => decideEnrolment(enrolIn(4, { keyGroups: [] }), { cohort: cohortState(cohortOf(4)), ledger: ledgerState(full) })).code).toBe('ENROLMENT.NOT_KEY_GROUP');
  });

  it('R-FREE-2 holds when two providers enrol the same person at the same moment: the loser retries and is rejected', () => {
    const store = new Streams();
    for (const n of [1, 2, 3, 4]) store.append([{ streamId: toCohortStreamId(cohortIdOf(n)), expectedVersion: 0, events: cohortOf(n) }]);
    store.append(prepareEnrolment(store, enrolIn(1)));
    store.append(prepareEnrolment(store, enrolIn(2)));

    const byProvider3 = prepareEnrolment(store, enrolIn(3));
    const byProvider4 = prepareEnrolment(store, enrolIn(4));
    store.append(byProvider3);
    expect(() => store.append(byProvider4)).toThrow(`version conflict on ${toFreeTrainingLedgerStreamId(LABOURER_ID)}`);
    expect(store.read(toCohortStreamId(cohortIdOf(4)))).toHaveLength(2);

    expect(thrownBy(() => prepareEnrolment(store, enrolIn(4))).code).toBe('ENROLMENT.ANNUAL_LIMIT_REACHED');
    expect(store.read(toFreeTrainingLedgerStreamId(LABOURER_ID))).toHaveLength(3);
  });
});

describe('R-FREE-2 withdrawal and cancellation', () => {
  const history = [...cohortOf(1), enrolled(LABOURER_ID, cohortIdOf(1))];
  const held = [reserved({ cohortId: cohortIdOf(1), occupation: 'OCC-1', startsOn: '2021-03-01' })];
  const withdraw = (overrides = {}) => withdrawCommand({ cohortId: cohortIdOf(1), providerId: providerIdOf(1), ...overrides });

  it('R-FREE-2 releases the free training when the person withdraws before the cohort starts', () => {
    const decision = decideWithdrawal(withdraw(), { cohort: cohortState(history), ledger: ledgerState(held) });
    expect(decision.cohortEvents).toHaveLength(1);
    expect(decision.ledgerEvents).toEqual([{ type: 'FreeTrainingReleased', data: { labourerId: LABOURER_ID, cohortId: cohortIdOf(1), releasedOn: '2021-02-20' } }]);
  });

  it('R-FREE-2 keeps counting the free training when the person withdraws after the cohort started', () => {
    const running = [...history, started(cohortIdOf(1))];
    const decision = decideWithdrawal(withdraw({ withdrawnOn: '2021-03-04' }), { cohort: cohortState(running), ledger: ledgerState(held) });
    expect(decision.cohortEvents).toHaveLength(1);
    expect(decision.ledgerEvents).toEqual([]);
  });

  it('R-GATE-4 refuses a re-enrolment after the start before the ledger is looked at', () => {
    const withdrawnAfterStart: CohortEvent[] = [
      ...history,
      started(cohortIdOf(1)),
      { type: 'TraineeWithdrawn', data: { cohortId: cohortIdOf(1), labourerId: LABOURER_ID, withdrawnOn: '2021-03-04', reason: 'HEALTH' } },
    ];
    const again = enrolIn(1, { enrolledOn: '2021-03-08', context: contextOn('2021-03-08') });
    expect(thrownBy(() => decideEnrolment(again, { cohort: cohortState(withdrawnAfterStart), ledger: ledgerState(held) })).code).toBe('COHORT.WITHDRAWN_CANNOT_RE_ENROL');
  });

  it('R-FREE-2 reserves the slot again when the person re-enrols before the start', () => {
    const released = [...held, { type: 'FreeTrainingReleased' as const, data: { labourerId: LABOURER_ID, cohortId: cohortIdOf(1), releasedOn: '2021-02-20' } }];
    const withdrawnBeforeStart: CohortEvent[] = [
      ...history,
      { type: 'TraineeWithdrawn', data: { cohortId: cohortIdOf(1), labourerId: LABOURER_ID, withdrawnOn: '2021-02-20', reason: 'HEALTH' } },
    ];
    const again = enrolIn(1, { enrolledOn: '2021-02-22', context: contextOn('2021-02-22') });
    const decision = decideEnrolment(again, { cohort: cohortState(withdrawnBeforeStart), ledger: ledgerState(released) });
    expect(decision.cohortEvents).toEqual([enrolled(LABOURER_ID, cohortIdOf(1), '2021-02-22')]);
    expect(decision.ledgerEvents).toEqual([reserved({ cohortId: cohortIdOf(1), occupation: 'OCC-1', startsOn: '2021-03-01', reservedOn: '2021-02-22' })]);
  });

  it('R-FREE-2 releases every trainee\'s free training when a cohort is cancelled before it starts', () => {
    const other = '30a80101-0000-4000-8000-0000000000aa';
    const cancelled: CohortState = cohortState([
      ...history,
      enrolled(other, cohortIdOf(1)),
      { type: 'CohortCancelled', data: { cohortId: cohortIdOf(1), cancelledOn: '2021-02-25', reason: 'TOO_FEW_TRAINEES' } },
    ]);
    const releases = releasesAfterCancellation(cancelled, contextOn('2021-02-25', 'system'));
    expect(releases.map((r) => [r.labourerId, r.cohortId, r.releasedOn])).toEqual([
      [LABOURER_ID, cohortIdOf(1), '2021-02-25'],
      [other, cohortIdOf(1), '2021-02-25'],
    ]);
    expect(freeTrainingLedgerDecider.decide(releases[0]!, ledgerState(held))).toHaveLength(1);
    expect(releasesAfterCancellation(cohortState([planned()]), contextOn('2021-02-25'))).toEqual([]);
  });
});
