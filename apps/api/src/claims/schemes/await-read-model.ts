import { DomainError } from '@skills/domain';
import { comparePositions } from '@skills/event-store';
import type { System } from '@skills/platform';
import { committedHeadPosition, readCheckpoint } from '@skills/projections';

const WAIT_MS = 10_000;

/**
 * A claim reserves its payment keys for ever (R-CLAIM-2), so it must not be computed from a read model that has not
 * yet applied a record made a moment ago: an attendance day or an employment missed now could never be claimed in
 * this claim. Waits until the projection has applied every event committed when the request arrived (readable or
 * not yet: see committedHeadPosition); the checkpoint is in the database, so this holds with the worker elsewhere.
 */
export async function awaitReadModel(system: System, projection: string): Promise<void> {
  const head = await committedHeadPosition(system.db);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const checkpoint = await readCheckpoint(system.db, projection);
    if (checkpoint && comparePositions(checkpoint.position, head) >= 0) return;
    if (Date.now() > deadline) {
      throw new DomainError(
        'CLAIM.RECORDS_NOT_PROCESSED_YET',
        'The latest records are still being processed, so the claim cannot be computed from them yet: nothing was submitted; send the same request again (same Idempotency-Key) in a minute',
        'conflict',
        { projection },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
