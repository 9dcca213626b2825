import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { Pool } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EVENT_STORE_MIGRATIONS } from '@skills/event-store';
import { READ_MODEL_MIGRATIONS } from '@skills/projections';
import { PgDatabase, migrate } from '@skills/sql';
import type { BatchAppend, BenchEvent, SingleAppend } from '../lib/bench-events';
import { IDLE_MS, type Contender } from '../lib/contender';

const COPY_IN = 'COPY events (stream_id, stream_version, event_id, type, schema_version, data, metadata) FROM STDIN';
const ORDERED = `SELECT transaction_id, position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at
  FROM events ORDER BY transaction_id, position`;

/**
 * The ceiling: the same rows COPYed straight into our `events` table (same columns, same indexes and unique
 * constraints), with no expected-version check, no streams row, no retry look-up.
 */
class RawCopy implements Contender {
  readonly name = 'raw COPY (PostgreSQL)';

  constructor(
    readonly connections: number,
    private readonly pool: Pool,
  ) {}

  async appendOne({ streamId, expectedVersion, event }: SingleAppend): Promise<void> {
    await this.copy(copyRow(streamId, expectedVersion + 1, event));
  }

  async appendBatch({ streamId, events }: BatchAppend): Promise<void> {
    await this.copy(events.map((event, i) => copyRow(streamId, i + 1, event)).join(''));
  }

  /** COPY (SELECT … ORDER BY transaction_id, position) TO STDOUT: rows counted, not parsed. */
  async readAll(): Promise<number> {
    const client = await this.pool.connect();
    try {
      let rows = 0;
      const counter = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
          done();
        },
      });
      await pipeline(client.query(copyTo(`COPY (${ORDERED}) TO STDOUT`)), counter);
      return rows;
    } finally {
      client.release();
    }
  }

  /** One plain SELECT of everything, rows and jsonb parsed by pg: the floor for any paging reader in Node. */
  async readAllAlternative(): Promise<number> {
    const { rowCount } = await this.pool.query(ORDERED);
    return rowCount ?? 0;
  }

  /** The set-based ceiling for the rebuild: one INSERT … SELECT from events into the same read-model table. */
  async rebuildLabourers(): Promise<number> {
    await this.pool.query('TRUNCATE rm_labourers');
    const { rowCount } = await this.pool.query(`INSERT INTO rm_labourers (labourer_id, category, key_groups, flags, insurance_months,
        subdistrict_id, registering_unit_kind, registering_unit_id, registered_on, last_position)
      SELECT (data->>'labourerId')::uuid, data->>'category', ARRAY(SELECT jsonb_array_elements_text(data->'keyGroups')),
        ARRAY(SELECT jsonb_array_elements_text(data->'flags')), (data->>'insuranceMonths')::int, (data->>'subdistrictId')::uuid,
        data->'registeringUnit'->>'kind', (data->'registeringUnit'->>'id')::uuid, (data->>'registeredOn')::date,
        transaction_id::text || '/' || position::text
      FROM events WHERE type = 'LabourerRegistered' ORDER BY transaction_id, position
      ON CONFLICT (labourer_id) DO NOTHING`);
    return rowCount ?? 0;
  }

  async settle(connections: number): Promise<void> {
    await this.pool.query('CHECKPOINT');
    await Promise.all(Array.from({ length: connections }, () => this.pool.query('SELECT pg_sleep(0.01)')));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async copy(text: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom(COPY_IN)));
    } finally {
      client.release();
    }
  }
}

function copyRow(streamId: string, version: number, e: BenchEvent): string {
  return `${escape(streamId)}\t${version}\t${e.eventId}\t${escape(e.type)}\t${e.schemaVersion}\t${escape(JSON.stringify(e.data))}\t${escape(JSON.stringify(e.metadata))}\n`;
}

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
function escape(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

export async function rawCopy(url: string, poolSize: number): Promise<Contender> {
  const db = PgDatabase.fromUrl(url, 1);
  await migrate(db, [...EVENT_STORE_MIGRATIONS, ...READ_MODEL_MIGRATIONS]);
  await db.close();
  return new RawCopy(poolSize, new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: IDLE_MS }));
}
