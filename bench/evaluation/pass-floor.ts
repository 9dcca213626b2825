/**
 * What the streaming pass costs before the report's fold does anything: the same keyset pages as readHistory
 * (libs/platform/src/simulation/history-reader.ts, its SQL copied here), stopped after a given step, so that the
 * read + fold figure splits into fetch and row parsing (pg), the catalogue's deserialise (zod), the recording day,
 * and the fold itself (the rest). Bench-only: it folds nothing and is never what the api runs.
 */
import { shanghaiDateOf, type EventCatalogue } from '@skills/domain';
import type { SqlExecutor } from '@skills/sql';

export type FloorStep = 'rows' | 'deserialise' | 'deserialise + day';
export const FLOOR_STEPS: readonly FloorStep[] = ['rows', 'deserialise', 'deserialise + day'];

interface Row {
  commit: string;
  prepare: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  occurred_at: string;
}

const HEAD = `SELECT transaction_id::text AS commit, position::text AS prepare FROM events
  WHERE transaction_id < (SELECT pg_snapshot_xmin(pg_current_snapshot())) ORDER BY transaction_id DESC, position DESC LIMIT 1`;
const PAGE = `SELECT transaction_id::text AS commit, position::text AS prepare, type, schema_version, data, metadata->>'occurredAt' AS occurred_at
  FROM events
  WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint) AND (transaction_id, position) <= ($3::text::xid8, $4::bigint)
    AND type = ANY($5::text[])
  ORDER BY transaction_id, position LIMIT $6::bigint`;

/** Reads every event of `types` up to the head, page by page with the next page fetched ahead, doing `step` to each. */
export async function passFloor(db: SqlExecutor, catalogue: EventCatalogue, types: readonly string[], batchSize: number, step: FloorStep): Promise<number> {
  const head = (await db.query<{ commit: string; prepare: string }>(HEAD)).rows[0];
  if (!head) return 0;
  const page = (after: { commit: string; prepare: string }) => db.query<Row>(PAGE, [after.commit, after.prepare, head.commit, head.prepare, [...types], batchSize]);
  let read = 0;
  let days = new Map<string, string>();
  let rows = (await page({ commit: '0', prepare: '0' })).rows;
  while (rows.length > 0) {
    const next = rows.length < batchSize ? Promise.resolve({ rows: [] as Row[] }) : page(rows[rows.length - 1]!);
    next.catch(() => undefined);
    if (step !== 'rows') {
      for (const row of rows) {
        catalogue.deserialise({ type: row.type, schemaVersion: row.schema_version, data: row.data });
        if (step === 'deserialise + day' && !days.has(row.occurred_at)) days.set(row.occurred_at, shanghaiDateOf(row.occurred_at));
      }
      if (days.size > 10_000) days = new Map();
    }
    read += rows.length;
    rows = (await next).rows;
  }
  return read;
}
