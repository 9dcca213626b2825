import type { SqlDatabase, SqlExecutor } from '@skills/sql';
import { lockNextBatch, lockSameBatch, markSent } from '../outbox/outbox-batches';
import type { OutboxPublisher } from './outbox-publisher';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';

const DEFAULT_BATCH_SIZE = 1_000;

export interface OutboxRelayOptions {
  /**
   * Rows published in one round at most: 1,000 by default, the batch with which bench/payouts measured one relay
   * above the 15,000 messages/s goal.
   */
  readonly batchSize?: number;
  /** The pause after a round that found nothing to send. */
  readonly idleMs?: number;
  /** The pauses after failed rounds (Kafka or the database away). */
  readonly backoff?: BackoffOptions;
  readonly onSent?: (count: number) => void;
  readonly onError?: (error: unknown, failuresInARow: number, retryInMs: number) => void;
}

/**
 * The outbox relay of the worker (R-PAY-1, DESIGN.md "Kafka for finance"). Each round locks a batch (outbox-batches:
 * per-key advisory locks, so several relays run side by side without a leader), publishes it and waits for the
 * broker's acknowledgement, and only then marks its rows sent, in the same transaction that held the locks. A crash
 * between the acknowledgement and the commit leaves the rows unsent: they are published again with the same message
 * ids and idempotency keys, and finance drops them by key. A failed round rolls back, pauses (doubling up to
 * backoff.maxMs) and sends the very same batch first.
 *
 * On embedded PGlite (one process, one connection, no other relay possible) a round holds no transaction while it
 * waits for the broker: a transaction there would hold up every other query of the process.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private started = false;
  private failures = 0;
  /** The ids of the batch whose publishing failed: sent again as the same batch. */
  private unfinished: readonly string[] | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly publisher: OutboxPublisher,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  /** Stops scheduling and waits for the round under way; the publisher stays open (its owner closes it). */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One round now (a round under way is awaited instead): the number of rows published and marked sent. */
  runOnce(): Promise<number> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(
        (sent) => {
          this.failures = 0;
          if (sent > 0) this.options.onSent?.(sent);
          this.schedule(sent > 0 ? 0 : this.options.idleMs ?? 200);
        },
        (error: unknown) => {
          this.failures += 1;
          const delay = backoffDelay(this.failures, this.options.backoff ?? DEFAULT_BACKOFF);
          this.options.onError?.(error, this.failures, delay);
          this.schedule(delay);
        },
      );
    }, delayMs);
  }

  private async round(): Promise<number> {
    const work = async (tx: SqlExecutor): Promise<number> => {
      let rows = this.unfinished ? await lockSameBatch(tx, this.unfinished) : [];
      if (rows.length === 0) rows = await lockNextBatch(tx, this.options.batchSize ?? DEFAULT_BATCH_SIZE);
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      this.unfinished = ids;
      await this.publisher.publish(rows);
      await markSent(tx, ids);
      return rows.length;
    };
    const sent = this.db.engine === 'postgres' ? await this.db.transaction(work) : await work(this.db);
    this.unfinished = undefined;
    return sent;
  }
}
