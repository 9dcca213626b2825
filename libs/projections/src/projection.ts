import type { DomainEvent } from '@skills/domain';
import type { RecordedEvent } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';

export interface ProjectedEvent {
  /** Parsed and upcast to the newest version of its type. */
  readonly event: DomainEvent;
  readonly recorded: RecordedEvent;
}

/**
 * A read model: SQL tables it owns, fed events in global order. The runner calls `apply` inside the same
 * transaction that moves the projection's checkpoint, so a crash anywhere leaves model and checkpoint agreeing.
 */
export interface Projection {
  readonly name: string;
  /** Bump when `apply` changes meaning: a stored model of another version is rebuilt at start. */
  readonly version: number;
  /** Tables emptied by a rebuild. */
  readonly tables: readonly string[];
  handles(type: string): boolean;
  /** Applies a batch (only events it handles, in order). Batches let a projection write many rows per statement. */
  apply(tx: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void>;
}
