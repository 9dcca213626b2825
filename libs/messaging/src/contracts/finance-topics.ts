/**
 * The Kafka topics shared with finance (区财政局). The version in a topic's name changes only with an incompatible
 * change of its messages; compatible additions bump the message type's version (`PayoutInstruction.v2`) instead.
 */
export const FINANCE_TOPICS = {
  /** R-PAY-1: one message per payout instruction, keyed by the payee's id. */
  payoutInstructions: 'finance.payout-instructions.v1',
  /** R-PAY-1: finance's answers (PayoutAnswer.v1), keyed by the payee's id. */
  payoutAnswers: 'finance.payout-answers.v1',
  /** Answers the consumer could not record (malformed, unknown instruction, contradicting): with the reason. */
  payoutAnswersDeadLetter: 'finance.payout-answers.dlq.v1',
} as const;

/** Headers on every message the relay publishes. */
export const MESSAGE_HEADERS = {
  /** The outbox message id: unique per message (for a payout instruction, its instructionId). */
  messageId: 'message-id',
  /** The contract and its version, e.g. `PayoutInstruction.v1`: which JSON Schema the value follows. */
  messageType: 'message-type',
  contentType: 'content-type',
} as const;
