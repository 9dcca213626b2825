/**
 * Where the worker reads the time (R-GATE-4's windows close by it). Injected, so a test moves it day by day; the
 * domain never reads one (time arrives with each command).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
