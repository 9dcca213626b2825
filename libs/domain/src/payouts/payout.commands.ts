import type { CommandContext } from '../shared/decider';
import type { PayoutCancellationReason, PayoutInstructed } from './payout.events';

/** R-PAY-1: record that an instruction was written to the outbox (with the release, or a re-instruction). */
export interface RecordPayoutInstructed {
  readonly type: 'RecordPayoutInstructed';
  readonly instruction: PayoutInstructed['data'];
}

/** Finance's answer to one attempt, as read from its topic (libs/messaging PayoutAnswer.v1). */
export type PayoutAnswer =
  | { readonly outcome: 'PAID'; readonly answerId: string; readonly instructionId: string; readonly amountFen: number; readonly bankReference: string; readonly paidOn: string }
  | { readonly outcome: 'FAILED'; readonly answerId: string; readonly instructionId: string; readonly reasonCode: string; readonly failedOn: string };

export interface RecordPayoutAnswer {
  readonly type: 'RecordPayoutAnswer';
  readonly answer: PayoutAnswer;
}

/**
 * R-PAY-1: send a failed payout to finance again. The handler names the next attempt and its instruction id (derived
 * from the idempotency key and the attempt, libs/messaging payout-ids.ts), so `decide` stays pure.
 */
export interface ReinstructPayout {
  readonly type: 'ReinstructPayout';
  readonly attempt: number;
  readonly instructionId: string;
  readonly actorRoles: readonly string[];
  readonly context: CommandContext;
}

/** R-PAY-1: close a failed payout for good; the text is sealed by the handler under `noteId`, the event keeps its digest. */
export interface CancelPayout {
  readonly type: 'CancelPayout';
  readonly reason: { readonly code: PayoutCancellationReason; readonly note: { readonly noteId: string; readonly digest: string; readonly text: string } };
  readonly actorRoles: readonly string[];
  readonly context: CommandContext;
}

/** Who may re-instruct or cancel a failed payout: the bureau's approver, who released the money in the first place. */
export const PAYOUT_DECIDER_ROLE = 'APPROVER';

export type PayoutCommand = RecordPayoutInstructed | RecordPayoutAnswer | ReinstructPayout | CancelPayout;
