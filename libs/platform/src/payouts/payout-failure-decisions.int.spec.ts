import { randomBytes, randomUUID } from 'node:crypto';
import { createEventCatalogue, fold, payoutDecider, toPayoutStreamId, type CancelPayout, type EventCatalogue, type PayoutEvent } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { payoutInstructionId } from '@skills/messaging';
import { SealedTexts, sealedTextDigest } from '@skills/personal-data';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { newEnvelope } from '../commands/command-envelope';
import { ALL_MIGRATIONS } from '../system/system';
import { cancelPayout, reinstructPayout } from './payout-failure-decisions';
import { recordPayoutAnswer } from './record-payout-answer';
import { releasedClaim } from './testing/released-claim';

// R-PAY-1 a failed payout re-instructed (a new outbox row in the event's transaction) or cancelled (a sealed reason,
// no row), on PostgreSQL. No broker: rows wait in the outbox, as without KAFKA_BROKERS.
let database: TestDatabase;
let store: SqlEventStore;
let catalogue: EventCatalogue;
let sealed: SealedTexts;
const fingerprintKey = randomBytes(32);
const APPROVER = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase(4);
  await migrate(database.db, ALL_MIGRATIONS);
  store = new SqlEventStore(database.db);
  catalogue = createEventCatalogue();
  sealed = new SealedTexts(database.db, randomBytes(32));
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

async function failed(payout: { idempotencyKey: string; instructionId: string }): Promise<void> {
  await recordPayoutAnswer(
    { store, catalogue },
    { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: payout.instructionId, idempotencyKey: payout.idempotencyKey, answeredAt: '2021-07-05T08:00:00.000Z', outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05' },
  );
}

async function outboxRows(idempotencyKey: string) {
  const { rows } = await database.db.query<{ message_id: string; message_key: string; payload: { attempt: number; idempotencyKey: string; amountFen: number; instructionId: string } }>(
    `SELECT message_id, message_key, payload FROM outbox WHERE payload->>'idempotencyKey' = $1 ORDER BY id`,
    [idempotencyKey],
  );
  return rows;
}

async function payoutEvents(idempotencyKey: string): Promise<PayoutEvent[]> {
  return (await store.readStream(toPayoutStreamId(idempotencyKey))).map((r) => catalogue.deserialise(r) as PayoutEvent);
}

describe('a failed payout re-instructed or cancelled (R-PAY-1)', () => {
  it('R-PAY-1 failed → re-instructed: one new outbox row, attempt 2, same idempotency key, new instruction id; a retry writes nothing new', async () => {
    const { provider } = await releasedClaim(store, catalogue);
    await failed(provider);
    const envelope = newEnvelope(APPROVER, randomUUID(), randomUUID(), new Date('2021-07-06T01:00:00.000Z'));
    const first = await reinstructPayout({ store, catalogue }, provider.idempotencyKey, ['APPROVER'], envelope);
    expect(first.alreadyDone).toBe(false);
    expect(first.state.status).toBe('INSTRUCTED');

    const second = payoutInstructionId(provider.idempotencyKey, 2);
    expect(second).not.toBe(provider.instructionId);
    const rows = await outboxRows(provider.idempotencyKey);
    expect(rows.map((r) => [r.message_id, r.payload.attempt, r.payload.idempotencyKey, r.payload.amountFen, r.message_key])).toEqual([
      [provider.instructionId, 1, provider.idempotencyKey, 190_000, provider.payee.id],
      [second, 2, provider.idempotencyKey, 190_000, provider.payee.id],
    ]);

    // The same request again (same Idempotency-Key): nothing new, in the outbox or the stream.
    const retried = await reinstructPayout({ store, catalogue }, provider.idempotencyKey, ['APPROVER'], envelope);
    expect(retried.alreadyDone).toBe(true);
    expect(await outboxRows(provider.idempotencyKey)).toHaveLength(2);
    expect((await payoutEvents(provider.idempotencyKey)).map((e) => e.type)).toEqual(['PayoutInstructed', 'PayoutFailed', 'PayoutReinstructed']);

    // Another key while attempt 2 waits for finance: refused, still nothing new.
    await expect(reinstructPayout({ store, catalogue }, provider.idempotencyKey, ['APPROVER'], newEnvelope(APPROVER, randomUUID()))).rejects.toMatchObject({ code: 'PAYOUT.NOT_FAILED' });
    expect(await outboxRows(provider.idempotencyKey)).toHaveLength(2);
  });

  it('R-PAY-1 a PAID payout cannot be re-instructed: no row is written', async () => {
    const { trainee } = await releasedClaim(store, catalogue);
    await recordPayoutAnswer(
      { store, catalogue },
      { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: trainee.instructionId, idempotencyKey: trainee.idempotencyKey, answeredAt: '2021-07-05T08:00:00.000Z', outcome: 'PAID', amountFen: 4_500, bankReference: 'ICBC-1', paidOn: '2021-07-05' },
    );
    await expect(reinstructPayout({ store, catalogue }, trainee.idempotencyKey, ['APPROVER'], newEnvelope(APPROVER, randomUUID()))).rejects.toMatchObject({ code: 'PAYOUT.NOT_FAILED' });
    expect(await outboxRows(trainee.idempotencyKey)).toHaveLength(1);
  });

  it('R-PAY-1 failed → cancelled: the reason sealed in the same transaction, no outbox row; a retry changes nothing, and it cannot be re-instructed after', async () => {
    const { trainee } = await releasedClaim(store, catalogue);
    await failed(trainee);
    const envelope = newEnvelope(APPROVER, randomUUID(), randomUUID(), new Date('2021-07-06T01:00:00.000Z'));
    const noteId = randomUUID();
    const text = 'The trainee moved away and closed the account.';
    const command: CancelPayout = {
      type: 'CancelPayout',
      reason: { code: 'BANK_DETAILS_UNAVAILABLE', note: { noteId, text, digest: sealedTextDigest(fingerprintKey, 'payout-cancellation', noteId, text) } },
      actorRoles: ['APPROVER'],
      context: { actor: APPROVER, now: envelope.now },
    };
    const seal = (tx: Parameters<SealedTexts['put']>[0]) => sealed.put(tx, 'payout-cancellation', noteId, text);
    const result = await cancelPayout({ store, catalogue }, trainee.idempotencyKey, command, envelope, seal);
    expect(result.state.status).toBe('CANCELLED');
    expect(await outboxRows(trainee.idempotencyKey)).toHaveLength(1);
    expect((await sealed.getMany('payout-cancellation', [noteId])).get(noteId)).toBe(text);

    expect((await cancelPayout({ store, catalogue }, trainee.idempotencyKey, command, envelope, seal)).alreadyDone).toBe(true);
    const events = await payoutEvents(trainee.idempotencyKey);
    expect(events.map((e) => e.type)).toEqual(['PayoutInstructed', 'PayoutFailed', 'PayoutCancelled']);
    expect(events[2]!.data).toMatchObject({ attempt: 1, cancelledOn: '2021-07-06', reason: { code: 'BANK_DETAILS_UNAVAILABLE', note: { vaultKey: noteId, length: 46 } } });
    expect(JSON.stringify(events)).not.toContain('moved away');
    await expect(reinstructPayout({ store, catalogue }, trainee.idempotencyKey, ['APPROVER'], newEnvelope(APPROVER, randomUUID()))).rejects.toMatchObject({ code: 'PAYOUT.NOT_FAILED' });
    expect(await outboxRows(trainee.idempotencyKey)).toHaveLength(1);
    expect(fold(payoutDecider, events).status).toBe('CANCELLED');
  });
});
