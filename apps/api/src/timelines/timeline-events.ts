import { comparePositions, formatPosition, type RecordedEvent } from '@skills/event-store';
import type { System } from '@skills/platform';

/**
 * Keys dropped from every event's data wherever they appear. Events hold no ID numbers or names, but a
 * fingerprint (of an ID number) and a certificate-number key are keyed hashes of personal data: a timeline is
 * read by more people than the store, so they stay out.
 */
const WITHHELD = new Set(['fingerprint', 'numberKey']);

export interface TimelineEntry {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly streamId: string;
  readonly position: string;
  readonly data: Record<string, unknown>;
}

/** R-MON-1: every event of the streams, in global (commit) order, with who, when and in answer to what. */
export async function timelineOf(system: System, streamIds: readonly string[]): Promise<TimelineEntry[]> {
  const streams = await Promise.all([...new Set(streamIds)].map((id) => system.store.readStream(id)));
  return streams
    .flat()
    .sort((a, b) => comparePositions(a.position, b.position))
    .map(entryOf);
}

function entryOf(recorded: RecordedEvent): TimelineEntry {
  const { metadata } = recorded;
  return {
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    occurredAt: metadata.occurredAt,
    recordedAt: recorded.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    streamId: recorded.streamId,
    position: formatPosition(recorded.position),
    data: withoutWithheld(recorded.data) as Record<string, unknown>,
  };
}

function withoutWithheld(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWithheld);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !WITHHELD.has(key)).map(([key, v]) => [key, withoutWithheld(v)]));
}
