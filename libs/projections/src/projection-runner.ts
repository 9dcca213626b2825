import type { EventCatalogue } from '@skills/domain';
import { START_POSITION, type EventStore, type GlobalPosition, type Subscription } from '@skills/event-store';
import type { SqlDatabase } from '@skills/sql';
import { ProjectionVersionSupersededError, applyBatch } from './apply-batch';
import { lockCheckpoint, readCheckpoint, resetCheckpoint } from './checkpoint-store';
import { countEventsAfter } from './event-count';
import type { Projection } from './projection';

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: string;
  readonly eventsBehind: number;
  readonly live: boolean;
}

export interface RunnerOptions {
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly restartDelayMs?: number;
  readonly onError?: (projection: string, error: unknown) => void;
}

/** Keeps every read model up to date: one catch-up subscription per projection, each with its own checkpoint. */
export class ProjectionRunner {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly restarts = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly db: SqlDatabase,
    private readonly store: EventStore,
    private readonly catalogue: EventCatalogue,
    private readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    for (const projection of this.projections) await this.startOne(projection);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    await Promise.all([...this.subscriptions.values()].map((s) => s.stop()));
    this.subscriptions.clear();
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.projections.map(async (projection) => {
        const position = (await readCheckpoint(this.db, projection.name))?.position ?? START_POSITION;
        return {
          name: projection.name,
          version: projection.version,
          position: `${position.commit}/${position.prepare}`,
          eventsBehind: await countEventsAfter(this.db, position),
          live: this.subscriptions.get(projection.name)?.isLive ?? false,
        };
      }),
    );
  }

  /** Resolves once every projection has applied everything readable now (tests and read-your-writes waits). */
  async waitUntilCaughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.status();
      if (statuses.every((s) => s.eventsBehind === 0)) return;
      if (Date.now() > deadline) throw new Error(`Projections still behind after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async startOne(projection: Projection): Promise<void> {
    let position = await this.prepare(projection);
    if (this.stopped) return; // stop() ran while the checkpoint was being read
    const subscription = this.store.subscribeToAll({
      after: position,
      batchSize: this.options.batchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      onEvents: async (batch) => {
        position = await applyBatch(this.db, this.catalogue, projection, batch, position);
      },
      onError: (error) => {
        this.options.onError?.(projection.name, error);
        this.subscriptions.delete(projection.name);
        // Restart from the stored checkpoint: after a moved checkpoint or a passing database fault.
        if (this.stopped) return;
        const timer = setTimeout(() => {
          this.restarts.delete(timer);
          if (!this.stopped) this.startOne(projection).catch((e) => this.options.onError?.(projection.name, e));
        }, this.options.restartDelayMs ?? 500);
        this.restarts.add(timer);
      },
    });
    this.subscriptions.set(projection.name, subscription);
  }

  /**
   * The stored checkpoint; a model written by an older version of the projection is emptied first. A model of a
   * NEWER version is left alone: during a rolling deploy the old worker must not wipe what the new one builds.
   */
  private async prepare(projection: Projection): Promise<GlobalPosition> {
    return this.db.transaction(async (tx) => {
      const checkpoint = await lockCheckpoint(tx, projection.name, projection.version);
      if (checkpoint.version === projection.version) return checkpoint.position;
      if (checkpoint.version > projection.version) throw new ProjectionVersionSupersededError(projection.name, projection.version, checkpoint.version);
      for (const table of projection.tables) await tx.query(`TRUNCATE ${table}`);
      await resetCheckpoint(tx, projection.name, projection.version);
      return START_POSITION;
    });
  }
}
