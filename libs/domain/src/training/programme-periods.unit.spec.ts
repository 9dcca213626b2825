import { apprenticeshipYear, apprenticeshipYearStartingOn, shiftDays, wholeMonthsOfTraining } from './programme-periods';

describe('months of training (R-FREE-6) and apprenticeship years (R-ENT-2)', () => {
  it('R-FREE-6 counts 6 whole months from 2021-03-01 to 2021-08-31, and 5 when training stops a day earlier', () => {
    expect(wholeMonthsOfTraining('2021-03-01', '2021-08-31')).toBe(6);
    expect(wholeMonthsOfTraining('2021-03-01', '2021-08-30')).toBe(5);
  });

  it('R-FREE-6 counts 12 months over a year, 11 a day short, and 0 for a few days or an empty span', () => {
    expect(wholeMonthsOfTraining('2020-09-15', '2021-09-14')).toBe(12);
    expect(wholeMonthsOfTraining('2020-09-15', '2021-09-13')).toBe(11);
    expect(wholeMonthsOfTraining('2021-03-01', '2021-03-10')).toBe(0);
    expect(wholeMonthsOfTraining('2021-03-10', '2021-03-01')).toBe(0);
  });

  it('R-FREE-6 a month from the 31st ends with the shorter month (addMonths clamps to its end)', () => {
    expect(wholeMonthsOfTraining('2021-01-31', '2021-02-27')).toBe(1);
    expect(wholeMonthsOfTraining('2021-01-31', '2021-02-26')).toBe(0);
  });

  it('R-ENT-2 year 1 runs from the start to the day before its anniversary, year 2 the next year', () => {
    expect(apprenticeshipYear('2020-03-01', 1)).toEqual({ from: '2020-03-01', to: '2021-02-28' });
    expect(apprenticeshipYear('2020-03-01', 2)).toEqual({ from: '2021-03-01', to: '2022-02-28' });
    expect(apprenticeshipYear('2020-02-29', 2)).toEqual({ from: '2021-02-28', to: '2022-02-27' });
    expect(() => apprenticeshipYear('2020-03-01', 0)).toThrow(RangeError);
  });

  it('R-ENT-2 names the year that starts on a day, and none for a day that starts no year', () => {
    expect(apprenticeshipYearStartingOn('2020-03-01', '2020-03-01')).toBe(1);
    expect(apprenticeshipYearStartingOn('2020-03-01', '2022-03-01')).toBe(3);
    expect(apprenticeshipYearStartingOn('2020-03-01', '2021-03-02')).toBeNull();
    expect(apprenticeshipYearStartingOn('2020-03-01', '2019-03-01')).toBeNull();
  });

  it('shifts a calendar date across a month and a leap day', () => {
    expect(shiftDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(shiftDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});
