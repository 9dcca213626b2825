import { claimDecider, fold, type ClaimApproved, type ClaimEvent, type ClaimReleasedForPayment, type ClaimState } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';
import { payoutIdempotencyKey, payoutInstructionId } from '../contracts/payout-ids';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionMessage, type PayoutInstructionV1 } from '../contracts/payout-instruction.v1';
import { writeToOutbox } from '../outbox/write-to-outbox';

type Payee = PayoutInstructionV1['payee'];

/** The claim's released total and the sum of its payable lines disagree: nothing is instructed (R-PAY-1). */
export class PayoutTotalMismatchError extends Error {
  readonly code = 'PAYOUT.TOTAL_MISMATCH';
  constructor(readonly claimId: string, readonly releasedFen: number, readonly linesFen: number) {
    super(`Claim ${claimId} was released for ${releasedFen} fen but its payable lines sum to ${linesFen} fen: no payout is instructed until they agree`);
    this.name = 'PayoutTotalMismatchError';
  }
}

/** The claim's stream has no release for payment: there is nothing to instruct. */
export class ClaimNotReleasedError extends Error {
  readonly code = 'PAYOUT.CLAIM_NOT_RELEASED';
  constructor(readonly claimId: string) {
    super(`Claim ${claimId} has no ClaimReleasedForPayment: payouts are instructed only on release`);
    this.name = 'ClaimNotReleasedError';
  }
}

/**
 * R-PAY-1: the payout instructions of a claim just released for payment, from its stream's events up to and with the
 * ClaimReleasedForPayment: one per payee, the sum of that payee's payable lines (AMOUNT lines as the claim stands after
 * overrides and gate decisions; on an adjustment claim its TOP_UP lines: a clawback is money to recover, not a payout).
 * Attempt 1, so the idempotency key and the instruction id derive from the claim and the payee alone and a retried
 * release writes the very same messages. `instructedAt` must be the release's own instant (its metadata.occurredAt),
 * for the same reason. The total must equal the release's, to the fen, or nothing is instructed.
 */
export function payoutInstructionsOnRelease(events: readonly ClaimEvent[], instructedAt: string): PayoutInstructionV1[] {
  const state = fold(claimDecider, events);
  const claimId = claimIdOf(state);
  const release = [...events].reverse().find((e): e is ClaimReleasedForPayment => e.type === 'ClaimReleasedForPayment');
  const approval = [...events].reverse().find((e): e is ClaimApproved => e.type === 'ClaimApproved');
  if (!release || !approval || state.status === 'absent') throw new ClaimNotReleasedError(claimId);

  const perPayee = new Map<string, { payee: Payee; amountFen: number }>();
  for (const { payee, amountFen } of payableLines(state)) {
    const key = `${payee.kind}:${payee.id.toLowerCase()}`;
    const sum = perPayee.get(key) ?? { payee: { kind: payee.kind, id: payee.id }, amountFen: 0 };
    perPayee.set(key, { ...sum, amountFen: sum.amountFen + amountFen });
  }
  const payees = [...perPayee.values()].filter((p) => p.amountFen > 0);
  const linesFen = payees.reduce((total, p) => total + p.amountFen, 0);
  if (linesFen !== release.data.totalFen) throw new PayoutTotalMismatchError(claimId, release.data.totalFen, linesFen);

  const scheme = state.status === 'submitted' ? state.claim.scheme : state.adjustment.scheme;
  return payees.map(({ payee, amountFen }) => {
    const idempotencyKey = payoutIdempotencyKey(claimId, payee);
    return {
      type: PAYOUT_INSTRUCTION_V1,
      instructionId: payoutInstructionId(idempotencyKey, 1),
      idempotencyKey,
      attempt: 1,
      claimId,
      payee,
      amountFen,
      currency: 'CNY',
      scheme,
      policyVersion: approval.data.policyVersion,
      releasedOn: release.data.releasedOn,
      instructedAt,
    };
  });
}

/** Writes them to the outbox with `tx`, the transaction that appends the ClaimReleasedForPayment. Retry-safe. */
export async function writePayoutInstructions(tx: SqlExecutor, instructions: readonly PayoutInstructionV1[]): Promise<void> {
  for (const instruction of instructions) await writeToOutbox(tx, payoutInstructionMessage(instruction));
}

function payableLines(state: Exclude<ClaimState, { status: 'absent' }>): { payee: Payee; amountFen: number }[] {
  if (state.status === 'submitted') return state.claim.lines.flatMap((line) => (line.outcome === 'AMOUNT' ? [{ payee: line.payee, amountFen: line.amountFen }] : []));
  return state.adjustment.lines.flatMap((line) => (line.direction === 'TOP_UP' ? [{ payee: line.payee, amountFen: line.amountFen }] : []));
}

function claimIdOf(state: ClaimState): string {
  if (state.status === 'submitted') return state.claim.claimId;
  if (state.status === 'adjustment') return state.adjustment.claimId;
  return 'unknown';
}
