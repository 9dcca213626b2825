/** One message for Kafka, as the outbox holds it until the relay has published it. */
export interface OutboxMessage {
  /** Unique per message: writing the same message again is a no-op. */
  readonly messageId: string;
  readonly topic: string;
  /** The Kafka key: messages of one key keep their order (for payouts, the payee). */
  readonly key: string;
  /** The contract and its version, e.g. `PayoutInstruction.v1`; sent as the `message-type` header. */
  readonly type: string;
  /** JSON, already validated against the contract by whoever wrote it. */
  readonly payload: Record<string, unknown>;
}

/**
 * A message read back from the outbox for publishing. The payload comes as PostgreSQL's text of the jsonb, sent to
 * Kafka as it is: parsing it into objects only to serialise it again cost the relay time for nothing (issue 6, bench).
 */
export interface OutboxRow extends Omit<OutboxMessage, 'payload'> {
  /** The outbox row's id (int8 as text): the order of the rows of one key. */
  readonly id: string;
  /** The payload as JSON text (`payload::text`: the same content as written, with jsonb's spacing and key order). */
  readonly payloadJson: string;
}

/** The same message id was written before with different content: a bug in the writer, never a retry. */
export class OutboxConflictError extends Error {
  readonly code = 'OUTBOX.MESSAGE_ID_CONFLICT';
  constructor(readonly messageId: string) {
    super(`Outbox message ${messageId} was already written with a different topic, key, type or payload; a retry must write the very same message`);
    this.name = 'OutboxConflictError';
  }
}
