import { toAttendanceStreamId, toCertificateStreamId, toCohortStreamId, toEmploymentStreamId, toTargetSetStreamId } from '@skills/domain';
import { attended, PROVIDER, startedCohort, SUBDISTRICT } from '@skills/platform/testing';
import type { DataQualityFlag, ReportPeriod } from '../evaluation-report';
import { FigureTracer, NO_TRACE } from '../tracing';
import { dataQualitySection } from './data-quality.section';
import {
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
  UNITS,
} from './testing/section-fixtures';

const [A, F, G, H] = ['a', 'f', '1', '2'].map(cohortId) as [string, string, string, string];
const p = (n: number) => person(n);
const H2_2021: ReportPeriod = { kind: 'RANGE', from: '2021-07-01', to: '2021-12-31', label: '2021-07-01 至 2021-12-31' };

/**
 * A: GENERAL 焊工, PROVIDER (the unit), p1..p4, completed 2021-03-10: certification window 03-01..06-08, employment
 * window 03-01..09-06. F: 电工, OTHER_PROVIDER, with p1. G (焊工) and H (电工): OTHER_PROVIDER, both with p9.
 */
const events = [
  ...startedCohort(A, [p(1), p(2), p(3), p(4)]),
  completed(A, '2021-03-10'),
  ...startedCohort(F, [p(1)], { occupation: '电工', plan: { providerId: OTHER_PROVIDER } }),
  ...startedCohort(G, [p(9)], { plan: { providerId: OTHER_PROVIDER } }),
  completed(G, '2021-03-10'),
  ...startedCohort(H, [p(9)], { occupation: '电工', plan: { providerId: OTHER_PROVIDER } }),

  // p1 in A on 03-01..05 and in F on 03-04..06: two person-days (03-04, 03-05) in two cohorts.
  ...attended(A, p(1), '2021-03-01', 5, '2021-03-06'),
  ...attended(F, p(1), '2021-03-04', 3, '2021-03-07'),
  // p9 in G and H on 03-02: another unit's clash.
  ...attended(G, p(9), '2021-03-02', 1, '2021-03-02'),
  ...attended(H, p(9), '2021-03-02', 1, '2021-03-02'),

  certified(certificateId(1), p(1), '2021-04-01', '2021-04-01'), // in time: counted
  certified(certificateId(2), p(2), '2021-05-20', '2021-06-15'), // issued in the window, recorded 7 days after it: late, in H1
  certified(certificateId(3), p(3), '2021-05-20', '2021-07-10'), // late, recorded in H2
  certified(certificateId(4), p(4), '2021-06-20', '2021-06-25'), // issued after the window: would never have counted
  certified(certificateId(9), p(9), '2021-05-01', '2021-06-20'), // late for G, another unit's cohort
  ...employed(employmentId(2), p(2), '2021-08-01', '2021-09-20'), // starts in the window (to 09-06), recorded after it: late
  ...employed(employmentId(3), p(3), '2021-10-01', '2021-10-02'), // starts after the window: never counted
];

const providers = new Map([
  [PROVIDER, { name: '甲职业培训学校', subdistrictId: SUBDISTRICT }],
  [OTHER_PROVIDER, { name: '丙职业培训学校', subdistrictId: OTHER_SUBDISTRICT }],
]);
const history = evaluationHistoryOf(events, '2021-12-31', providers);
const h1 = dataQualitySection(history, contextOf({ asOf: '2021-12-31' }), NO_TRACE);
const flag = (flags: readonly DataQualityFlag[], kind: DataQualityFlag['kind']) => flags.find((f) => f.kind === kind)!;

describe('the data-quality section (R-EVAL-1, R-MON-1)', () => {
  it('R-EVAL-1 counts an attendance clash in person-days and names the cohorts, not the person', () => {
    const clash = flag(h1.flags, 'ATTENDANCE_CLASH');
    expect(clash.figure).toEqual({ id: 'quality/ATTENDANCE_CLASH', count: 2 });
    expect(clash.cohortIds).toEqual([A, F]);
    expect(clash.message).toBe('同一学员同日在两个培训班均有出勤记录:2 人日,涉及 2 个培训班');
    expect(clash.message).not.toContain(p(1));
  });

  it("R-EVAL-1 the district report also counts another unit's clash (p9 in G and H on 03-02)", () => {
    const district = dataQualitySection(history, contextOf({ asOf: '2021-12-31', subdistrictId: null }), NO_TRACE);
    const clash = flag(district.flags, 'ATTENDANCE_CLASH');
    expect([clash.figure.count, clash.cohortIds]).toEqual([3, [A, F, G, H].sort()]);
  });

  it('R-GATE-4 flags a certificate recorded after the window it would have counted in, in the period it was recorded', () => {
    // H1: only p2's (recorded 06-15, window closed 06-08); p3's was recorded in H2, p4's was issued after the window.
    const late = flag(h1.flags, 'LATE_CERTIFICATE');
    expect([late.figure, late.cohortIds]).toEqual([{ id: 'quality/LATE_CERTIFICATE', count: 1 }, [A]]);
    const h2 = dataQualitySection(history, contextOf({ asOf: '2021-12-31', period: H2_2021 }), NO_TRACE);
    expect(flag(h2.flags, 'LATE_CERTIFICATE').figure.count).toBe(1); // p3's
    expect(flag(h2.flags, 'ATTENDANCE_CLASH').figure.count).toBe(0); // the clash days are in March
    const district = dataQualitySection(history, contextOf({ asOf: '2021-12-31', subdistrictId: null }), NO_TRACE);
    expect(flag(district.flags, 'LATE_CERTIFICATE').cohortIds).toEqual([A, G].sort()); // p2's for A, p9's for G
  });

  it('R-GATE-4 flags an employment recorded after its window (starts 08-01, recorded 09-20, window to 09-06)', () => {
    expect(flag(h1.flags, 'LATE_EMPLOYMENT').figure.count).toBe(0);
    const h2 = dataQualitySection(history, contextOf({ asOf: '2021-12-31', period: H2_2021 }), NO_TRACE);
    expect([flag(h2.flags, 'LATE_EMPLOYMENT').figure.count, flag(h2.flags, 'LATE_EMPLOYMENT').cohortIds]).toEqual([1, [A]]);
  });

  it('R-GATE-5 a report as of a day before the late record does not flag it', () => {
    const early = dataQualitySection(evaluationHistoryOf(events, '2021-06-14', providers), contextOf({ asOf: '2021-06-14' }), NO_TRACE);
    expect(flag(early.flags, 'LATE_CERTIFICATE').figure.count).toBe(0);
  });

  it('R-TGT-2 shows the target set inconsistency (paces 94 + 741 = 835 against 836), one flag each', () => {
    const targetSet = h1.flags.filter((f) => f.kind === 'TARGET_SET_INCONSISTENCY');
    expect(targetSet).toEqual([
      {
        kind: 'TARGET_SET_INCONSISTENCY',
        figure: { id: 'quality/TARGET_SET_INCONSISTENCY/PACE_SUM_MISMATCH/district', count: 1 },
        message: 'JCCQ-2020-12.v2 各单位月均推进数合计 835，城区一行为 836',
        cohortIds: [],
      },
    ]);
  });

  it("R-TGT-2 a unit's report leaves out another unit's line flag; the district report keeps it", () => {
    const missing = { subdistrictId: 'aaaaaaaa-0000-4000-8000-000000000000', code: 'KAIFAQU', name: '开发区办事处', nameEn: 'Development Zone' };
    const units = [...UNITS, missing];
    const unit = dataQualitySection(history, contextOf({ asOf: '2021-12-31', units }), NO_TRACE);
    const district = dataQualitySection(history, contextOf({ asOf: '2021-12-31', units, subdistrictId: null }), NO_TRACE);
    const ids = (flags: readonly DataQualityFlag[]) => flags.filter((f) => f.kind === 'TARGET_SET_INCONSISTENCY').map((f) => f.figure.id);
    expect(ids(unit.flags)).toEqual(['quality/TARGET_SET_INCONSISTENCY/PACE_SUM_MISMATCH/district']);
    expect(ids(district.flags)).toEqual(['quality/TARGET_SET_INCONSISTENCY/PACE_SUM_MISMATCH/district', `quality/TARGET_SET_INCONSISTENCY/UNIT_MISSING/${missing.subdistrictId}`]);
    expect(district.flags.at(-1)!.message).toBe('JCCQ-2020-12.v2 开发区办事处：已登记的单位在任务分解表中没有对应行，没有任务数');
  });

  it('R-MON-1 traces each flag to exactly the streams behind it', () => {
    const traced = (figure: string, period?: ReportPeriod) => {
      const tracer = new FigureTracer(figure);
      dataQualitySection(history, contextOf({ asOf: '2021-12-31', ...(period ? { period } : {}) }), tracer);
      expect(tracer.found).toBe(true);
      return tracer.refs();
    };
    expect(traced('quality/ATTENDANCE_CLASH')).toEqual([toAttendanceStreamId(A, p(1)), toAttendanceStreamId(F, p(1))].sort().map((streamId) => ({ streamId, types: ['AttendanceRecorded'] })));
    expect(traced('quality/LATE_CERTIFICATE')).toEqual([toCertificateStreamId(certificateId(2)), toCohortStreamId(A)].sort().map((streamId) => ({ streamId })));
    expect(traced('quality/LATE_EMPLOYMENT', H2_2021)).toEqual([toCohortStreamId(A), toEmploymentStreamId(employmentId(2))].sort().map((streamId) => ({ streamId })));
    expect(traced('quality/TARGET_SET_INCONSISTENCY/PACE_SUM_MISMATCH/district')).toEqual([{ streamId: toTargetSetStreamId('JCCQ-2020-12'), types: ['TargetSetVersionPublished'] }]);
  });
});
