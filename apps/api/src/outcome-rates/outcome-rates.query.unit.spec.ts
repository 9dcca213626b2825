import { parseInput } from '@skills/platform';
import { OutcomeRatesQuery } from './outcome-rates.query';

describe('R-GATE-5 the evaluation day of a cohort\'s outcome rates', () => {
  afterEach(() => jest.useRealTimers());
  const at = (instant: string) => jest.useFakeTimers({ now: Date.parse(instant), doNotFake: ['nextTick', 'queueMicrotask'] });
  const refusal = (asOf: string) => {
    try {
      parseInput(OutcomeRatesQuery, { asOf });
    } catch (error) {
      return error as { code: string; issues: readonly { field: string; message: string }[] };
    }
    throw new Error('expected asOf to be refused');
  };

  it('R-GATE-5 takes today (Asia/Shanghai), a past day, or none', () => {
    at('2021-06-10T15:30:00.000Z');
    expect(parseInput(OutcomeRatesQuery, { asOf: '2021-06-10' })).toEqual({ asOf: '2021-06-10' });
    expect(parseInput(OutcomeRatesQuery, { asOf: '2021-03-01' })).toEqual({ asOf: '2021-03-01' });
    expect(parseInput(OutcomeRatesQuery, {})).toEqual({});
  });

  it('R-GATE-4 R-GATE-5 refuses an asOf after today, naming asOf and the fix: a future day would show open windows as closed', () => {
    at('2021-06-10T15:30:00.000Z');
    const error = refusal('2021-06-11');
    expect(error.code).toBe('VALIDATION.FAILED');
    expect(error.issues).toEqual([{ field: 'asOf', message: 'asOf cannot be after today (2021-06-10, Asia/Shanghai): use today or an earlier day, or leave it out for today' }]);
  });

  it('R-GATE-5 counts today in Shanghai: at 00:30 on the 11th there (16:30Z on the 10th) the 11th is today', () => {
    at('2021-06-10T16:30:00.000Z');
    expect(parseInput(OutcomeRatesQuery, { asOf: '2021-06-11' })).toEqual({ asOf: '2021-06-11' });
    expect(refusal('2021-06-12').issues[0]!.field).toBe('asOf');
  });
});
