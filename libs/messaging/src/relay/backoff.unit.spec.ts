import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 500, maxMs: 30_000, jitter: 0.2 };

  it('doubles from the first pause up to the longest, with no random share when the draw is 0', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((failures) => backoffDelay(failures, options, () => 0));
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('takes off at most the jitter share: 20% of 4000 ms at the highest draw', () => {
    expect(backoffDelay(4, options, () => 1)).toBe(3_200);
    expect(backoffDelay(4, options, () => 0.5)).toBe(3_600);
  });

  it('stays at the longest pause after very many failures', () => {
    expect(backoffDelay(10_000, options, () => 0)).toBe(30_000);
  });
});
