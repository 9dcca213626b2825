import type { EventCatalogue } from '@skills/domain';
import { comparePositions, formatPosition, type GlobalPosition, type RecordedEvent } from '@skills/event-store';
import type { SqlDatabase } from '@skills/sql';
import { lockCheckpoint, saveCheckpoint } from './checkpoint-store';
import type { ProjectedEvent, Projection } from './projection';

/** Another runner moved the checkpoint (a second replica, or a rebuild): this one must restart from the stored one. */
export class CheckpointMovedError extends Error {
  readonly code = 'PROJECTIONS.CHECKPOINT_MOVED';
  constructor(name: string, expected: GlobalPosition, found: GlobalPosition) {
    super(`Checkpoint of ${name} is at ${formatPosition(found)}, this runner expected ${formatPosition(expected)}`);
  }
}

/** A newer version of this projection owns the read model now; this (older) runner must not touch it. */
export class ProjectionVersionSupersededError extends Error {
  readonly code = 'PROJECTIONS.VERSION_SUPERSEDED';
  constructor(name: string, running: number, stored: number) {
    super(`Read model ${name} is at version ${stored}; this worker runs version ${running}: upgrade it`);
  }
}

/**
 * Applies one batch and moves the checkpoint past it in ONE transaction: after a crash the model and the
 * checkpoint agree, so a restart neither skips nor repeats an event.
 */
export async function applyBatch(
  db: SqlDatabase,
  catalogue: EventCatalogue,
  projection: Projection,
  batch: readonly RecordedEvent[],
  expected: GlobalPosition,
): Promise<GlobalPosition> {
  const last = batch[batch.length - 1];
  if (!last) return expected;
  const relevant: ProjectedEvent[] = batch
    .filter((recorded) => projection.handles(recorded.type))
    .map((recorded) => ({ recorded, event: catalogue.deserialise(recorded) }));
  await db.transaction(async (tx) => {
    const checkpoint = await lockCheckpoint(tx, projection.name, projection.version);
    if (checkpoint.version !== projection.version) {
      throw new ProjectionVersionSupersededError(projection.name, projection.version, checkpoint.version);
    }
    if (comparePositions(checkpoint.position, expected) !== 0) {
      throw new CheckpointMovedError(projection.name, expected, checkpoint.position);
    }
    if (relevant.length > 0) await projection.apply(tx, relevant);
    await saveCheckpoint(tx, projection.name, projection.version, last.position);
  });
  return last.position;
}
