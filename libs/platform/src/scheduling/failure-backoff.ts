/**
 * Items (claims) whose work failed, each paused before its next try: 2 s after the first failure, doubling each time,
 * never more than five minutes, so one broken claim is neither retried every round nor given up on.
 */
export class FailureBackoff {
  private readonly failing = new Map<string, { readonly failures: number; readonly retryAt: number }>();

  constructor(
    private readonly baseMs = 1_000,
    private readonly maxMs = 300_000,
  ) {}

  /** True while the item's pause after its last failure has not yet run out. */
  pausing(id: string): boolean {
    return (this.failing.get(id)?.retryAt ?? 0) > Date.now();
  }

  failed(id: string): void {
    const failures = (this.failing.get(id)?.failures ?? 0) + 1;
    this.failing.set(id, { failures, retryAt: Date.now() + Math.min(this.maxMs, this.baseMs * 2 ** failures) });
  }

  succeeded(id: string): void {
    this.failing.delete(id);
  }
}
