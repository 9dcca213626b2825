import type { DomainEvent, EventCatalogue } from '@skills/domain';
import { START_POSITION, type EventStore, type GlobalPosition, type RecordedEvent } from '@skills/event-store';
import type { SqlDatabase } from '@skills/sql';
import { applyBatch } from './apply-batch';
import { resetCheckpoint } from './checkpoint-store';
import { countEventsAfter } from './event-count';
import type { Projection } from './projection';

/** Events deserialised between two turns of the event loop when parsing ahead. */
const PARSE_SLICE = 500;

export interface RebuildProgress {
  readonly projection: string;
  readonly processed: number;
  readonly total: number;
  readonly eventsPerSecond: number;
}

/**
 * Empties a read model and replays every event into it. Run it with the workers stopped: a live runner of the
 * same projection would see the reset checkpoint, restart behind the rebuild and race it, and the rebuild then
 * stops with CheckpointMovedError (nothing is lost either way; the loser's batch rolls back).
 */
export async function rebuildProjection(
  db: SqlDatabase,
  store: EventStore,
  catalogue: EventCatalogue,
  projection: Projection,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 5000,
): Promise<RebuildProgress> {
  await db.transaction(async (tx) => {
    await resetCheckpoint(tx, projection.name, projection.version);
    for (const table of projection.tables) await tx.query(`TRUNCATE ${table}`);
  });
  const total = await countEventsAfter(db, START_POSITION);
  const started = process.hrtime.bigint();
  let position = START_POSITION;
  let processed = 0;
  const progress = (): RebuildProgress => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { projection: projection.name, processed, total: Math.max(total, processed), eventsPerSecond: seconds > 0 ? Math.round(processed / seconds) : 0 };
  };
  const read = (after: GlobalPosition) => store.readAll({ after, limit: batchSize });
  const ahead = new ParsedAhead(catalogue, projection);
  let analyseAt = FIRST_ANALYSE;
  let batch = await read(position);
  while (batch.length > 0) {
    // While PostgreSQL inserts this page, Node reads the next one and parses it ahead: applyBatch then finds it
    // parsed. Pages follow each other by position and are applied one after another: nothing skipped or repeated.
    const end = batch[batch.length - 1]!.position;
    const next = read(end);
    next.catch(() => undefined); // awaited below, unless the apply fails first
    const applied = applyBatch(db, ahead.catalogue, projection, batch, position);
    applied.catch(() => undefined); // awaited below
    let following: RecordedEvent[];
    try {
      following = await next;
    } catch (error) {
      await applied.catch(() => undefined);
      throw error;
    }
    await ahead.parse(following);
    position = await applied;
    processed += batch.length;
    if (processed >= analyseAt) {
      await analyse(db, projection);
      analyseAt *= 2;
    }
    onProgress(progress());
    batch = following;
    // That read ran beside our own open apply transaction, which holds the readable horizon (readAll stops
    // below the oldest open transaction): events committed since may have been hidden. Look once more.
    if (batch.length === 0) batch = await read(end);
  }
  await analyse(db, projection);
  return progress();
}

const FIRST_ANALYSE = 20_000;

/**
 * The tables were emptied and refilled faster than autovacuum looks at them: until it does, the planner takes them
 * for the few rows they held and picks scans that cost seconds per query (measured: a cohort's rates read went from
 * ~10 ms to ~350 ms at 1.2M events). ANALYZE after 20k, 40k, 80k … events and at the end keeps plans in step,
 * for the rebuild's own statements and for the readers after it.
 */
async function analyse(db: SqlDatabase, projection: Projection): Promise<void> {
  for (const table of projection.tables) await db.query(`ANALYZE ${table}`);
}

/**
 * Deserialises a page ahead of applyBatch, a slice at a time (so that the apply under way is not held up), and
 * hands applyBatch a view of the catalogue that answers from those results. deserialise is a pure function of
 * the stored event, so the answer is the same, only earlier; an event that fails is left for applyBatch to meet
 * in its turn.
 */
class ParsedAhead {
  private readonly parsed = new Map<RecordedEvent, DomainEvent>();
  readonly catalogue: EventCatalogue;

  constructor(
    private readonly source: EventCatalogue,
    private readonly projection: Projection,
  ) {
    const deserialise = (stored: RecordedEvent): DomainEvent => {
      const event = this.parsed.get(stored);
      if (!event) return source.deserialise(stored);
      this.parsed.delete(stored);
      return event;
    };
    this.catalogue = Object.create(source, { deserialise: { value: deserialise } }) as EventCatalogue;
  }

  async parse(page: readonly RecordedEvent[]): Promise<void> {
    for (let start = 0; start < page.length; start += PARSE_SLICE) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      for (const recorded of page.slice(start, start + PARSE_SLICE)) {
        if (!this.projection.handles(recorded.type)) continue;
        try {
          this.parsed.set(recorded, this.source.deserialise(recorded));
        } catch {
          // Left for applyBatch, which throws it after the events before it are applied.
        }
      }
    }
  }
}
