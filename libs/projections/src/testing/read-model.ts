import { START_POSITION, comparePositions, parsePosition, type GlobalPosition } from '@skills/event-store';
import type { SqlExecutor } from '@skills/sql';
import type { Projection } from '../projection';
import type { ExpectedLabourer, ExpectedOrganisation } from './registry-histories';

export type Row = Record<string, unknown>;
export type Dump = Record<string, Row[]>;

/** Every row and every column of the projections' tables, each table ordered by its primary key. */
export async function dumpReadModel(db: SqlExecutor, projections: readonly Projection[]): Promise<Dump> {
  const dump: Dump = {};
  for (const table of projections.flatMap((p) => p.tables)) {
    const { rows: keys } = await db.query<{ column: string }>(
      `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [table],
    );
    if (keys.length === 0) throw new Error(`${table} has no primary key to order a dump by`);
    const { rows } = await db.query<Row>(`SELECT * FROM ${table} ORDER BY ${keys.map((k) => `"${k.column}"`).join(', ')}`);
    dump[table] = rows;
  }
  return dump;
}

/** The registry read model in the shape RegistryHistories predicts it. */
export function summariseRegistry(dump: Dump): { labourers: Record<string, ExpectedLabourer>; organisations: Record<string, ExpectedOrganisation> } {
  const labourers = Object.fromEntries(
    (dump['rm_labourers'] ?? []).map((r) => [
      r['labourer_id'] as string,
      { keyGroups: r['key_groups'], flags: r['flags'], insuranceMonths: r['insurance_months'], erasedOn: r['erased_on'] } as ExpectedLabourer,
    ]),
  );
  const organisations = Object.fromEntries(
    (dump['rm_organisations'] ?? []).map((r) => [
      r['organisation_id'] as string,
      { kind: r['kind'], name: r['name'], headcount: r['headcount'], qualificationNumber: r['qualification_number'] } as ExpectedOrganisation,
    ]),
  );
  return { labourers, organisations };
}

export interface StoredCheckpoint {
  readonly name: string;
  readonly version: number;
  readonly position: string;
}

export async function storedCheckpoints(db: SqlExecutor): Promise<StoredCheckpoint[]> {
  const { rows } = await db.query<{ name: string; version: number; position: string }>(
    `SELECT name, version, commit_position || '/' || prepare_position AS position FROM projection_checkpoints ORDER BY name`,
  );
  return rows;
}

/**
 * The newest committed event, readable or not. readAll, headPosition and countEventsAfter all stop below the
 * oldest transaction open anywhere in the cluster (other test files share the server), so they may not show it yet.
 */
export async function newestEvent(db: SqlExecutor): Promise<GlobalPosition> {
  const { rows } = await db.query<{ position: string }>(
    `SELECT transaction_id || '/' || position AS position FROM events ORDER BY transaction_id DESC, position DESC LIMIT 1`,
  );
  return rows[0] ? parsePosition(rows[0].position) : START_POSITION;
}

/** Waits until the checkpoints of `names` have passed every event committed before the call (read-your-writes). */
export async function waitUntilApplied(db: SqlExecutor, names: readonly string[], timeoutMs = 60_000): Promise<void> {
  const target = await newestEvent(db);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const checkpoints = await storedCheckpoints(db);
    const behind = names.filter((n) => comparePositions(parsePosition(checkpoints.find((c) => c.name === n)?.position ?? '0/0'), target) < 0);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${behind.join(', ')} still before ${target.commit}/${target.prepare} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A labourer row no event explains: a rebuild must drop it. */
export async function insertStrayLabourer(db: SqlExecutor): Promise<void> {
  await db.query(`INSERT INTO rm_labourers (labourer_id, category, key_groups, flags, insurance_months, subdistrict_id, registering_unit_kind,
    registering_unit_id, registered_on, last_position) VALUES (gen_random_uuid(), 'URBAN_LABOURER', '{}', '{}', 0, gen_random_uuid(), 'BUREAU',
    gen_random_uuid(), '2021-01-01', 'stray')`);
}

/**
 * Records every event it is given in a table without a primary key, so an event applied twice (by two runners
 * that both got past the checkpoint) shows up as a duplicate row.
 */
export async function createTallyProjection(db: SqlExecutor): Promise<Projection> {
  await db.query('CREATE TABLE test_tally (event_id uuid NOT NULL, at text NOT NULL)');
  return {
    name: 'tally',
    version: 1,
    tables: ['test_tally'],
    handles: () => true,
    apply: async (tx, events) => {
      const rows = events.map((e) => ({ id: e.recorded.eventId, at: `${e.recorded.position.commit}/${e.recorded.position.prepare}` }));
      await tx.query(`INSERT INTO test_tally SELECT r.id, r.at FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, at text)`, [JSON.stringify(rows)]);
    },
  };
}
