import { calendarDateSchema, isCalendarDate, shanghaiDateOf } from './calendar-date';

describe('calendar dates', () => {
  it('accepts real dates only, including 29 February of leap years', () => {
    expect(['2020-02-29', '2000-02-29', '2021-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2021-02-29', '1900-02-29', '2021-04-31', '2021-13-01', '2021-1-01', '20210101'].some(isCalendarDate)).toBe(false);
    expect(calendarDateSchema.safeParse('2021-02-29').success).toBe(false);
  });

  it('reads the Asia/Shanghai date of an instant (UTC+8)', () => {
    expect(shanghaiDateOf('2020-12-31T15:59:59Z')).toBe('2020-12-31');
    expect(shanghaiDateOf('2020-12-31T16:00:00Z')).toBe('2021-01-01');
    expect(shanghaiDateOf('2021-01-01T00:30:00+08:00')).toBe('2021-01-01');
    expect(() => shanghaiDateOf('yesterday')).toThrow(RangeError);
  });
});
