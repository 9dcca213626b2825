import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import type { BatchAppend, BenchEvent, SingleAppend } from '../lib/bench-events';
import { IDLE_MS, type Contender } from '../lib/contender';

/**
 * Emmett 0.42's PostgreSQL event store on a pg pool of the same size as ours. One append is BEGIN, one call of
 * its plpgsql function emt_append_to_stream, COMMIT.
 */
class EmmettStore implements Contender {
  readonly name = 'Emmett (PostgreSQL)';

  constructor(
    readonly connections: number,
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  async appendOne({ streamId, expectedVersion, event }: SingleAppend): Promise<void> {
    await this.store.appendToStream(streamId, [toEmmett(event)], { expectedStreamVersion: BigInt(expectedVersion) });
  }

  async appendBatch({ streamId, events }: BatchAppend): Promise<void> {
    await this.store.appendToStream(streamId, events.map(toEmmett), { expectedStreamVersion: 0n });
  }

  /** What Emmett's own consumers page with: readMessagesBatch, ordered by transaction id below the xmin horizon. */
  async readAll(pageSize: number): Promise<number> {
    const { execute } = dumbo({ connectionString: '', pool: this.pool });
    let after = 0n;
    let count = 0;
    for (;;) {
      const batch = await readMessagesBatch(execute, { after, batchSize: pageSize });
      if (batch.messages.length === 0) return count;
      count += batch.messages.length;
      after = batch.currentGlobalPosition;
    }
  }

  async settle(connections: number): Promise<void> {
    await this.pool.query('CHECKPOINT');
    await Promise.all(Array.from({ length: connections }, () => this.pool.query('SELECT pg_sleep(0.01)')));
  }

  async close(): Promise<void> {
    await this.store.close().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}

function toEmmett(event: BenchEvent): { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> } {
  return { type: event.type, data: event.data, metadata: { ...event.metadata } };
}

export async function emmettStore(url: string, poolSize: number): Promise<Contender> {
  const pool = new Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: IDLE_MS });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  return new EmmettStore(poolSize, pool, store);
}
