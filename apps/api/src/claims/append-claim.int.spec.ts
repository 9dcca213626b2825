import { randomUUID } from 'node:crypto';
import { createEventCatalogue, DomainError, toClaimStreamId, type ClaimGate, type Submitter } from '@skills/domain';
import { EVENT_STORE_MIGRATIONS, SqlEventStore } from '@skills/event-store';
import { newEnvelope } from '@skills/platform';
import { JCCQ_2020_12, calculateGeneralTraining } from '@skills/policy';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { appendClaim } from './append-claim';
import { paymentKeyOf } from './payment-keys';
import { claimLinesOf } from './schemes/claim-lines';
import type { ComputedClaim } from './schemes/claim-source';

const ROUNDS = 20;
const PERIOD = { from: '2021-03-01', to: '2021-03-10' };
const gate = (id: ClaimGate['gate'], ruleId: ClaimGate['ruleId'], thresholdPercent: number): ClaimGate => ({
  gate: id,
  ruleId,
  thresholdPercent,
  rate: { numerator: 3, denominator: 3 },
  status: 'HOLDING',
  windowEnd: '2021-06-08',
  asOf: '2021-05-01',
  policyVersion: 'JCCQ-2020-12.v1',
  arithmetic: '3 / 3 = 100.00%',
});
const GATES = [gate('PASS', 'R-GATE-1', 95), gate('CERTIFICATION', 'R-GATE-2', 60), gate('EMPLOYMENT', 'R-GATE-3', 30)];

// R-CLAIM-2 on real PostgreSQL: two claims race for one person of one cohort; the payment key's 'no_stream' append
// lets exactly one win, every time, and the other is refused naming the person.
describe('racing claims on PostgreSQL (R-CLAIM-2)', () => {
  let database: TestDatabase;
  let system: { db: TestDatabase['db']; store: SqlEventStore; catalogue: ReturnType<typeof createEventCatalogue> };

  beforeAll(async () => {
    database = await createTestDatabase(10);
    await migrate(database.db, EVENT_STORE_MIGRATIONS);
    system = { db: database.db, store: new SqlEventStore(database.db), catalogue: createEventCatalogue() };
  });
  afterAll(async () => {
    await system?.store.close();
    await database?.drop();
  });

  const submitter = (organisationId: string): Submitter => ({ organisation: { kind: 'PROVIDER', id: organisationId }, accountId: randomUUID() });

  /** Resolves once `parties` callers are waiting: both claims have computed before either reads the keys. */
  function barrier(parties: number): () => Promise<void> {
    let arrived = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return () => {
      if (++arrived === parties) open();
      return opened;
    };
  }

  /** An R-FREE-3 claim under a fresh Idempotency-Key for the trainees of the cohort, 7 days each. */
  function claimFor(cohortId: string, providerId: string, trainees: readonly string[], by: Submitter, computed: () => Promise<void> = async () => {}) {
    const key = randomUUID();
    const envelope = newEnvelope(by.accountId, randomUUID(), key);
    const claimId = randomUUID();
    const subject = { kind: 'COHORT', id: cohortId } as const;
    const compute = async (): Promise<ComputedClaim> => {
      const calculation = calculateGeneralTraining({
        policy: JCCQ_2020_12,
        serviceDate: PERIOD.from,
        cohortId,
        providerId,
        trainingDaysHeld: 7,
        trainees: trainees.map((labourerId) => ({ labourerId, attendedDays: 7 })),
      });
      await computed();
      return { period: PERIOD, gates: GATES, lines: claimLinesOf(calculation, { claimId, scheme: 'R-FREE-3', subject, period: PERIOD }), policyVersion: calculation.policyVersion };
    };
    return { claimId, envelope, run: () => appendClaim(system, envelope, { claimId, scheme: 'R-FREE-3', subject, submitter: by, commandHash: key.slice(0, 32) }, compute) };
  }

  it(`R-CLAIM-2 of two claims racing for one person, exactly one wins, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [cohortId, providerId, shared, onlyA, onlyB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      // Two clerks of one provider, or (every other round) two organisations: the key ignores the payee.
      const bothComputed = barrier(2);
      const a = claimFor(cohortId, providerId, [onlyA, shared], submitter(providerId), bothComputed);
      const b = claimFor(cohortId, providerId, [shared, onlyB], submitter(round % 2 === 0 ? providerId : randomUUID()), bothComputed);
      const results = await Promise.allSettled([a.run(), b.run()]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = lost[0]!.reason as DomainError;
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe('CLAIM.ALREADY_CLAIMED');
      const winner = results[0]!.status === 'fulfilled' ? a : b;
      const sameOrganisation = round % 2 === 0;
      expect(error.details).toEqual({ ruleId: 'R-CLAIM-2', alreadyClaimed: [{ labourerId: shared, ...(sameOrganisation ? { claimId: winner.claimId } : {}) }] });
      // One reservation of the shared person's key, held by the winner; the loser left nothing behind.
      const reserved = await system.store.readStream(`payment-key-${paymentKeyOf({ scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: cohortId }, period: PERIOD, labourerId: shared })}`);
      expect(reserved.map((e) => (e.data as { claimId: string }).claimId)).toEqual([winner.claimId]);
      const loser = winner === a ? b : a;
      expect(await system.store.readStream(toClaimStreamId(loser.claimId))).toEqual([]);
      const onlyLoser = winner === a ? onlyB : onlyA;
      expect(await system.store.readStream(`payment-key-${paymentKeyOf({ scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: cohortId }, period: PERIOD, labourerId: onlyLoser })}`)).toEqual([]);
    }
  });

  it('R-CLAIM-1 the same request sent twice at once makes one claim, answered to both', async () => {
    const [cohortId, providerId] = [randomUUID(), randomUUID()];
    const claim = claimFor(cohortId, providerId, [randomUUID(), randomUUID()], submitter(providerId));
    const [first, second] = await Promise.all([claim.run(), claim.run()]);
    expect(first.claim).toEqual(second.claim);
    expect([first.alreadySubmitted, second.alreadySubmitted].sort()).toEqual([false, true]);
    expect(first.claim.totalFen).toBe(200_000);
    expect(await system.store.readStream(toClaimStreamId(claim.claimId))).toHaveLength(1);
  });
});
