import { PROVIDER, startedCohort, SUBDISTRICT } from '@skills/platform/testing';
import type { ReportPeriod } from '../evaluation-report';
import { certificateId, certified, cohortId, completed, contextOf, employed, employmentId, evaluationHistoryOf, OTHER_PROVIDER, OTHER_SUBDISTRICT, person } from './testing/section-fixtures';
import { unitCohorts } from './unit-cohorts';

const [A, B, C, D, F] = ['a', 'b', 'c', 'd', 'f'].map(cohortId) as [string, string, string, string, string];
const p = (n: number) => person(n);
const H2_2021: ReportPeriod = { kind: 'RANGE', from: '2021-07-01', to: '2021-12-31', label: '2021-07-01 至 2021-12-31' };

/**
 * A: completed in H1, p3's certificate recorded in H2 (late for A). B: completed in H1, nothing recorded in H2.
 * C: completed in H2. D: completed in H2, another unit's. E (not completed) is never evaluated. F: completed in H1,
 * p7's employment recorded in H2 (its only outcome recorded then).
 */
const events = [
  ...startedCohort(A, [p(1), p(3)]),
  completed(A, '2021-03-10'),
  ...startedCohort(B, [p(2)]),
  completed(B, '2021-04-10'),
  ...startedCohort(C, [p(4)]),
  completed(C, '2021-08-10'),
  ...startedCohort(D, [p(5)], { plan: { providerId: OTHER_PROVIDER } }),
  completed(D, '2021-09-10'),
  ...startedCohort(cohortId('e'), [p(6)]),
  ...startedCohort(F, [p(7)]),
  completed(F, '2021-04-20'),
  ...employed(employmentId(7), p(7), '2021-05-01', '2021-08-20'),
  certified(certificateId(1), p(1), '2021-04-01', '2021-04-01'),
  certified(certificateId(3), p(3), '2021-05-20', '2021-07-10'),
  ...employed(employmentId(2), p(2), '2021-05-01', '2021-05-02'),
];
const providers = new Map([
  [PROVIDER, { name: '甲职业培训学校', subdistrictId: SUBDISTRICT }],
  [OTHER_PROVIDER, { name: '丙职业培训学校', subdistrictId: OTHER_SUBDISTRICT }],
]);
const history = evaluationHistoryOf(events, '2021-12-31', providers);
const ids = (period: ReportPeriod | undefined, subdistrictId?: string | null) => unitCohorts(history, contextOf({ asOf: '2021-12-31', period, subdistrictId })).map((c) => c.cohortId);

describe('the cohorts a report evaluates (R-EVAL-1, issue 7 speed)', () => {
  it('R-EVAL-1 H2: the cohorts completed in the period, and those completed before it with a certificate (A) or an employment (F) recorded in it', () => {
    // B was completed in H1 and nothing of its trainees was recorded in H2: it can neither be rated nor flagged late.
    expect(ids(H2_2021)).toEqual([A, C, F].sort());
    expect(ids(H2_2021, null)).toEqual([A, C, D, F].sort());
  });

  it('R-EVAL-1 H1: the cohorts completed in H1 (A, B, F), not those completed after it', () => {
    expect(ids(undefined)).toEqual([A, B, F].sort());
  });
});
