import type { HistoryEvent } from '@skills/platform';

/** One part of the report's in-memory history: the event types it reads, and its fold of one event. */
export interface HistoryFold {
  readonly eventTypes: readonly string[];
  fold(event: HistoryEvent): void;
}
