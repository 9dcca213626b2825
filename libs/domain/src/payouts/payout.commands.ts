import type { PayoutInstructed } from './payout.events';

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

export type PayoutCommand = RecordPayoutInstructed | RecordPayoutAnswer;
