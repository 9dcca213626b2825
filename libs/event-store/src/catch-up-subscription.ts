import {
  START_POSITION,
  type GlobalPosition,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store.port';

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_POLL_INTERVAL_MS = 100;
// After an own append, an older transaction still open elsewhere may hide it from readAll for a moment: look
// again this often, for this long, rather than wait a whole poll interval.
const EAGER_POLL_MS = 20;
const EAGER_WINDOW_MS = 1_000;

/** Lets a store wake its live subscriptions as soon as one of its own appends has committed. */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Reads from `after` in batches through the store's own `readAll`, so a subscription sees exactly what readAll
 * may return: nothing that an earlier-ordered, still open transaction could precede. Once a read comes back short
 * it is live and polls, or wakes early on a signal. Any error stops it: a projector that went on past a failed
 * batch would checkpoint past events it never applied; whoever runs it decides whether to restart.
 */
export class CatchUpSubscription implements Subscription {
  private live = false;
  private stopped = false;
  private current: GlobalPosition;
  private woken = false;
  private signalledAt = 0;
  private wake: (() => void) | null = null;
  private readonly unlisten: () => void;
  private readonly done: Promise<void>;

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    signal: AppendSignal,
    private readonly options: SubscribeOptions,
    private readonly onFinished: (subscription: CatchUpSubscription) => void,
  ) {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`Batch size must be a whole number > 0, got ${batchSize}`);
    this.current = options.after ?? START_POSITION;
    this.unlisten = signal.listen(() => {
      this.signalledAt = Date.now();
      this.interrupt();
    });
    this.done = this.run();
  }

  get isLive(): boolean {
    return this.live;
  }

  get position(): GlobalPosition {
    return this.current;
  }

  /** Resolves once the batch being handled (if any) is done. Awaiting it from inside onEvents would deadlock. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt();
    await this.done;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    try {
      while (!this.stopped) {
        this.woken = false;
        const batch = await this.readAll({ after: this.current, limit: batchSize });
        if (this.stopped) break;
        if (batch.length > 0) {
          await this.options.onEvents(batch);
          this.current = batch[batch.length - 1]!.position;
        }
        if (batch.length === batchSize) continue;
        if (!this.live) {
          this.live = true;
          this.options.onLive?.();
        }
        const interval = this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
        await this.sleep(Date.now() - this.signalledAt < EAGER_WINDOW_MS ? Math.min(interval, EAGER_POLL_MS) : interval);
      }
    } catch (error) {
      this.stopped = true;
      // Without a handler the failure must not pass unnoticed: it surfaces as an unhandled rejection.
      if (!this.options.onError) throw error;
      this.options.onError(error);
    } finally {
      this.live = false;
      this.unlisten();
      this.onFinished(this);
    }
  }

  private sleep(ms: number): Promise<void> {
    // A signal that arrived while reading or handling must not be lost by going to sleep afterwards.
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.interrupt(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private interrupt(): void {
    this.woken = true;
    this.wake?.();
  }
}
