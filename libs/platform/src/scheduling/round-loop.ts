export interface RoundLoopOptions {
  /** Pause between two rounds. */
  readonly intervalMs?: number;
  /** A round that threw as a whole (the items it fails on are its own business). */
  readonly onError?: (error: unknown) => void;
}

/**
 * A worker's polling loop (the gate evaluator, the notice timer): a round at start, then one every intervalMs after
 * the previous one ended. Rounds never overlap: runOnce() while a round is under way awaits that round instead of
 * starting a second one beside it. A round checks `halted` between items, so stop() ends it after the item it is on.
 */
export abstract class RoundLoop<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;
  private started = false;
  private stopped = false;

  constructor(private readonly loopOptions: RoundLoopOptions = {}) {}

  protected abstract round(): Promise<T>;

  /** True once stop() was called (until the next start()). */
  protected get halted(): boolean {
    return this.stopped;
  }

  start(): void {
    this.started = true;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops scheduling and waits for the round under way, which ends after the item it is on. */
  async stop(): Promise<void> {
    this.started = false;
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One round now; a round already under way is awaited instead of run beside it. */
  runOnce(): Promise<T> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.loopOptions.onError?.(error))
        .finally(() => this.schedule(this.loopOptions.intervalMs ?? 1_000));
    }, delayMs);
  }
}
