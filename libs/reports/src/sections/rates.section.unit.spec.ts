import { toAssessmentStreamId, toAttendanceStreamId, toCertificateStreamId, toCohortStreamId } from '@skills/domain';
import { attended, PROVIDER, recorded, startedCohort, SUBDISTRICT } from '@skills/platform/testing';
import { EvaluationHistory } from '../history/evaluation-history';
import { FigureTracer, NO_TRACE } from '../tracing';
import { ratesSection } from './rates.section';
import {
  assessed,
  certificateId,
  certified,
  cohortId,
  completed,
  contextOf,
  employed,
  employmentId,
  evaluationHistoryOf,
  OTHER_PROVIDER,
  OTHER_SUBDISTRICT,
  person,
  SECOND_PROVIDER,
} from './testing/section-fixtures';

const [A, B, C, D, E] = ['a', 'b', 'c', 'd', 'e'].map(cohortId) as [string, string, string, string, string];
const p = (n: number) => person(n);

/**
 * Five cohorts planned 2021-03-01..10 (occupation 焊工), joined on 02-25, reported for 2021 H1 as of 2021-10-01:
 * - A, GENERAL, PROVIDER, 4 trainees, completed 03-10: 4 passes, 3 certificates, 1 employment (window to 09-06, closed).
 * - B, ORDER_BASED, SECOND_PROVIDER, 2 trainees, completed 03-10: 1 pass (window closed 03-10), 1 certificate
 *   (window to 06-08, closed), 2 employments.
 * - C, GENERAL, SECOND_PROVIDER, 3 trainees, started 06-11, completed 06-20: 3 passes, 2 certificates, no employment
 *   yet with the window open until 12-17 (pending).
 * - D, GENERAL, OTHER_PROVIDER (another unit), completed 03-10, no pass: outside the unit.
 * - E, GENERAL, PROVIDER, completed 07-05: outside the period.
 */
const events = [
  ...startedCohort(A, [p(1), p(2), p(3), p(4)]),
  completed(A, '2021-03-10'),
  ...[1, 2, 3, 4].map((n) => assessed(A, p(n), 'PASS', '2021-03-10')),
  ...[1, 2, 3].map((n) => certified(certificateId(n), p(n), '2021-04-01', '2021-04-01')),
  ...employed(employmentId(1), p(1), '2021-04-10', '2021-04-12'),

  ...startedCohort(B, [p(5), p(6)], { programmeType: 'ORDER_BASED', approvedFen: 150_000, plan: { providerId: SECOND_PROVIDER } }),
  completed(B, '2021-03-10'),
  assessed(B, p(5), 'PASS', '2021-03-10'),
  assessed(B, p(6), 'FAIL', '2021-03-10'),
  certified(certificateId(5), p(5), '2021-04-01', '2021-04-01'),
  ...employed(employmentId(5), p(5), '2021-04-10', '2021-04-12'),
  ...employed(employmentId(6), p(6), '2021-04-10', '2021-04-12'),

  ...startedCohort(C, [p(7), p(8), p(11)], { startedOn: '2021-06-11', plan: { providerId: SECOND_PROVIDER } }),
  completed(C, '2021-06-20'),
  ...[7, 8, 11].map((n) => assessed(C, p(n), 'PASS', '2021-06-20')),
  certified(certificateId(7), p(7), '2021-06-25', '2021-06-25'),
  certified(certificateId(8), p(8), '2021-06-25', '2021-06-25'),

  ...startedCohort(D, [p(9)], { plan: { providerId: OTHER_PROVIDER } }),
  completed(D, '2021-03-10'),

  ...startedCohort(E, [p(10)]),
  completed(E, '2021-07-05'),
];

const providers = new Map([
  [PROVIDER, { name: '甲职业培训学校', subdistrictId: SUBDISTRICT }],
  [SECOND_PROVIDER, { name: '乙职业培训学校', subdistrictId: SUBDISTRICT }],
  [OTHER_PROVIDER, { name: '丙职业培训学校', subdistrictId: OTHER_SUBDISTRICT }],
]);
const history = evaluationHistoryOf(events, '2021-10-01', providers);
const rates = ratesSection(history, contextOf({ asOf: '2021-10-01' }), NO_TRACE);
const row = (rows: typeof rates.byProvider, key: string) => rows.find((r) => r.key === key)!;
const fraction = (figure: { numerator: number; denominator: number }) => `${figure.numerator}/${figure.denominator}`;

describe('the rates section (R-EVAL-1, R-GATE-1..4)', () => {
  it('R-EVAL-1 sums the counts of the cohorts of a programme type: exact fractions of the sums, not averages', () => {
    const general = row(rates.byProgrammeType, 'GENERAL');
    // GENERAL = A + C (D is another unit's, E completed in H2).
    expect(general.cohorts.count).toBe(2);
    expect(fraction(general.pass)).toBe('7/7'); // (4 + 3) / (4 + 3)
    expect(fraction(general.certification)).toBe('5/7'); // (3 + 2) / (4 + 3)
    expect(fraction(general.employment)).toBe('1/7'); // (1 + 0) / (4 + 3)
    expect(general.failedCohorts.count).toBe(1); // A: 1/4 = 25% < 30% with its window closed on 09-06
    expect(general.label).toBe('普惠制职业技能培训');

    const orderBased = row(rates.byProgrammeType, 'ORDER_BASED');
    expect([orderBased.cohorts.count, fraction(orderBased.pass), fraction(orderBased.certification), fraction(orderBased.employment), orderBased.failedCohorts.count]).toEqual([1, '1/2', '1/2', '2/2', 1]);
    expect(rates.byProgrammeType.map((r) => r.key)).toEqual(['GENERAL', 'ORDER_BASED']);
  });

  it('R-EVAL-1 sums per provider across programme types, weighting each cohort by its base', () => {
    expect(rates.byProvider.map((r) => r.key)).toEqual([PROVIDER, SECOND_PROVIDER].sort());
    const second = row(rates.byProvider, SECOND_PROVIDER);
    expect(second.label).toBe('乙职业培训学校');
    expect(second.cohorts.count).toBe(2); // B + C
    expect(fraction(second.pass)).toBe('4/5'); // B 1/2, C 3/3: (1 + 3) / (2 + 3)
    // (1 + 2) / (2 + 3) = 60%, where the average of B's 50% and C's 66.7% would be 58.3%.
    expect(fraction(second.certification)).toBe('3/5');
    expect(fraction(second.employment)).toBe('2/5'); // (2 + 0) / (2 + 3)
    expect(second.failedCohorts.count).toBe(1); // B only: C's employment window is open
    const first = row(rates.byProvider, PROVIDER);
    expect([first.label, first.cohorts.count, fraction(first.pass), fraction(first.certification), fraction(first.employment)]).toEqual(['甲职业培训学校', 1, '4/4', '3/4', '1/4']);
  });

  it('R-GATE-4 lists each failed cohort with the gates it failed, their rates and the thresholds of its programme', () => {
    expect(rates.failedCohorts).toEqual([
      {
        cohortId: A,
        providerId: PROVIDER,
        providerName: '甲职业培训学校',
        programmeType: 'GENERAL',
        completedOn: '2021-03-10',
        // 1 × 100 = 100 < 30 × 4 = 120, and 2021-10-01 is after the window's last day 2021-09-06 (03-10 + 180).
        gates: [{ gate: 'EMPLOYMENT', rate: { id: `rates/cohort/${A}/employment`, numerator: 1, denominator: 4 }, threshold: { numerator: 30, denominator: 100 } }],
      },
      {
        cohortId: B,
        providerId: SECOND_PROVIDER,
        providerName: '乙职业培训学校',
        programmeType: 'ORDER_BASED',
        completedOn: '2021-03-10',
        gates: [
          // 1 × 100 = 100 < 95 × 2 = 190, decided on 03-10 when the completion was recorded.
          { gate: 'PASS', rate: { id: `rates/cohort/${B}/pass`, numerator: 1, denominator: 2 }, threshold: { numerator: 95, denominator: 100 } },
          // 100 < 60 × 2 = 120, window closed on 06-08 (03-10 + 90).
          { gate: 'CERTIFICATION', rate: { id: `rates/cohort/${B}/certification`, numerator: 1, denominator: 2 }, threshold: { numerator: 60, denominator: 100 } },
        ],
      },
    ]);
  });

  it('R-GATE-4 a gate whose window is still open is pending, not failed: C (0/3 employed, open until 12-17) is not listed', () => {
    expect(rates.failedCohorts.map((c) => c.cohortId)).not.toContain(C);
    // The same history as of 2021-12-18, the day after C's employment window closed: now it has failed.
    const later = ratesSection(evaluationHistoryOf(events, '2021-12-18', providers), contextOf({ asOf: '2021-12-18' }), NO_TRACE);
    expect(later.failedCohorts.find((c) => c.cohortId === C)?.gates.map((g) => g.gate)).toEqual(['EMPLOYMENT']);
  });

  it("R-EVAL-1 leaves out another unit's cohort, and the district report takes it in", () => {
    expect(rates.byProvider.map((r) => r.key)).not.toContain(OTHER_PROVIDER);
    const district = ratesSection(history, contextOf({ asOf: '2021-10-01', subdistrictId: null }), NO_TRACE);
    const general = row(district.byProgrammeType, 'GENERAL');
    // A + C + D: D has one trainee and no pass.
    expect([general.cohorts.count, fraction(general.pass), general.failedCohorts.count]).toEqual([3, '7/8', 2]);
    expect(district.failedCohorts.map((c) => c.cohortId)).toEqual([A, B, D]);
  });

  it('R-GATE-1..3 reads the thresholds from the policy in force: employment 80% for the employment-oriented programmes', () => {
    const threshold = (type: string) => rates.thresholds.find((t) => t.programmeType === type)!;
    expect(threshold('GENERAL')).toEqual({ programmeType: 'GENERAL', pass: { numerator: 95, denominator: 100 }, certification: { numerator: 60, denominator: 100 }, employment: { numerator: 30, denominator: 100 } });
    expect(threshold('ORDER_BASED').employment).toEqual({ numerator: 80, denominator: 100 });
  });

  it('R-MON-1 traces a rate to the cohort streams and the records that counted, and nothing else', () => {
    const tracer = new FigureTracer(`rates/provider/${PROVIDER}/certification`);
    ratesSection(history, contextOf({ asOf: '2021-10-01' }), tracer);
    expect(tracer.found).toBe(true);
    const expected = [toCohortStreamId(A), ...[1, 2, 3].map((n) => toCertificateStreamId(certificateId(n)))].sort();
    expect(tracer.refs()).toEqual(expected.map((streamId) => ({ streamId })));

    const failedPass = new FigureTracer(`rates/cohort/${B}/pass`);
    ratesSection(history, contextOf({ asOf: '2021-10-01' }), failedPass);
    expect(failedPass.refs()).toEqual([toAssessmentStreamId(B, p(5)), toCohortStreamId(B)].sort().map((streamId) => ({ streamId })));
  });

  it('R-MON-1 a cohort someone withdrew from is traced to its attendance too: the days held before the withdrawal decide the 20% cut-off', () => {
    // F (GENERAL, PROVIDER, 10 planned days): p(21) attended 03-01..05 and passed; p(22) attended 03-01..02 and withdrew
    // on 03-04. The cohort held 3 days before 03-04 (anyone's attendance: p(21)'s 03-03 counts too), so p(22) stays in
    // the base as a failure: the attendance of both decided it.
    const F = cohortId('f');
    const withdrawn = [
      ...startedCohort(F, [p(21), p(22)]),
      ...attended(F, p(21), '2021-03-01', 5, '2021-03-05'),
      ...attended(F, p(22), '2021-03-01', 2, '2021-03-02'),
      recorded('2021-03-04', 'TraineeWithdrawn', { cohortId: F, labourerId: p(22), withdrawnOn: '2021-03-04', reason: 'FOUND_EMPLOYMENT' }),
      completed(F, '2021-03-10'),
      assessed(F, p(21), 'PASS', '2021-03-10'),
    ];
    const tracer = new FigureTracer(`rates/provider/${PROVIDER}/pass`);
    const section = ratesSection(evaluationHistoryOf(withdrawn, '2021-06-30', providers), contextOf({ asOf: '2021-06-30' }), tracer);
    // Both in the base (3 days held before 03-04 ≥ ⌈20% × 10⌉ = 2): 1 pass of 2.
    expect(fraction(row(section.byProvider, PROVIDER).pass)).toBe('1/2');
    expect(tracer.refs()).toEqual(
      [
        { streamId: toCohortStreamId(F) },
        { streamId: toAssessmentStreamId(F, p(21)) },
        ...[21, 22].map((n) => ({ streamId: toAttendanceStreamId(F, p(n)), types: ['AttendanceRecorded'] })),
      ].sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    );
  });

  it('R-GATE-5 as of an earlier day, a certificate recorded later is not counted: A had 0/4 on 2021-03-31', () => {
    const early = ratesSection(evaluationHistoryOf(events, '2021-03-31', providers), contextOf({ asOf: '2021-03-31' }), NO_TRACE);
    expect(fraction(row(early.byProvider, PROVIDER).certification)).toBe('0/4');
    // Its certification window (to 06-08) is open, so A is pending, not failed.
    expect(early.failedCohorts.map((c) => c.cohortId)).toEqual([B]);
  });

  it('R-EVAL-1 finds the providers and their units in the registry as EvaluationHistory folds it', () => {
    const registered = [...providers].map(([providerId, { name, subdistrictId }]) =>
      recorded('2021-01-02', 'ProviderRegistered', { providerId: providerId.toUpperCase(), name, kind: 'TRAINING_SCHOOL', subdistrictId: subdistrictId.toUpperCase(), qualification: {} }),
    );
    const folded = new EvaluationHistory('2021-10-01');
    for (const event of [...registered, ...events]) folded.fold(event);
    expect(ratesSection(folded, contextOf({ asOf: '2021-10-01' }), NO_TRACE)).toEqual(rates);
  });
});
