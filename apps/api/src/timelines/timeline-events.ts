import type { EventCatalogue } from '@skills/domain';
import { comparePositions, formatPosition, type EventStore, type RecordedEvent } from '@skills/event-store';

/**
 * Keys dropped from every event's data wherever they appear. Events hold no ID numbers or names, but a
 * fingerprint (of an ID number) and a certificate-number key are keyed hashes of personal data: a timeline is
 * read by more people than the store, so they stay out.
 */
const WITHHELD = new Set(['fingerprint', 'numberKey']);

export interface TimelineEntry {
  readonly type: string;
  /** The version of `data` as shown: the newest of its type (an older stored event is upcast, as every reader sees it). */
  readonly schemaVersion: number;
  /** The version the event was stored at. */
  readonly storedSchemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly streamId: string;
  readonly position: string;
  readonly data: Record<string, unknown>;
}

/**
 * R-MON-1: every event of the streams, in global (commit) order, with who, when and in answer to what. Each event
 * is shown as the catalogue reads it (parsed, and upcast from an older version): an upcaster that drops data (a
 * v1 employer's free-text name) must drop it here too, not only in the projections.
 */
export async function timelineOf(system: { readonly store: EventStore; readonly catalogue: EventCatalogue }, streamIds: readonly string[]): Promise<TimelineEntry[]> {
  const streams = await Promise.all([...new Set(streamIds)].map((id) => system.store.readStream(id)));
  return streams
    .flat()
    .sort((a, b) => comparePositions(a.position, b.position))
    .map((recorded) => entryOf(system.catalogue, recorded));
}

function entryOf(catalogue: EventCatalogue, recorded: RecordedEvent): TimelineEntry {
  const { metadata } = recorded;
  // Serialised again to learn the version the upcast data is at; the catalogue validates it on the way.
  const shown = catalogue.serialise(catalogue.deserialise(recorded));
  return {
    type: recorded.type,
    schemaVersion: shown.schemaVersion,
    storedSchemaVersion: recorded.schemaVersion,
    occurredAt: metadata.occurredAt,
    recordedAt: recorded.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    streamId: recorded.streamId,
    position: formatPosition(recorded.position),
    data: withoutWithheld(shown.data) as Record<string, unknown>,
  };
}

function withoutWithheld(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWithheld);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !WITHHELD.has(key)).map(([key, v]) => [key, withoutWithheld(v)]));
}
