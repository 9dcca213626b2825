import { toCertificateStreamId, toCohortStreamId, toEmploymentStreamId, toLabourerStreamId, type DistrictTarget } from '@skills/domain';
import { COHORT, LATER_COHORT, recorded, startedCohort, SUBDISTRICT } from '@skills/platform/testing';
import type { TargetLine } from '../evaluation-report';
import { FigureTracer, NO_TRACE } from '../tracing';
import { cardIn, certificate, certificateId, foldedHistoryOf, OTHER_SUBDISTRICT, person, smallContextOf } from './testing/section-fixtures';
import { newSkilledWorkers } from './target-people-counts';
import { targetsSection } from './targets.section';

const [P1, P2, P3, P4] = [1, 2, 3, 4].map(person) as [string, string, string, string];
const [C1, C2, C3, C4, C5] = [1, 2, 3, 4, 5].map(certificateId) as [string, string, string, string, string];
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}-0000-4000-8000-000000000000`;
const [E_BIG, E_MID, E_SMALL, E_GROW] = [1, 2, 3, 4].map((n) => id('e', n)) as [string, string, string, string];
const [STUDIO_1, STUDIO_2, BRAND_1, BRAND_2, BODY, EVAL_1, EVAL_2, JOB] = [id('a', 1), id('a', 2), id('b', 1), id('b', 2), id('f', 1), id('f', 2), id('f', 3), id('f', 4)];

const Y2020 = ['2020-01-01', '2020-12-31'] as const;
const Y2021 = ['2021-01-01', '2021-12-31'] as const;
const BOTH = ['2020-01-01', '2021-12-31'] as const;
const target = (code: DistrictTarget['code'], unit: DistrictTarget['unit'], minimum: number, [from, to]: readonly [string, string], maximum: number | null = null): DistrictTarget => ({ code, unit, minimum, maximum, from, to });
const TARGETS: DistrictTarget[] = [
  target('NEW_SKILLED_WORKERS', 'PERSON', 4, Y2021),
  target('HIGH_SKILLED_SHARE', 'PERCENT', 30, BOTH),
  target('ENTERPRISE_UPGRADE_TRAININGS', 'PERSON_TIME', 2, Y2021),
  target('KEY_GROUP_TRAININGS', 'PERSON_TIME', 4, Y2021),
  target('KEY_GROUP_EMPLOYMENT_RATE', 'PERCENT', 30, BOTH),
  target('CERTIFIED_SHARE_OF_EMPLOYED', 'PERCENT', 30, BOTH),
  target('ENTERPRISES_WITH_TRAINING_CENTRE', 'PERCENT', 50, BOTH),
  target('ENTERPRISES_WITH_OWN_EVALUATION', 'PERCENT', 60, Y2020),
  target('CITY_SKILLS_MASTER_STUDIOS', 'STUDIO', 2, Y2020, 3),
  target('CITY_LABOUR_BRANDS', 'BRAND', 1, Y2020),
  target('DISTRICT_TECHNICAL_EXPERTS', 'PERSON', 10, Y2021),
];

const enterprise = (enterpriseId: string, subdistrictId: string, headcount: number) =>
  recorded('2020-01-02', 'EnterpriseRegistered', { enterpriseId, name: '企业', subdistrictId, headcount, insured: true });
const enterpriseUnit = (enterpriseId: string) => ({ kind: 'ENTERPRISE', id: enterpriseId });

/**
 * People: P1 (A, no key group), P2 (A, POOR_LABOURER), P3 (B, VETERAN), P4 (B).
 * Certificates: C1 P1 SENIOR 2021-02-01; C2 P2 JUNIOR 2020-05-01 and C3 P2 SENIOR 2021-03-01; C4 P3 special ability
 * 2021-04-01; C5 P4 INTERMEDIATE 2021-06-20 recorded 2021-07-05, after the 2021-06-30 asOf.
 * COHORT: GENERAL, P1 P2 P3 enrolled 02-25, started 03-01, completed 03-10; P2 employed from 04-01 (verified 04-03).
 * LATER_COHORT: ENTERPRISE_EMPLOYEE, P1 and P4, started 03-01; P4 withdrew on 03-01, so never trained.
 * Enterprises on 2021-06-30: E_BIG 600 (A, centre 2021-04-10), E_MID 400 (A), E_SMALL 100 (B), E_GROW 450 → 520 from
 * 2021-05-01 (B). E_MID organised an evaluation by an enterprise body on 2020-11-01, E_BIG on 2021-02-01.
 * Studios: STUDIO_1 city 2020-09-01 (provincial 2021-02-01), STUDIO_2 city 2021-01-10. Brands: BRAND_1 city 2020-10-01,
 * BRAND_2 provincial 2020-11-01.
 */
const EVENTS = [
  cardIn(SUBDISTRICT, P1),
  cardIn(SUBDISTRICT, P2, ['POOR_LABOURER']),
  cardIn(OTHER_SUBDISTRICT, P3, ['VETERAN']),
  cardIn(OTHER_SUBDISTRICT, P4),
  certificate('2021-02-02', C1, P1, '2021-02-01', 'SENIOR'),
  certificate('2020-05-02', C2, P2, '2020-05-01', 'JUNIOR'),
  certificate('2021-03-02', C3, P2, '2021-03-01', 'SENIOR'),
  certificate('2021-04-02', C4, P3, '2021-04-01'),
  certificate('2021-07-05', C5, P4, '2021-06-20', 'INTERMEDIATE'),
  ...startedCohort(COHORT, [P1, P2, P3]),
  recorded('2021-03-10', 'CohortCompleted', { cohortId: COHORT, completedOn: '2021-03-10' }),
  recorded('2021-04-02', 'EmploymentRecorded', { employmentId: JOB, labourerId: P2, startsOn: '2021-04-01', evidenceRef: 'doc:1' }),
  recorded('2021-04-03', 'EmploymentVerified', { employmentId: JOB, verifiedOn: '2021-04-03', verifiedBy: 'reviewer' }),
  ...startedCohort(LATER_COHORT, [P1, P4], { programmeType: 'ENTERPRISE_EMPLOYEE' }),
  recorded('2021-03-02', 'TraineeWithdrawn', { cohortId: LATER_COHORT, labourerId: P4, withdrawnOn: '2021-03-01', reason: 'NEVER_ATTENDED' }),
  enterprise(E_BIG, SUBDISTRICT, 600),
  enterprise(E_MID, SUBDISTRICT, 400),
  enterprise(E_SMALL, OTHER_SUBDISTRICT, 100),
  enterprise(E_GROW, OTHER_SUBDISTRICT, 450),
  recorded('2021-04-20', 'EnterpriseProfileChanged', { enterpriseId: E_GROW, name: '企业', subdistrictId: OTHER_SUBDISTRICT, headcount: 520, insured: true, effectiveOn: '2021-05-01' }),
  recorded('2021-04-11', 'TrainingCentreRecognised', { enterpriseId: E_BIG, capacity: 150, newlyEstablished: true, establishedOn: '2021-04-10', headcount: 600 }),
  recorded('2020-01-03', 'EvaluationBodyRegistered', { evaluationBodyId: BODY, name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: SUBDISTRICT }),
  recorded('2020-11-02', 'FreeEvaluationRecorded', { evaluationId: EVAL_1, organiser: enterpriseUnit(E_MID), occupation: '焊工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2020-11-01', evaluationBodyId: BODY, freeOfCharge: true }),
  recorded('2021-02-02', 'FreeEvaluationRecorded', { evaluationId: EVAL_2, organiser: enterpriseUnit(E_BIG), occupation: '焊工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2021-02-01', evaluationBodyId: BODY, freeOfCharge: true }),
  recorded('2020-09-02', 'SkillsMasterStudioDesignated', { studioId: STUDIO_1, host: enterpriseUnit(E_BIG), level: 'CITY', designatedOn: '2020-09-01' }),
  recorded('2021-02-02', 'SkillsMasterStudioDesignated', { studioId: STUDIO_1, host: enterpriseUnit(E_BIG), level: 'PROVINCIAL', designatedOn: '2021-02-01' }),
  recorded('2021-01-11', 'SkillsMasterStudioDesignated', { studioId: STUDIO_2, host: enterpriseUnit(E_MID), level: 'CITY', designatedOn: '2021-01-10' }),
  recorded('2020-10-02', 'LabourBrandRecognised', { brandId: BRAND_1, holder: enterpriseUnit(E_MID), level: 'CITY', recognisedOn: '2020-10-01' }),
  recorded('2020-11-02', 'LabourBrandRecognised', { brandId: BRAND_2, holder: enterpriseUnit(E_MID), level: 'PROVINCIAL', recognisedOn: '2020-11-01' }),
];

const run = (unit: string | null = null, tracer = NO_TRACE) => targetsSection(foldedHistoryOf(EVENTS, '2021-06-30'), smallContextOf({ asOf: '2021-06-30', unit, districtTargets: TARGETS }), tracer);
const line = (lines: readonly TargetLine[], code: string) => lines.find((l) => l.code === code)!;
const summary = (l: TargetLine) => [l.status, l.actual === null ? null : 'count' in l.actual ? l.actual.count : [l.actual.numerator, l.actual.denominator]];

describe('district targets section (R-TGT-1), 2021 上半年 as of 2021-06-30 (day 181 of 365)', () => {
  it('R-TGT-1 one line per target of the set, in its order, each counted over its own period and judged', () => {
    const { lines } = run();
    expect(lines.map((l) => l.code)).toEqual(TARGETS.map((t) => t.code));
    expect(Object.fromEntries(lines.map((l) => [l.code, summary(l)]))).toEqual({
      // P1 (C1) and P3 (C4) are new in 2021; P2 was certified in 2020; C5 is not known on asOf. 2 × 365 = 730 ≥ 4 × 181 = 724.
      NEW_SKILLED_WORKERS: ['ON_TRACK', 2],
      // Over 2020–2021: P1, P2, P3 new; P1 (C1) and P2 (C3) hold SENIOR: 2/3, 200 ≥ 90, the period still running.
      HIGH_SKILLED_SHARE: ['ON_TRACK', [2, 3]],
      // LATER_COHORT: P1 only (P4 left on the first day): 1 × 365 = 365 ≥ 2 × 181 = 362.
      ENTERPRISE_UPGRADE_TRAININGS: ['ON_TRACK', 1],
      // COHORT: P2 (POOR_LABOURER) and P3 (VETERAN), not P1: 2 × 365 = 730 ≥ 724.
      KEY_GROUP_TRAININGS: ['ON_TRACK', 2],
      // COHORT completed 03-10: key-group base P2, P3; P2 employed from 04-01, verified: 1/2 ≥ 30%.
      KEY_GROUP_EMPLOYMENT_RATE: ['ON_TRACK', [1, 2]],
      CERTIFIED_SHARE_OF_EMPLOYED: ['NOT_MEASURED', null],
      // 500+ on 2021-06-30: E_BIG and E_GROW (520 from 05-01); E_BIG has a centre: 1/2 = 50%.
      ENTERPRISES_WITH_TRAINING_CENTRE: ['ON_TRACK', [1, 2]],
      // 300+ on 2020-12-31: E_BIG, E_MID, E_GROW (450); only E_MID evaluated by then: 1/3 < 60%, 2020 over.
      ENTERPRISES_WITH_OWN_EVALUATION: ['NOT_MET', [1, 3]],
      // STUDIO_1 city in 2020 (its provincial upgrade and STUDIO_2 are 2021): 1 of 2, 2020 over.
      CITY_SKILLS_MASTER_STUDIOS: ['NOT_MET', 1],
      // BRAND_1 city in 2020; BRAND_2 is provincial.
      CITY_LABOUR_BRANDS: ['MET', 1],
      DISTRICT_TECHNICAL_EXPERTS: ['NOT_MEASURED', null],
    });
    expect(line(lines, 'NEW_SKILLED_WORKERS')).toMatchObject({ label: '新增技能劳动者', unit: 'PERSON', target: 4, targetPeriod: { from: '2021-01-01', to: '2021-12-31' }, actual: { id: 'targets/NEW_SKILLED_WORKERS/2021-01-01..2021-12-31', count: 2 } });
    expect(line(lines, 'CITY_SKILLS_MASTER_STUDIOS').note).toContain('目标期已结束，完成1，差1');
  });

  it('R-TGT-1 a target the system records nothing for is NOT_MEASURED with the reason, never a zero', () => {
    const { lines } = run();
    expect(line(lines, 'CERTIFIED_SHARE_OF_EMPLOYED')).toMatchObject({ actual: null, status: 'NOT_MEASURED', note: expect.stringContaining('不记录全区就业人员总数') });
    expect(line(lines, 'DISTRICT_TECHNICAL_EXPERTS')).toMatchObject({ actual: null, status: 'NOT_MEASURED', note: expect.stringContaining('城区技术能手') });
  });

  it('R-TGT-1 a one-unit report counts the unit only: B has P3, E_GROW and no centre', () => {
    const lines = run(OTHER_SUBDISTRICT).lines;
    // New in 2021 in B: P3 only; 365 < 724.
    expect(summary(line(lines, 'NEW_SKILLED_WORKERS'))).toEqual(['BEHIND', 1]);
    expect(line(lines, 'NEW_SKILLED_WORKERS').note).toContain('实际数仅为本单位');
    expect(summary(line(lines, 'KEY_GROUP_TRAININGS'))).toEqual(['BEHIND', 1]);
    // P3 in the base, not employed: 0/1.
    expect(summary(line(lines, 'KEY_GROUP_EMPLOYMENT_RATE'))).toEqual(['BEHIND', [0, 1]]);
    expect(summary(line(lines, 'ENTERPRISES_WITH_TRAINING_CENTRE'))).toEqual(['BEHIND', [0, 1]]);
    // Brands and studios are held in A.
    expect(summary(line(lines, 'CITY_LABOUR_BRANDS'))).toEqual(['NOT_MET', 0]);
  });

  it('R-MON-1 the trace of a target lists the streams it counted: the new skilled workers\' first certificates', () => {
    const tracer = new FigureTracer('targets/NEW_SKILLED_WORKERS/2021-01-01..2021-12-31');
    run(null, tracer);
    expect(tracer.refs()).toEqual([C1, C4].map((c) => ({ streamId: toCertificateStreamId(c), types: ['CertificateRecorded'] })).sort((a, b) => (a.streamId < b.streamId ? -1 : 1)));
  });
});

describe('district targets are bitemporal (THE RULE, report-context.ts; R-TGT-1, R-MON-1)', () => {
  const E1 = id('e', 11);
  const E2 = id('e', 12);
  const BODY_2021 = id('f', 11);
  const EVAL_2020 = id('f', 12);
  const lineOf = (events: readonly ReturnType<typeof recorded>[], asOf: string, t: DistrictTarget, tracer = NO_TRACE) =>
    targetsSection(foldedHistoryOf(events, asOf), smallContextOf({ asOf, districtTargets: [t] }), tracer).lines[0]!;

  it('R-TGT-1 an enterprise registered in 2021 does not join the closed 2020 training-centre base when the report is run in 2021', () => {
    const events = [
      recorded('2020-01-02', 'EnterpriseRegistered', { enterpriseId: E1, name: '企业', subdistrictId: SUBDISTRICT, headcount: 600, insured: true }),
      recorded('2020-06-01', 'TrainingCentreRecognised', { enterpriseId: E1, capacity: 100, newlyEstablished: true, establishedOn: '2020-05-01', headcount: 600 }),
      recorded('2021-03-01', 'EnterpriseRegistered', { enterpriseId: E2, name: '企业', subdistrictId: SUBDISTRICT, headcount: 700, insured: true }),
    ];
    const t = target('ENTERPRISES_WITH_TRAINING_CENTRE', 'PERCENT', 50, Y2020);
    // E1 alone (600, centre from 2020-05-01): 1/1, as of the end of 2020 and as of mid-2021 alike; E2 is 2021's.
    expect(summary(lineOf(events, '2020-12-31', t))).toEqual(['MET', [1, 1]]);
    expect(summary(lineOf(events, '2021-06-30', t))).toEqual(['MET', [1, 1]]);
  });

  it('R-TGT-1 an evaluation by a body registered after the target period does not count for it', () => {
    const events = [
      recorded('2020-01-02', 'EnterpriseRegistered', { enterpriseId: E1, name: '企业', subdistrictId: SUBDISTRICT, headcount: 400, insured: true }),
      // The body was entered in the registry in 2021, after an evaluation it held in 2020 was recorded.
      recorded('2020-11-02', 'FreeEvaluationRecorded', { evaluationId: EVAL_2020, organiser: enterpriseUnit(E1), occupation: '焊工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2020-11-01', evaluationBodyId: BODY_2021, freeOfCharge: true }),
      recorded('2021-02-01', 'EvaluationBodyRegistered', { evaluationBodyId: BODY_2021, name: '企业评价机构', kind: 'ENTERPRISE', subdistrictId: SUBDISTRICT }),
    ];
    // 300+ on 2020-12-31: E1; its evaluator was not registered by then: 0/1, whether run in 2020 or in 2021.
    expect(summary(lineOf(events, '2021-06-30', target('ENTERPRISES_WITH_OWN_EVALUATION', 'PERCENT', 60, Y2020)))).toEqual(['NOT_MET', [0, 1]]);
    // For 2021 the body is registered (02-01) and the 2020 evaluation, held by 2021-06-30, counts.
    expect(summary(lineOf(events, '2021-06-30', target('ENTERPRISES_WITH_OWN_EVALUATION', 'PERCENT', 60, Y2021)))).toEqual(['ON_TRACK', [1, 1]]);
  });

  it('R-TGT-1 the new skilled workers of a scope are counted once per history: the high-skilled share and a repeated line reuse them', () => {
    const history = foldedHistoryOf(EVENTS, '2021-06-30');
    const context = smallContextOf({ asOf: '2021-06-30' });
    const first = newSkilledWorkers(history, { unitId: null, from: '2021-01-01', to: '2021-06-30', judge: context });
    expect(newSkilledWorkers(history, { unitId: null, from: '2021-01-01', to: '2021-06-30', judge: context })).toBe(first);
    // P1 (C1) and P3 (C4), as the section's line counts them; another scope is its own count.
    expect([...first.people.keys()].sort()).toEqual([P1, P3].sort());
    expect(newSkilledWorkers(history, { unitId: OTHER_SUBDISTRICT, from: '2021-01-01', to: '2021-06-30', judge: context }).people.size).toBe(1);
  });

  it('R-MON-1 the key-group employment rate is traced to its cohorts, the cards of the trainees of its base, and the employments counted', () => {
    const tracer = new FigureTracer('targets/KEY_GROUP_EMPLOYMENT_RATE/2020-01-01..2021-12-31');
    run(null, tracer);
    // COHORT's key-group base is P2 (POOR_LABOURER) and P3 (VETERAN); P1 is in the base but no key group.
    expect(tracer.refs()).toEqual(
      [
        { streamId: toCohortStreamId(COHORT), types: ['CohortCompleted', 'CohortStarted', 'TraineeEnrolled', 'TraineeWithdrawn'] },
        ...[P2, P3].map((p) => ({ streamId: toLabourerStreamId(p), types: ['LabourerGroupsChanged', 'LabourerRegistered'] })),
        { streamId: toEmploymentStreamId(JOB), types: ['EmploymentRecorded', 'EmploymentVerified'] },
      ].sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    );
  });
});
