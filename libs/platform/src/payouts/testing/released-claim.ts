import { randomBytes, randomUUID } from 'node:crypto';
import { claimDecider, toClaimStreamId, type ClaimEvent, type ClaimReviewCommand, type ClaimSubmitted, type EventCatalogue } from '@skills/domain';
import type { RecordedEvent, SqlEventStore, StreamAppend } from '@skills/event-store';
import { payoutIdempotencyKey, payoutInstructionId } from '@skills/messaging';
import { newEnvelope } from '../../commands/command-envelope';
import { decideAndAppend } from '../../commands/decide-and-append';
import { appendClaimEvents } from '../append-claim-release';

const at = (day: string) => new Date(`${day}T02:00:00.000Z`);

/**
 * TEST ONLY. A claim submitted on 2021-06-20 and ready for review, not yet checked: the provider is owed
 * 100,000 + 90,000 fen, the trainee 4,500 fen (total 194,500).
 */
export async function submittedClaim(store: SqlEventStore, catalogue: EventCatalogue) {
  const claimId = randomUUID();
  const provider = { kind: 'PROVIDER' as const, id: randomUUID() };
  const trainee = { kind: 'LABOURER' as const, id: randomUUID() };
  const period = { from: '2021-05-01', to: '2021-05-10' };
  const line = (payee: typeof provider | typeof trainee, amountFen: number) => ({
    lineId: randomUUID(),
    ruleId: 'R-FREE-3' as const,
    labourerId: trainee.id,
    period,
    payee,
    policyVersion: 'JCCQ-2020-12.v1',
    explanation: { ruleId: 'R-FREE-3' as const, policyVersion: 'JCCQ-2020-12.v1', inputs: {}, arithmetic: `${amountFen / 100} yuan` },
    outcome: 'AMOUNT' as const,
    amountFen,
    paymentKey: randomBytes(32).toString('hex'),
  });
  const data: ClaimSubmitted['data'] = {
    claimId,
    scheme: 'R-FREE-3',
    subject: { kind: 'COHORT', id: randomUUID() },
    period,
    submittedBy: { organisation: provider, accountId: randomUUID() },
    submittedOn: '2021-06-20',
    status: 'READY_FOR_REVIEW',
    tier: null,
    gates: [],
    lines: [line(provider, 100_000), line(trainee, 4_500), line(provider, 90_000)],
    totalFen: 194_500,
  };
  const metadata = { actor: data.submittedBy.accountId, correlationId: randomUUID(), causationId: null, occurredAt: at('2021-06-20').toISOString() };
  await store.append({ streamId: toClaimStreamId(claimId), expectedVersion: 'no_stream', events: [{ eventId: randomUUID(), ...catalogue.serialise({ type: 'ClaimSubmitted', data }), metadata }] });
  return { claimId, provider, trainee };
}

/**
 * TEST ONLY. The submitted claim above, checked and approved with no notice on 2021-07-02, so released for payment
 * with its payout instructions: 190,000 fen to the provider, 4,500 fen to the trainee.
 */
export async function releasedClaim(store: SqlEventStore, catalogue: EventCatalogue) {
  const { claimId, provider, trainee } = await submittedClaim(store, catalogue);
  const append = (a: StreamAppend, decided: readonly ClaimEvent[], recorded: readonly RecordedEvent[]) => appendClaimEvents({ store, catalogue }, a, recorded, decided);
  const review = async (actor: string, command: { type: 'CheckClaim'; actorRoles: string[] } | { type: 'ApproveClaim'; actorRoles: string[]; noticeDays: number; policyVersion: string }) => {
    const envelope = newEnvelope(actor, randomUUID(), randomUUID(), at(command.type === 'CheckClaim' ? '2021-07-01' : '2021-07-02'));
    await decideAndAppend({ store, catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command: { ...command, claimId, context: { actor, now: envelope.now } } as ClaimReviewCommand, envelope, append });
  };
  await review(randomUUID(), { type: 'CheckClaim', actorRoles: ['REVIEWER'] });
  await review(randomUUID(), { type: 'ApproveClaim', actorRoles: ['APPROVER'], noticeDays: 0, policyVersion: 'JCCQ-2020-12.v1' });
  const payout = (payee: typeof provider | typeof trainee, amountFen: number) => {
    const idempotencyKey = payoutIdempotencyKey(claimId, payee);
    return { payee, amountFen, idempotencyKey, instructionId: payoutInstructionId(idempotencyKey, 1) };
  };
  return { claimId, provider: payout(provider, 190_000), trainee: payout(trainee, 4_500) };
}
