import type { DistrictTarget } from '@skills/domain';
import { COHORT, recorded, startedCohort, SUBDISTRICT } from '@skills/platform/testing';
import { JCCQ_2020_12, type PolicyDocument } from '@skills/policy';
import type { ReportContext } from '../report-context';
import { NO_TRACE } from '../tracing';
import { cohortEvaluation } from './cohort-evaluations';
import { ratesSection } from './rates.section';
import { cardIn, foldedHistoryOf, person, smallContextOf } from './testing/section-fixtures';
import { targetsSection } from './targets.section';
import { unitCohorts } from './unit-cohorts';

const [P1, P2] = [person(1), person(2)];
const KEY_GROUP_EMPLOYMENT: DistrictTarget = { code: 'KEY_GROUP_EMPLOYMENT_RATE', unit: 'PERCENT', minimum: 30, maximum: null, from: '2021-01-01', to: '2021-12-31' };
/** COHORT (GENERAL, started 2021-03-01, completed 03-10): P1 a key-group member, P2 not. */
const EVENTS = [cardIn(SUBDISTRICT, P1, ['POOR_LABOURER']), cardIn(SUBDISTRICT, P2), ...startedCohort(COHORT, [P1, P2]), recorded('2021-03-10', 'CohortCompleted', { cohortId: COHORT, completedOn: '2021-03-10' })];

/** The fixtures' context, with a policyOn that counts the days it was asked about. */
function countingContext(policy: (day: string) => PolicyDocument | undefined): { context: ReportContext; asked: string[] } {
  const asked: string[] = [];
  const base = smallContextOf({ asOf: '2021-06-30', districtTargets: [KEY_GROUP_EMPLOYMENT] });
  return { asked, context: { ...base, policyOn: (day) => (asked.push(day), policy(day)) } };
}

describe('one evaluation of a cohort per history (R-GATE-1..3, R-TGT-1, R-EVAL-1)', () => {
  it('R-EVAL-1 the rates section, the unit cohorts and the key-group employment rate read the same evaluation, made once', () => {
    const history = foldedHistoryOf(EVENTS, '2021-06-30');
    const { context, asked } = countingContext(() => JCCQ_2020_12);
    const targets = targetsSection(history, context, NO_TRACE);
    const rates = ratesSection(history, context, NO_TRACE);
    // The policy on the cohort's start (03-01) was asked for once; the other days are the thresholds' (06-30).
    expect(asked.filter((day) => day === '2021-03-01')).toHaveLength(1);
    expect(unitCohorts(history, context)[0]!.rates).toBe(cohortEvaluation(history, context, COHORT)!.rates);
    // Both read the same base of 2: P1 the key group's, not employed (0/1); the cohort's employment rate 0/2.
    expect(targets.lines[0]!.actual).toMatchObject({ numerator: 0, denominator: 1 });
    expect(rates.byProgrammeType[0]!.employment).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('R-EVAL-1 a cohort with no policy in force on its start is refused with REPORT.NO_POLICY_IN_FORCE by the rates and by the targets alike', () => {
    const history = () => foldedHistoryOf(EVENTS, '2021-06-30');
    const none = () => countingContext((day) => (day === '2021-03-01' ? undefined : JCCQ_2020_12)).context;
    const refusal = expect.objectContaining({ code: 'REPORT.NO_POLICY_IN_FORCE', message: expect.stringContaining('no policy version is in force on 2021-03-01') });
    expect(() => ratesSection(history(), none(), NO_TRACE)).toThrow(refusal);
    expect(() => targetsSection(history(), none(), NO_TRACE)).toThrow(refusal);
  });
});
