import { DomainError } from '@skills/domain';
import { claimedApprenticeshipYear } from './apprenticeship-year';

const cohortId = 'c0a80101-0000-4000-8000-000000000001';
const started = { cohortId, startedOn: '2021-03-01' };
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
  return 'no error';
};

describe('R-ENT-2 the apprenticeship year a claim pays', () => {
  it('R-ENT-2 no period asks for year 1, from the start to the day before its anniversary', () => {
    expect(claimedApprenticeshipYear(started, undefined, '2022-03-01')).toEqual({ year: 1, period: { from: '2021-03-01', to: '2022-02-28' } });
  });

  it('R-ENT-2 year 2 is claimed by its own dates once it is over', () => {
    expect(claimedApprenticeshipYear(started, { from: '2022-03-01', to: '2023-02-28' }, '2023-03-01')).toEqual({ year: 2, period: { from: '2022-03-01', to: '2023-02-28' } });
  });

  it('R-ENT-2 refuses a year still running on its last day, and a period that is not one apprenticeship year', () => {
    expect(codeOf(() => claimedApprenticeshipYear(started, undefined, '2022-02-28'))).toBe('CLAIM.APPRENTICESHIP_YEAR_NOT_SERVED');
    expect(codeOf(() => claimedApprenticeshipYear(started, { from: '2021-03-01', to: '2021-12-31' }, '2023-01-01'))).toBe('CLAIM.PERIOD_NOT_APPRENTICESHIP_YEAR');
    expect(codeOf(() => claimedApprenticeshipYear(started, { from: '2021-04-01', to: '2022-03-31' }, '2023-01-01'))).toBe('CLAIM.PERIOD_NOT_APPRENTICESHIP_YEAR');
  });

  it('R-ENT-2 a completed apprenticeship pays the years it completed, not a part year after them', () => {
    const completed = { ...started, completedOn: '2022-02-28' };
    expect(claimedApprenticeshipYear(completed, undefined, '2022-02-28').period.to).toBe('2022-02-28');
    expect(codeOf(() => claimedApprenticeshipYear({ ...started, completedOn: '2022-08-31' }, { from: '2022-03-01', to: '2023-02-28' }, '2023-06-01'))).toBe('CLAIM.APPRENTICESHIP_YEAR_NOT_SERVED');
  });
});
