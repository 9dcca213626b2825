export interface BackoffOptions {
  /** The pause after the first failure. */
  readonly initialMs: number;
  /** The longest pause, however many failures in a row. */
  readonly maxMs: number;
  /** 0..1: the share of the pause drawn at random, so that several relays do not retry in step. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

/** The pause after `failures` failures in a row (1, 2, …): doubling from initialMs up to maxMs, less a random share. */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const full = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  return Math.round(full * (1 - options.jitter * random()));
}
