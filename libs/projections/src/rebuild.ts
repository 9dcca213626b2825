import type { EventCatalogue } from '@skills/domain';
import { START_POSITION, type EventStore } from '@skills/event-store';
import type { SqlDatabase } from '@skills/sql';
import { applyBatch } from './apply-batch';
import { resetCheckpoint } from './checkpoint-store';
import { countEventsAfter } from './event-count';
import type { Projection } from './projection';

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
  batchSize = 2000,
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
  for (;;) {
    const batch = await store.readAll({ after: position, limit: batchSize });
    if (batch.length === 0) break;
    position = await applyBatch(db, catalogue, projection, batch, position);
    processed += batch.length;
    onProgress(progress());
  }
  return progress();
}
