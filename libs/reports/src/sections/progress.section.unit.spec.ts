import { toCertificateStreamId, toLabourerStreamId } from '@skills/domain';
import { SUBDISTRICT } from '@skills/platform/testing';
import { FigureTracer, NO_TRACE } from '../tracing';
import { progressSection } from './progress.section';
import { cardIn, certificate, certificateId, foldedHistoryOf, OTHER_SUBDISTRICT, person, smallContextOf } from './testing/section-fixtures';

const [P1, P2, P3] = [person(1), person(2), person(3)];
const [C1, C2, C3, C4, C5] = [1, 2, 3, 4, 5].map(certificateId) as [string, string, string, string, string];

/**
 * P1 and P2 hold cards of A, P3 of B. Task period 2020-08..2021-12 (from 2020-08-01).
 * C1 (P1, issued 2021-03-10) counts for A, its redelivery adds nothing; C2 (P2, 2020-07-31) is before the period;
 * C3 (P2, 2021-06-30) is on the report's last day; C4 (P3, issued 2021-05-01) was recorded on 2021-07-02, after a
 * 2021-06-30 asOf; C5 (P3, issued 2021-07-01) is after the half-year.
 */
const EVENTS = [
  cardIn(SUBDISTRICT, P1),
  cardIn(SUBDISTRICT, P2),
  cardIn(OTHER_SUBDISTRICT, P3),
  certificate('2021-03-12', C1, P1, '2021-03-10'),
  certificate('2021-04-01', C1, P1, '2021-03-10'),
  certificate('2020-08-02', C2, P2, '2020-07-31'),
  certificate('2021-06-30', C3, P2, '2021-06-30'),
  certificate('2021-07-02', C4, P3, '2021-05-01'),
  certificate('2021-07-01', C5, P3, '2021-07-01'),
];

const run = (asOf: string, unit: string | null = null, tracer = NO_TRACE) => progressSection(foldedHistoryOf(EVENTS, asOf), smallContextOf({ asOf, unit }), tracer);

describe('certification progress section (R-TGT-2, R-EVAL-1)', () => {
  it('R-TGT-2 district report as of 2021-06-30: every unit and the district line, 11 of 17 months elapsed', () => {
    const section = run('2021-06-30');
    expect(section.targetSetVersion).toBe('TEST-2020.v1');
    expect(section.taskPeriod).toEqual({ from: '2020-08', to: '2021-12', months: 17 });
    // A: done 2 (C1 once, C3); expected 34 × 11 ÷ 17 = 22 exactly; 2 − 22 = −20; 32 left over 6 months → ⌈5.33⌉ = 6.
    expect(section.units[0]).toEqual({
      subdistrictId: SUBDISTRICT,
      code: 'NANCUN',
      name: '南村镇',
      holdersAtStart: null,
      holdersNow: null,
      target: null,
      task: 34,
      monthlyPacePrinted: 2,
      months: 17,
      monthsElapsed: 11,
      done: { id: `progress/done/${SUBDISTRICT}`, count: 2 },
      expectedToDate: { numerator: 374, denominator: 17 },
      expectedToDateWhole: 22,
      difference: -20,
      standing: 'BEHIND',
      remaining: 32,
      monthlyPaceNeeded: 6,
    });
    // B: C4 recorded after asOf is not known: 0 done; expected 17 × 11 ÷ 17 = 11; 17 left → ⌈17 ÷ 6⌉ = 3.
    expect(section.units[1]).toMatchObject({ subdistrictId: OTHER_SUBDISTRICT, done: { id: `progress/done/${OTHER_SUBDISTRICT}`, count: 0 }, expectedToDateWhole: 11, difference: -11, remaining: 17, monthlyPaceNeeded: 3 });
    // District: 2 done; 51 × 11 ÷ 17 = 33; holders 100 + 2 = 102; 49 left → ⌈49 ÷ 6⌉ = 9.
    expect(section.district).toMatchObject({ subdistrictId: null, code: null, name: '城区', holdersAtStart: 100, holdersNow: 102, target: 151, done: { id: 'progress/done/district', count: 2 }, expectedToDateWhole: 33, difference: -31, monthlyPaceNeeded: 9 });
  });

  it('R-TGT-2 a certificate recorded after asOf is not counted; the same half-year as of a later day counts it, and nothing issued after the period', () => {
    expect(run('2021-06-30').units[1]!.done.count).toBe(0);
    // As of 2021-12-31 the report still ends on 2021-06-30: C4 (issued 05-01, recorded 07-02) counts, C5 (issued 07-01) does not.
    const later = run('2021-12-31');
    expect(later.units.map((u) => u.done.count)).toEqual([2, 1]);
    expect(later.district!.done.count).toBe(3);
    // The pace is still judged at the period's end: 11 months elapsed, not 17.
    expect(later.district!.monthsElapsed).toBe(11);
  });

  it('R-EVAL-1 a one-unit report has its own line only, district null, and the district line flags but no other unit\'s', () => {
    const section = run('2021-06-30', OTHER_SUBDISTRICT);
    expect(section.units.map((u) => u.subdistrictId)).toEqual([OTHER_SUBDISTRICT]);
    expect(section.district).toBeNull();
    // The set's own flags: the units' paces sum to 3 while the district says 4; 4 is neither 51 ÷ 17 rounded (3) nor rounded up (3).
    expect(section.flags.map((f) => f.code)).toEqual(['PACE_SUM_MISMATCH', 'PACE_NOT_TASK_OVER_MONTHS']);
    expect(section.flags.map((f) => f.message)).toEqual(['各单位月均推进数合计 3，城区一行为 4', '城区：月均推进数 4 既不是任务数 51 ÷ 17 个月的四舍五入值 3，也不是进一值 3']);
  });

  it('R-EVAL-1 an unknown unit is refused naming the target set', () => {
    expect(() => run('2021-06-30', 'ffffffff-0000-4000-8000-000000000000')).toThrow(/TEST-2020.v1 has no line for subdistrict/);
  });

  it('R-MON-1 the trace of a unit\'s done lists exactly the certificate streams it counted, once each, and the cards that placed their holders in the unit', () => {
    const tracer = new FigureTracer(`progress/done/${SUBDISTRICT}`);
    run('2021-06-30', null, tracer);
    expect(tracer.found).toBe(true);
    // C1 (P1) and C3 (P2): both holders' registrations put them in A. P3's card (B) is not A's.
    expect(tracer.refs()).toEqual(
      [
        ...[C1, C3].map((id) => ({ streamId: toCertificateStreamId(id), types: ['CertificateRecorded'] })),
        ...[P1, P2].map((id) => ({ streamId: toLabourerStreamId(id), types: ['LabourerRegistered'] })),
      ].sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    );
    const district = new FigureTracer('progress/done/district');
    run('2021-12-31', null, district);
    expect(district.refs().map((r) => r.streamId)).toEqual([C1, C3, C4].map(toCertificateStreamId).sort());
  });
});
