import { shanghaiDateOf } from '@skills/domain';
import { recordedDayOf } from './history-reader';

const day = (occurredAt: string) => recordedDayOf(occurredAt, new Map());

describe('recordedDayOf: the Shanghai day an event was recorded on (R-GATE-4), without a Date for the usual shape', () => {
  it.each([
    ['2021-03-05T15:59:59.999Z', '2021-03-05'],
    ['2021-03-05T16:00:00.000Z', '2021-03-06'],
    ['2021-03-05T00:00:00Z', '2021-03-05'],
    ['2021-03-05T23:59:59Z', '2021-03-06'],
    ['2021-01-31T16:00:00.000Z', '2021-02-01'],
    ['2021-04-30T16:00:00.000Z', '2021-05-01'],
    ['2021-12-31T15:59:59.999Z', '2021-12-31'],
    ['2021-12-31T16:00:00.000Z', '2022-01-01'],
    ['2021-02-28T16:00:00.000Z', '2021-03-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2024-02-29T16:00:00.000Z', '2024-03-01'],
    ['2000-02-28T16:00:00.000Z', '2000-02-29'],
    ['2100-02-28T16:00:00.000Z', '2100-03-01'],
  ])('%s is %s in Shanghai', (instant, expected) => {
    expect(day(instant)).toBe(expected);
    expect(shanghaiDateOf(instant)).toBe(expected);
  });

  it.each([
    '2021-03-05T16:00:00+08:00', // another offset
    '2021-03-05T07:59:59.999-08:00',
    '2021-03-05T16:00:00.123456Z', // a longer fraction
    '2021-02-30T16:00:00.000Z', // not a real date: Date rolls it over to 03-02, as shanghaiDateOf always has
    '2021-03-05T24:00:00Z',
  ])('%s falls back to shanghaiDateOf', (instant) => {
    expect(day(instant)).toBe(shanghaiDateOf(instant));
  });

  it('throws as shanghaiDateOf does on what is no instant', () => {
    expect(() => day('yesterday')).toThrow('not an ISO-8601 instant');
  });

  it('agrees with shanghaiDateOf every 7 min 13.7 s over 2020..2025, sharing one cache', () => {
    const cache = new Map();
    let mismatches = 0;
    let checked = 0;
    for (let t = Date.parse('2019-12-31T00:00:00.000Z'); t < Date.parse('2025-01-02T00:00:00.000Z'); t += 433_700) {
      const instant = new Date(t).toISOString();
      if (recordedDayOf(instant, cache) !== shanghaiDateOf(instant)) mismatches++;
      checked++;
    }
    expect(checked).toBeGreaterThan(360_000);
    expect(mismatches).toBe(0);
  });
});
