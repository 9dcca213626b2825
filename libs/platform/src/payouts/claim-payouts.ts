import { claimDecider, fold, payoutDecider, toClaimStreamId, toPayoutStreamId, type ClaimEvent, type EventCatalogue, type PayoutEvent, type PayoutStatus } from '@skills/domain';
import type { EventStore } from '@skills/event-store';
import { payoutInstructionsOnRelease } from '@skills/messaging';
import type { SqlExecutor } from '@skills/sql';

export interface ClaimPayoutView {
  readonly idempotencyKey: string;
  readonly payee: { readonly kind: string; readonly id: string };
  readonly amountFen: number;
  readonly status: PayoutStatus;
  /** When the relay had the broker's acknowledgement of the latest attempt; null while it waits in the outbox. */
  readonly sentToFinanceAt: string | null;
  readonly attempts: readonly {
    readonly attempt: number;
    readonly instructionId: string;
    readonly instructedAt: string;
    /** The approver who sent a failed payout again (R-PAY-1); null for attempt 1, instructed by the release. */
    readonly reinstructedBy: string | null;
    readonly answer: { readonly outcome: 'PAID'; readonly bankReference: string; readonly paidOn: string } | { readonly outcome: 'FAILED'; readonly reasonCode: string; readonly failedOn: string } | null;
  }[];
  /** R-PAY-1: who closed the FAILED payout, when and why (code; the written reason is sealed, its length shown). */
  readonly cancellation: { readonly attempt: number; readonly cancelledBy: string; readonly cancelledOn: string; readonly reasonCode: string; readonly reasonLength: number } | null;
}

/**
 * NOT_RELEASED: no payout yet. INSTRUCTED: some payout has no answer. PAID: every payout paid, the claim is paid.
 * FAILED: some payout failed and waits for a re-instruction or a cancellation (never dropped). CLOSED: every payout is
 * paid or cancelled and at least one was cancelled, so `paidFen` is short of `releasedFen` by the cancelled amounts.
 */
export type ClaimPaymentStatus = 'NOT_RELEASED' | 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CLOSED';

/**
 * R-PAY-1: a claim's payouts, one per payee, from the event store (the claim's stream gives the payees and keys as the
 * release instructed them; each payout's stream gives its attempts and finance's answers) and the outbox (sent or
 * waiting). `paidFen` sums the paid payouts: equal to `releasedFen` once the claim is paid.
 */
export async function claimPayouts(deps: { readonly store: EventStore; readonly catalogue: EventCatalogue; readonly db: SqlExecutor }, claimId: string) {
  const recorded = await deps.store.readStream(toClaimStreamId(claimId));
  const events = recorded.map((r) => deps.catalogue.deserialise(r) as ClaimEvent);
  const releaseIndex = recorded.findIndex((r) => r.type === 'ClaimReleasedForPayment');
  const release = recorded[releaseIndex];
  if (!release || fold(claimDecider, events).status === 'absent') return { claimId: claimId.toLowerCase(), status: 'NOT_RELEASED' as ClaimPaymentStatus, releasedFen: 0, paidFen: 0, payouts: [] as ClaimPayoutView[] };
  const upToRelease = events.slice(0, releaseIndex + 1);
  const instructions = payoutInstructionsOnRelease(upToRelease, release.metadata.occurredAt);
  const payouts: ClaimPayoutView[] = [];
  for (const instruction of instructions) {
    const state = fold(payoutDecider, (await deps.store.readStream(toPayoutStreamId(instruction.idempotencyKey))).map((r) => deps.catalogue.deserialise(r) as PayoutEvent));
    if (state.status === 'absent') continue;
    const latest = state.attempts[state.attempts.length - 1]!;
    const sent = await deps.db.query<{ sent_at: Date | string | null }>('SELECT sent_at FROM outbox WHERE message_id = $1', [latest.instructionId]);
    const sentAt = sent.rows[0]?.sent_at ?? null;
    payouts.push({
      idempotencyKey: instruction.idempotencyKey,
      payee: state.instruction.payee,
      amountFen: state.instruction.amountFen,
      status: state.status,
      sentToFinanceAt: sentAt === null ? null : new Date(sentAt).toISOString(),
      attempts: state.attempts.map((a) => ({ attempt: a.attempt, instructionId: a.instructionId, instructedAt: a.instructedAt, reinstructedBy: a.reinstructedBy ?? null, answer: a.answer ?? null })),
      cancellation: state.cancellation
        ? { attempt: state.cancellation.attempt, cancelledBy: state.cancellation.cancelledBy, cancelledOn: state.cancellation.cancelledOn, reasonCode: state.cancellation.reason.code, reasonLength: state.cancellation.reason.note.length }
        : null,
    });
  }
  const releasedFen = instructions.reduce((sum, i) => sum + i.amountFen, 0);
  const paidFen = payouts.filter((p) => p.status === 'PAID').reduce((sum, p) => sum + p.amountFen, 0);
  const status: ClaimPaymentStatus = payouts.some((p) => p.status === 'FAILED')
    ? 'FAILED'
    : payouts.length > 0 && payouts.every((p) => p.status === 'PAID')
      ? 'PAID'
      : payouts.length > 0 && payouts.every((p) => p.status === 'PAID' || p.status === 'CANCELLED')
        ? 'CLOSED'
        : 'INSTRUCTED';
  return { claimId: claimId.toLowerCase(), status, releasedFen, paidFen, payouts };
}
