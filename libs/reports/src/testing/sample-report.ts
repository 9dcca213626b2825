import type { EvaluationReport, FailedCohort, MoneyRow, ProgressLine, RateRow, TargetLine } from '../evaluation-report';

/**
 * A hand-made district report for 2021 上半年 as of 2021-06-30, for the renderers' specs and the console. The task
 * table is 附件1 as printed (R-TGT-2, 2020-08..2021-12, 17 months, 11 of them ended by 2021-06-30); every derived
 * figure was computed by hand: expected = ⌈task × 11 ÷ 17⌉, difference = done − expected, pace needed =
 * ⌈(task − done) ÷ 6⌉. Counts, fen and exact fractions only: no names, ID numbers or labourer ids.
 */
const unitId = (n: number): string => `0000000${n}-0000-4000-8000-000000000000`;

const progressLine = (
  n: number | null,
  code: string | null,
  name: string,
  task: number,
  pace: number,
  done: number,
  expectedWhole: number,
  paceNeeded: number,
  holders: { atStart: number; target: number } | null = null,
): ProgressLine => ({
  subdistrictId: n === null ? null : unitId(n),
  code,
  name,
  holdersAtStart: holders?.atStart ?? null,
  holdersNow: holders === null ? null : holders.atStart + done,
  target: holders?.target ?? null,
  task,
  monthlyPacePrinted: pace,
  months: 17,
  monthsElapsed: 11,
  done: { id: `progress.done.${code ?? 'DISTRICT'}`, count: done },
  expectedToDate: { numerator: task * 11, denominator: 17 },
  expectedToDateWhole: expectedWhole,
  difference: done - expectedWhole,
  standing: done > expectedWhole ? 'AHEAD' : done === expectedWhole ? 'ON_PACE' : 'BEHIND',
  remaining: task - done,
  monthlyPaceNeeded: paceNeeded,
});

export const SAMPLE_UNITS: readonly ProgressLine[] = [
  progressLine(1, 'NANCUN', '南村镇', 1600, 94, 1102, 1036, 83),
  progressLine(2, 'XISHANGZHUANG', '西上庄办事处', 1200, 71, 702, 777, 83),
  progressLine(3, 'ZHONGJIAZHUANG', '钟家庄办事处', 3000, 176, 1942, 1942, 177),
  progressLine(4, 'DONGJIE', '东街办事处', 2000, 118, 1310, 1295, 115),
  progressLine(5, 'NANJIE', '南街办事处', 1600, 94, 988, 1036, 102),
  progressLine(6, 'XIJIE', '西街办事处', 2000, 118, 1275, 1295, 121),
  progressLine(7, 'BEIJIE', '北街办事处', 1300, 76, 860, 842, 74),
  progressLine(8, 'KAIFAQU', '开发区办事处', 1500, 88, 905, 971, 100),
];

/** The units sum to 9,084 done; 18,382 + 9,084 = 27,466 holders now. */
export const SAMPLE_DISTRICT: ProgressLine = progressLine(null, null, '城区', 14200, 836, 9084, 9189, 853, { atStart: 18382, target: 32582 });

const count = (id: string, n: number) => ({ id, count: n });
const rate = (id: string, numerator: number, denominator: number) => ({ id, numerator, denominator });
const fen = (id: string, n: number) => ({ id, fen: n });
const pct = (n: number) => ({ numerator: n, denominator: 100 });
const TWO_YEARS = { from: '2020-01-01', to: '2021-12-31' };
const Y2020 = { from: '2020-01-01', to: '2020-12-31' };
const Y2021 = { from: '2021-01-01', to: '2021-12-31' };

const targetLine = (code: TargetLine['code'], label: string, unit: TargetLine['unit'], targetPeriod: TargetLine['targetPeriod'], target: number, actual: TargetLine['actual'], status: TargetLine['status'], note: string): TargetLine =>
  ({ code, label, unit, targetPeriod, target, actual, status, note });

const T = 'targets';
export const SAMPLE_TARGETS: readonly TargetLine[] = [
  targetLine('NEW_SKILLED_WORKERS', '新增技能劳动者', 'PERSON', TWO_YEARS, 15000, count(`${T}.new-skilled.2020-2021`, 10342), 'BEHIND', '按时间进度（18/24个月）应达11250人，落后908人'),
  targetLine('NEW_SKILLED_WORKERS', '新增技能劳动者', 'PERSON', Y2021, 6000, count(`${T}.new-skilled.2021`, 3215), 'ON_TRACK', '按时间进度（6/12个月）应达3000人'),
  targetLine('HIGH_SKILLED_SHARE', '高技能人才占技能劳动者比例', 'PERCENT', TWO_YEARS, 30, rate(`${T}.high-skilled-share`, 3287, 10342), 'MET', '新增技能劳动者中高技能人才3287人'),
  targetLine('ENTERPRISE_UPGRADE_TRAININGS', '企业职工技能提升培训', 'PERSON_TIME', Y2021, 2000, count(`${T}.enterprise-upgrade.2021`, 1521), 'ON_TRACK', '按时间进度应达1000人次'),
  targetLine('KEY_GROUP_TRAININGS', '重点就业群体补贴性职业技能培训', 'PERSON_TIME', Y2021, 4000, count(`${T}.key-group.2021`, 1776), 'BEHIND', '按时间进度应达2000人次，落后224人次'),
  targetLine('KEY_GROUP_TRAININGS', '重点就业群体补贴性职业技能培训', 'PERSON_TIME', TWO_YEARS, 8000, count(`${T}.key-group.2020-2021`, 6012), 'ON_TRACK', '按时间进度应达6000人次'),
  targetLine('KEY_GROUP_EMPLOYMENT_RATE', '重点就业群体培训后就业率', 'PERCENT', TWO_YEARS, 30, rate(`${T}.key-group-employment`, 918, 1776), 'MET', '就业窗口已关闭的培训班计入'),
  targetLine('CERTIFIED_SHARE_OF_EMPLOYED', '技能劳动者持证人数占就业人员比例', 'PERCENT', TWO_YEARS, 30, null, 'NOT_MEASURED', '系统未记录就业人员总数，无法计算（不以0显示）'),
  targetLine('ENTERPRISES_WITH_TRAINING_CENTRE', '符合条件企业拥有职工培训机构比例', 'PERCENT', TWO_YEARS, 50, rate(`${T}.training-centre-share`, 7, 18), 'BEHIND', '18家符合条件企业中7家已建职工培训机构'),
  targetLine('ENTERPRISES_WITH_OWN_EVALUATION', '300人以上用人单位自主开展技能等级认定比例', 'PERCENT', Y2020, 60, rate(`${T}.own-evaluation.2020`, 5, 12), 'NOT_MET', '2020年底12家中5家，未达60%'),
  targetLine('ENTERPRISES_WITH_OWN_EVALUATION', '300人以上用人单位自主开展技能等级认定比例', 'PERCENT', TWO_YEARS, 100, rate(`${T}.own-evaluation.2021`, 8, 12), 'BEHIND', '12家中8家已开展'),
  targetLine('CITY_SKILLS_MASTER_STUDIOS', '市级技能大师工作室', 'STUDIO', Y2020, 2, count(`${T}.studios.2020`, 2), 'MET', '2020年认定2个'),
  targetLine('CITY_LABOUR_BRANDS', '市级劳务品牌', 'BRAND', Y2020, 1, count(`${T}.brands.2020`, 1), 'MET', '2020年认定1个'),
  targetLine('DISTRICT_TECHNICAL_EXPERTS', '城区技术能手', 'PERSON', Y2021, 10, count(`${T}.experts.2021`, 6), 'ON_TRACK', '按时间进度应达5人'),
];

const rateRow = (key: string, label: string, cohorts: number, pass: [number, number], cert: [number, number], employment: [number, number], failed: number): RateRow => ({
  key,
  label,
  cohorts: count(`rates.${key}.cohorts`, cohorts),
  pass: rate(`rates.${key}.pass`, ...pass),
  certification: rate(`rates.${key}.certification`, ...cert),
  employment: rate(`rates.${key}.employment`, ...employment),
  failedCohorts: count(`rates.${key}.failed`, failed),
});

const PROVIDER_A = 'a1000000-0000-4000-8000-000000000001';
const PROVIDER_B = 'a1000000-0000-4000-8000-000000000002';
const PROVIDER_C = 'a1000000-0000-4000-8000-000000000003';
const FAILED_COHORT = 'c1000000-0000-4000-8000-000000000017';

/** The one failed cohort: a menu-based class whose employment rate 22/32 = 68.75% missed the 80% of R-GATE-3. */
export const SAMPLE_FAILED_COHORT: FailedCohort = {
  cohortId: FAILED_COHORT,
  providerId: PROVIDER_B,
  providerName: '城区新时代职业技能培训中心',
  programmeType: 'MENU_BASED',
  completedOn: '2020-12-18',
  gates: [{ gate: 'EMPLOYMENT', rate: rate(`gates.${FAILED_COHORT}.employment`, 22, 32), threshold: pct(80) }],
};

const moneyRow = (scheme: string, payeeType: MoneyRow['payeeType'], released: number, paid: number, cancelled = 0): MoneyRow => ({
  scheme,
  payeeType,
  released: fen(`money.${scheme}.${payeeType}.released`, released),
  paid: fen(`money.${scheme}.${payeeType}.paid`, paid),
  cancelled: fen(`money.${scheme}.${payeeType}.cancelled`, cancelled),
  outstanding: fen(`money.${scheme}.${payeeType}.outstanding`, released - paid - cancelled),
});

export const SAMPLE_REPORT: EvaluationReport = {
  schemaVersion: 1,
  period: { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' },
  asOf: '2021-06-30',
  unit: { subdistrictId: null, name: '城区' },
  progress: {
    targetSetVersion: 'JCCQ-2020-12 v1',
    taskPeriod: { from: '2020-08', to: '2021-12', months: 17 },
    units: SAMPLE_UNITS,
    district: SAMPLE_DISTRICT,
    flags: [{ code: 'PACE_SUM_MISMATCH', message: '各单位月均推进数合计为835，城区一行为836（照印发原样显示）' }],
  },
  targets: { lines: SAMPLE_TARGETS },
  rates: {
    thresholds: [
      { programmeType: 'GENERAL', pass: pct(95), certification: pct(60), employment: pct(30) },
      { programmeType: 'ORDER_BASED', pass: pct(95), certification: pct(60), employment: pct(80) },
      { programmeType: 'MENU_BASED', pass: pct(95), certification: pct(60), employment: pct(80) },
      { programmeType: 'PROJECT_BASED', pass: pct(95), certification: pct(60), employment: pct(80) },
    ],
    // Both groupings cover the same 61 cohorts: pass 1727/1776, certification 1190/1776, employment 918/1776.
    byProgrammeType: [
      rateRow('GENERAL', '普惠制职业技能培训', 42, [1176, 1210], [803, 1210], [452, 1210], 0),
      rateRow('ORDER_BASED', '订单式培训', 9, [262, 270], [189, 270], [228, 270], 0),
      rateRow('MENU_BASED', '菜单式培训', 6, [171, 176], [118, 176], [139, 176], 1),
      rateRow('PROJECT_BASED', '项目制培训', 4, [118, 120], [80, 120], [99, 120], 0),
    ],
    byProvider: [
      rateRow(PROVIDER_A, '城区第一职业培训学校', 25, [712, 730], [490, 730], [301, 730], 0),
      rateRow(PROVIDER_B, '城区新时代职业技能培训中心', 20, [590, 606], [410, 606], [347, 606], 1),
      rateRow(PROVIDER_C, '城区红星烹饪培训学校', 16, [425, 440], [290, 440], [270, 440], 0),
    ],
    failedCohorts: [SAMPLE_FAILED_COHORT],
  },
  money: {
    rows: [
      moneyRow('R-FREE-3', 'ORGANISATION', 118_650_000, 104_300_000),
      moneyRow('R-FREE-4', 'ORGANISATION', 98_400_000, 86_400_000, 400_000),
      moneyRow('R-FREE-5', 'PERSON', 3_129_000, 3_061_500),
      moneyRow('R-ENT-1', 'ORGANISATION', 45_630_000, 45_630_000),
      moneyRow('R-ENT-3', 'ORGANISATION', 1_620_000, 1_612_345),
      moneyRow('R-AWARD-1', 'ORGANISATION', 10_000_000, 0),
    ],
    // 277,429,000 − 241,003,845 − 400,000 cancelled = 36,025,155 fen (2,774,290.00 − 2,410,038.45 − 4,000.00 = 360,251.55 元).
    total: {
      released: fen('money.total.released', 277_429_000),
      paid: fen('money.total.paid', 241_003_845),
      cancelled: fen('money.total.cancelled', 400_000),
      outstanding: fen('money.total.outstanding', 36_025_155),
    },
    overrides: [
      { claimId: 'b1000000-0000-4000-8000-000000000031', scheme: 'R-FREE-4', kinds: ['GATE_EMPLOYMENT'], amount: fen('money.override.b1000000-0000-4000-8000-000000000031', 12_800_000) },
      { claimId: 'b1000000-0000-4000-8000-000000000032', scheme: 'R-ENT-3', kinds: ['NO_RULE_LINE'], amount: fen('money.override.b1000000-0000-4000-8000-000000000032', 180_000) },
    ],
    waitingOnGates: [
      { claimId: 'b1000000-0000-4000-8000-000000000041', scheme: 'R-FREE-3', submittedOn: '2021-06-10', gates: ['CERTIFICATION'], amount: fen('money.waiting.b1000000-0000-4000-8000-000000000041', 3_600_000) },
      { claimId: 'b1000000-0000-4000-8000-000000000042', scheme: 'R-FREE-4', submittedOn: '2021-05-28', gates: ['CERTIFICATION', 'EMPLOYMENT'], amount: fen('money.waiting.b1000000-0000-4000-8000-000000000042', 12_000_000) },
    ],
  },
  dataQuality: {
    flags: [
      { kind: 'ATTENDANCE_CLASH', figure: count('quality.attendance-clash', 3), message: '3个人日在两个培训班同日均有考勤记录', cohortIds: ['c1000000-0000-4000-8000-000000000011', 'c1000000-0000-4000-8000-000000000012'] },
      { kind: 'LATE_CERTIFICATE', figure: count('quality.late-certificate', 12), message: '12张证书在取证窗口结束后录入，未计入取证率', cohortIds: ['c1000000-0000-4000-8000-000000000013'] },
      { kind: 'LATE_EMPLOYMENT', figure: count('quality.late-employment', 5), message: '5条就业记录在就业窗口结束后核实', cohortIds: [FAILED_COHORT] },
      { kind: 'TARGET_SET_INCONSISTENCY', figure: count('quality.target-set', 1), message: '任务分解表各单位月均推进数合计835，城区一行为836', cohortIds: [] },
    ],
  },
};

/** One unit (南村镇) with nothing but its progress line: empty sections must render as empty, saying 无. */
export const SAMPLE_EMPTY_UNIT_REPORT: EvaluationReport = {
  ...SAMPLE_REPORT,
  unit: { subdistrictId: unitId(1), name: '南村镇' },
  progress: { ...SAMPLE_REPORT.progress, units: [SAMPLE_UNITS[0]!], district: null, flags: [] },
  targets: { lines: [] },
  rates: { thresholds: [], byProgrammeType: [], byProvider: [], failedCohorts: [] },
  money: {
    rows: [],
    total: { released: fen('money.total.released', 0), paid: fen('money.total.paid', 0), cancelled: fen('money.total.cancelled', 0), outstanding: fen('money.total.outstanding', 0) },
    overrides: [],
    waitingOnGates: [],
  },
  dataQuality: { flags: [] },
};
