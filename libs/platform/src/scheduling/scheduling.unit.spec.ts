import { FailureBackoff } from './failure-backoff';
import { RoundLoop } from './round-loop';

describe('R-GATE-4 and R-CLAIM-3 worker loops (gate evaluator, notice timer)', () => {
  afterEach(() => jest.useRealTimers());

  it('pauses a failing claim 2 s, then 4 s, doubling up to five minutes, and forgets it once it succeeds', () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'queueMicrotask'] });
    const backoff = new FailureBackoff();
    backoff.failed('a');
    expect(backoff.pausing('a')).toBe(true);
    expect(backoff.pausing('b')).toBe(false);
    jest.setSystemTime(1_999);
    expect(backoff.pausing('a')).toBe(true);
    jest.setSystemTime(2_000);
    expect(backoff.pausing('a')).toBe(false);
    backoff.failed('a'); // second failure: 4000 ms from 2000
    jest.setSystemTime(5_999);
    expect(backoff.pausing('a')).toBe(true);
    jest.setSystemTime(6_000);
    expect(backoff.pausing('a')).toBe(false);
    // Failures 3..9 would pause 8 s .. 512 s: the ninth is held to 300 s.
    for (let i = 3; i <= 9; i++) backoff.failed('a');
    jest.setSystemTime(6_000 + 299_999);
    expect(backoff.pausing('a')).toBe(true);
    jest.setSystemTime(6_000 + 300_000);
    expect(backoff.pausing('a')).toBe(false);
    backoff.succeeded('a');
    backoff.failed('a'); // counted from one again: 2 s
    jest.setSystemTime(6_000 + 302_000);
    expect(backoff.pausing('a')).toBe(false);
  });

  it('runs no two rounds side by side, and a stopped loop tells its round to halt', async () => {
    let release: () => void = () => undefined;
    class Counting extends RoundLoop<number> {
      rounds = 0;
      readonly seen: boolean[] = [];
      protected async round(): Promise<number> {
        this.rounds++;
        await new Promise<void>((resolve) => (release = resolve));
        this.seen.push(this.halted);
        return this.rounds;
      }
    }
    const loop = new Counting();
    const a = loop.runOnce();
    const b = loop.runOnce();
    const stopped = loop.stop();
    release();
    await expect(Promise.all([a, b])).resolves.toEqual([1, 1]);
    await stopped;
    expect(loop.seen).toEqual([true]);
    expect(loop.rounds).toBe(1);
  });

  it('starts a round at once, then the next intervalMs after it ended, and reports a round that threw', async () => {
    jest.useFakeTimers({ now: 0, doNotFake: ['nextTick', 'queueMicrotask'] });
    const startedAt: number[] = [];
    const errors: unknown[] = [];
    class Failing extends RoundLoop<void> {
      protected async round(): Promise<void> {
        startedAt.push(Date.now());
        throw new Error('database away');
      }
    }
    const loop = new Failing({ intervalMs: 500, onError: (error) => errors.push(error) });
    loop.start();
    await jest.advanceTimersByTimeAsync(1_200);
    await loop.stop();
    // Rounds at 0, 500 and 1000 ms; the one due at 1500 never runs.
    expect(startedAt).toEqual([0, 500, 1_000]);
    expect(errors.map((e) => (e as Error).message)).toEqual(['database away', 'database away', 'database away']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(startedAt).toHaveLength(3);
  });
});
