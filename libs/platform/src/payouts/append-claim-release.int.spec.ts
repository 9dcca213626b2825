import { randomUUID } from 'node:crypto';
import { claimDecider, createEventCatalogue, toClaimStreamId, toPayoutStreamId, type ClaimEvent, type ClaimReviewCommand, type EventCatalogue } from '@skills/domain';
import { SqlEventStore, type RecordedEvent, type StreamAppend } from '@skills/event-store';
import { OutboxConflictError, PAYOUT_INSTRUCTION_V1, payoutIdempotencyKey, payoutInstructionId, writeToOutbox, type PayoutInstructionV1 } from '@skills/messaging';
import { migrate } from '@skills/sql';
import { createTestDatabase, type TestDatabase } from '@skills/sql/testing';
import { newEnvelope, type CommandEnvelope } from '../commands/command-envelope';
import { decideAndAppend } from '../commands/decide-and-append';
import { releaseAfterNotice } from '../notices/release-after-notice';
import { ALL_MIGRATIONS } from '../system/system';
import { appendClaimEvents } from './append-claim-release';
import { submittedClaim } from './testing/released-claim';

// R-PAY-1 on PostgreSQL: a claim released for payment (an approval with no notice, or the notice timer) writes its
// payout instructions to the outbox in the release's own transaction. The claim pays a provider 100,000 + 90,000 fen
// and a trainee 4,500 fen (total 194,500): two payees, so two instructions, 190,000 and 4,500 fen.
let database: TestDatabase;
let store: SqlEventStore;
let catalogue: EventCatalogue;
const REVIEWER = randomUUID();
const APPROVER = randomUUID();
const at = (day: string) => new Date(`${day}T02:00:00.000Z`);

beforeAll(async () => {
  database = await createTestDatabase(4);
  // ALL_MIGRATIONS, as a deployment runs them: the outbox table comes with them.
  await migrate(database.db, ALL_MIGRATIONS);
  store = new SqlEventStore(database.db);
  catalogue = createEventCatalogue();
});
afterAll(async () => {
  await store?.close();
  await database?.drop();
});

/** A claim submitted and ready for review: provider 100,000 + 90,000 fen, trainee 4,500 fen. */
const readyClaim = () => submittedClaim(store, catalogue);

type ReviewStep = { type: 'CheckClaim'; actorRoles: string[] } | { type: 'ApproveClaim'; actorRoles: string[]; noticeDays: number; policyVersion: string };

/** A review step as the api takes it: decideAndAppend with the payout-writing append. */
function review(claimId: string, envelope: CommandEnvelope, command: ReviewStep) {
  const append = (a: StreamAppend, decided: readonly ClaimEvent[], recorded: readonly RecordedEvent[]) => appendClaimEvents({ store, catalogue }, a, recorded, decided);
  return decideAndAppend({ store, catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command: { ...command, claimId, context: { actor: envelope.actor, now: envelope.now } } as ClaimReviewCommand, envelope, append });
}

const check = (claimId: string, day: string) => review(claimId, newEnvelope(REVIEWER, randomUUID(), randomUUID(), at(day)), { type: 'CheckClaim', actorRoles: ['REVIEWER'] });
const approve = (claimId: string, envelope: CommandEnvelope, noticeDays: number) =>
  review(claimId, envelope, { type: 'ApproveClaim', actorRoles: ['APPROVER'], noticeDays, policyVersion: 'JCCQ-2020-12.v1' });

async function outboxOf(claimId: string): Promise<PayoutInstructionV1[]> {
  const { rows } = await database.db.query<{ payload: PayoutInstructionV1 }>(`SELECT payload FROM outbox WHERE payload->>'claimId' = $1 ORDER BY id`, [claimId]);
  return rows.map((r) => r.payload);
}

async function streamTypes(claimId: string): Promise<string[]> {
  return (await store.readStream(toClaimStreamId(claimId))).map((r) => r.type);
}

describe('payout instructions written with the release (R-PAY-1)', () => {
  it('R-PAY-1 an approval with no notice writes one instruction per payee with the release: provider 190,000 fen, trainee 4,500 fen', async () => {
    const { claimId, provider, trainee } = await readyClaim();
    await check(claimId, '2021-07-01');
    const envelope = newEnvelope(APPROVER, randomUUID(), randomUUID(), at('2021-07-02'));
    await approve(claimId, envelope, 0);

    expect(await streamTypes(claimId)).toEqual(['ClaimSubmitted', 'ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment']);
    const instructions = await outboxOf(claimId);
    expect(instructions.map((i) => [i.payee, i.amountFen])).toEqual([
      [provider, 190_000],
      [trainee, 4_500],
    ]);
    for (const i of instructions) {
      expect(i).toMatchObject({ type: PAYOUT_INSTRUCTION_V1, attempt: 1, scheme: 'R-FREE-3', policyVersion: 'JCCQ-2020-12.v1', releasedOn: '2021-07-02', instructedAt: '2021-07-02T02:00:00.000Z' });
      expect(i.idempotencyKey).toBe(payoutIdempotencyKey(claimId, i.payee));
    }
    const { rows } = await database.db.query<{ key: string; sent: boolean }>(`SELECT message_key AS key, sent_at IS NOT NULL AS sent FROM outbox WHERE payload->>'claimId' = $1 ORDER BY id`, [claimId]);
    // Keyed by payee, and unsent: no relay runs here (no KAFKA_BROKERS), so they wait.
    expect(rows).toEqual([
      { key: provider.id, sent: false },
      { key: trainee.id, sent: false },
    ]);

    // Each payout's stream starts with PayoutInstructed, in the same transaction: answers are recorded there.
    for (const i of instructions) {
      const payoutStream = await store.readStream(toPayoutStreamId(i.idempotencyKey));
      expect(payoutStream.map((r) => [r.type, r.data['instructionId'], r.data['amountFen']])).toEqual([['PayoutInstructed', i.instructionId, i.amountFen]]);
    }

    // A retry of the approval (same Idempotency-Key) appends nothing and writes nothing new.
    const retried = await approve(claimId, envelope, 0);
    expect(retried.alreadyAppended).toBe(true);
    expect(await outboxOf(claimId)).toHaveLength(2);
    expect(await streamTypes(claimId)).toHaveLength(4);
  });

  it('R-PAY-1 a failure writing an instruction rolls back the release and the instructions already written', async () => {
    const { claimId, trainee } = await readyClaim();
    await check(claimId, '2021-07-01');
    // The trainee's instruction id taken by a different message: the second outbox write of the release fails.
    const traineeInstructionId = payoutInstructionId(payoutIdempotencyKey(claimId, trainee), 1);
    await writeToOutbox(database.db, { messageId: traineeInstructionId, topic: 'test.blocker', key: 'blocker', type: 'Blocker', payload: {} });
    const envelope = newEnvelope(APPROVER, randomUUID(), randomUUID(), at('2021-07-02'));

    await expect(approve(claimId, envelope, 0)).rejects.toThrow(OutboxConflictError);
    expect(await streamTypes(claimId)).toEqual(['ClaimSubmitted', 'ClaimChecked']);
    expect(await outboxOf(claimId)).toEqual([]);
    expect(await store.readStream(toPayoutStreamId(payoutIdempotencyKey(claimId, trainee)))).toEqual([]);

    // Once the way is clear the same request succeeds, with both instructions.
    await database.db.query(`DELETE FROM outbox WHERE message_id = $1`, [traineeInstructionId]);
    await approve(claimId, envelope, 0);
    expect(await streamTypes(claimId)).toHaveLength(4);
    expect((await outboxOf(claimId)).map((i) => i.amountFen)).toEqual([190_000, 4_500]);
  });

  it('R-PAY-1 R-CLAIM-3 an approval with a notice instructs nothing; the notice timer release instructs each payee once, however often it runs', async () => {
    const { claimId, provider, trainee } = await readyClaim();
    await check(claimId, '2021-06-29');
    await approve(claimId, newEnvelope(APPROVER, randomUUID(), randomUUID(), at('2021-06-30')), 7);
    expect(await outboxOf(claimId)).toEqual([]);

    // A 7-day notice from 06-30: still running on 07-01, long over on 07-10.
    expect((await releaseAfterNotice({ store, catalogue }, claimId, at('2021-07-01'))).action).toBe('WAIT');
    expect(await outboxOf(claimId)).toEqual([]);
    expect((await releaseAfterNotice({ store, catalogue }, claimId, at('2021-07-10'))).action).toBe('RELEASE');
    expect((await releaseAfterNotice({ store, catalogue }, claimId, at('2021-07-11'))).action).toBe('DONE');

    expect(await streamTypes(claimId)).toEqual(['ClaimSubmitted', 'ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment']);
    const instructions = await outboxOf(claimId);
    expect(instructions.map((i) => [i.payee, i.amountFen, i.releasedOn, i.instructedAt])).toEqual([
      [provider, 190_000, '2021-07-10', '2021-07-10T02:00:00.000Z'],
      [trainee, 4_500, '2021-07-10', '2021-07-10T02:00:00.000Z'],
    ]);
  });
});
