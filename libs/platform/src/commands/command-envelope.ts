import { createHash, randomUUID } from 'node:crypto';
import type { DomainEvent, EventCatalogue } from '@skills/domain';
import type { EventMetadata, EventToAppend } from '@skills/event-store';
import { deterministicUuid } from './deterministic-id';

/** Everything a command brings besides its payload: who, when, in answer to what, and its idempotency key. */
export interface CommandEnvelope {
  readonly actor: string;
  readonly correlationId: string;
  /** What caused the events: the command itself (its idempotency key), or the event a process manager reacted to. */
  readonly causationId: string | null;
  /** ISO-8601 instant. */
  readonly now: string;
  /** From the Idempotency-Key header, or a fresh UUID when the caller sent none (then a retry is not a no-op). */
  readonly idempotencyKey: string;
}

export function newEnvelope(actor: string, correlationId: string, idempotencyKey?: string, now = new Date()): CommandEnvelope {
  const key = idempotencyKey ?? randomUUID();
  return { actor, correlationId, causationId: key, now: now.toISOString(), idempotencyKey: key };
}

/** The domain's view of the envelope: who and when, nothing else. */
export function contextOf(envelope: CommandEnvelope): { actor: string; now: string } {
  return { actor: envelope.actor, now: envelope.now };
}

export function metadataOf(envelope: CommandEnvelope, policyVersion?: string, commandHash?: string): EventMetadata {
  return {
    actor: envelope.actor,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    occurredAt: envelope.now,
    ...(policyVersion ? { policyVersion } : {}),
    ...(commandHash ? { commandHash } : {}),
  };
}

/**
 * A short hash of what a command asks for: its fields, without who and when (`context`) and without look-up
 * sets the handler adds. Stable across key order.
 */
export function hashCommand(command: unknown): string {
  const json = JSON.stringify(command, (key, value: unknown) => {
    if (key === 'context' || value instanceof Set) return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
  });
  return createHash('sha256').update(json ?? '').digest('hex').slice(0, 32);
}

/**
 * Serialises domain events for one stream of one command. Event ids come from the idempotency key, the stream and
 * the index, so the same command retried produces the same ids.
 */
export function toEventsToAppend(
  catalogue: EventCatalogue,
  envelope: CommandEnvelope,
  streamId: string,
  events: readonly DomainEvent[],
  policyVersion?: string,
  commandHash?: string,
): EventToAppend[] {
  const metadata = metadataOf(envelope, policyVersion, commandHash);
  return events.map((event, index) => {
    const serialised = catalogue.serialise(event);
    return {
      eventId: deterministicUuid(envelope.idempotencyKey, streamId, String(index)),
      type: serialised.type,
      schemaVersion: serialised.schemaVersion,
      data: serialised.data,
      metadata,
    };
  });
}
