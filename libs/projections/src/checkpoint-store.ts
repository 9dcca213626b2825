import { START_POSITION, type GlobalPosition } from '@skills/event-store';
import type { Migration, SqlExecutor } from '@skills/sql';

export const CHECKPOINT_MIGRATIONS: Migration[] = [
  {
    id: '20261126-02-projections-checkpoints',
    sql: `CREATE TABLE projection_checkpoints (
      name text PRIMARY KEY,
      version int NOT NULL,
      commit_position numeric(20) NOT NULL,
      prepare_position bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
  },
];

export interface Checkpoint {
  readonly version: number;
  readonly position: GlobalPosition;
}

/**
 * Reads the checkpoint and locks its row for the rest of the transaction. Two runners of one projection (two
 * worker replicas, or a rebuild beside a live worker) therefore take turns, and the later one sees the move.
 */
export async function lockCheckpoint(tx: SqlExecutor, name: string, version: number): Promise<Checkpoint> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, version, commit_position, prepare_position) VALUES ($1, $2, 0, 0)
     ON CONFLICT (name) DO NOTHING`,
    [name, version],
  );
  const { rows } = await tx.query<{ version: number; commit_position: string; prepare_position: string }>(
    'SELECT version, commit_position, prepare_position FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
    [name],
  );
  const row = rows[0]!;
  return { version: Number(row.version), position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } };
}

export async function saveCheckpoint(tx: SqlExecutor, name: string, version: number, position: GlobalPosition): Promise<void> {
  await tx.query(
    `UPDATE projection_checkpoints SET version = $2, commit_position = $3, prepare_position = $4, updated_at = now() WHERE name = $1`,
    [name, version, position.commit.toString(), position.prepare.toString()],
  );
}

export async function resetCheckpoint(tx: SqlExecutor, name: string, version: number): Promise<void> {
  await lockCheckpoint(tx, name, version);
  await saveCheckpoint(tx, name, version, START_POSITION);
}

/** The checkpoint without locking it (health and status reads must not queue behind the worker). */
export async function readCheckpoint(db: SqlExecutor, name: string): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ version: number; commit_position: string; prepare_position: string }>(
    'SELECT version, commit_position, prepare_position FROM projection_checkpoints WHERE name = $1',
    [name],
  );
  const row = rows[0];
  return row && { version: Number(row.version), position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } };
}
