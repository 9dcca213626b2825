import { addMonths, calendarDaysInclusive, calendarYearOf } from './training-dates';

describe('calendar-month arithmetic for R-FREE-2', () => {
  it('R-FREE-2 adds whole calendar months, keeping the day of the month', () => {
    expect(addMonths('2021-03-15', 12)).toBe('2022-03-15');
    expect(addMonths('2021-03-15', 11)).toBe('2022-02-15');
    expect(addMonths('2021-11-30', 2)).toBe('2022-01-30');
    expect(addMonths('2021-03-15', 0)).toBe('2021-03-15');
  });

  it('R-FREE-2 clamps to the last day of a shorter month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2021-08-31', 1)).toBe('2021-09-30');
  });

  it('goes back with a negative number of months', () => {
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
    expect(addMonths('2021-01-15', -12)).toBe('2020-01-15');
    expect(addMonths('2021-01-15', -13)).toBe('2019-12-15');
  });

  it('refuses what is not a calendar date or a whole number of months', () => {
    expect(() => addMonths('2021-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('2021-02-01', 1.5)).toThrow(RangeError);
  });

  it('reads the calendar year and counts days inclusively', () => {
    expect(calendarYearOf('2021-12-31')).toBe(2021);
    expect(calendarDaysInclusive('2021-03-01', '2021-03-01')).toBe(1);
    expect(calendarDaysInclusive('2021-03-01', '2021-03-20')).toBe(20);
    expect(calendarDaysInclusive('2020-02-28', '2020-03-01')).toBe(3);
    expect(calendarDaysInclusive('2021-01-01', '2021-12-31')).toBe(365);
    expect(calendarDaysInclusive('2020-12-31', '2021-01-01')).toBe(2);
  });
});
