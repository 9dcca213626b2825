import { DISTRICT_TARGETS, type DistrictTargetCode } from '@skills/domain';
import type { TargetLine, TargetsSection } from '../evaluation-report';
import type { EvaluationHistory } from '../history/evaluation-history';
import { reportEnd, type ReportContext } from '../report-context';
import type { Tracer } from '../tracing';
import { cityLabourBrands, citySkillsMasterStudios, enterprisesWithOwnEvaluation, enterprisesWithTrainingCentre } from './target-organisation-counts';
import { enterpriseUpgradeTrainings, highSkilledShare, keyGroupEmploymentRate, keyGroupTrainings, newSkilledWorkers, type Counted, type TargetScope } from './target-people-counts';
import { judgeTarget } from './target-status';

type Measure = { readonly count: (history: EvaluationHistory, scope: TargetScope) => Counted; readonly how: string } | { readonly notMeasured: string };

/** How each R-TGT-1 target is counted, said to the reader; or why the system cannot count it (never a made-up zero). */
const MEASURES: Readonly<Record<DistrictTargetCode, Measure>> = {
  NEW_SKILLED_WORKERS: { count: (h, s) => newSkilledWorkers(h, s).counted, how: '按目标期内首次取得证书的人数计' },
  HIGH_SKILLED_SHARE: { count: highSkilledShare, how: '目标期内新增技能劳动者中取得高级工及以上证书者所占比例；期初存量持证人员未录入系统，不计' },
  ENTERPRISE_UPGRADE_TRAININGS: { count: enterpriseUpgradeTrainings, how: '按目标期内开训的企业职工培训、企业新型学徒制培训班参训人次计' },
  KEY_GROUP_TRAININGS: { count: keyGroupTrainings, how: '按目标期内开训的免费职业技能培训班中重点就业群体学员人次计（以开训当日的建档卡为准）' },
  KEY_GROUP_EMPLOYMENT_RATE: { count: keyGroupEmploymentRate, how: '目标期内结业、设就业率考核的培训班中，重点就业群体学员按R-GATE-3计入就业的比例；就业统计期未满的班按已知情况计' },
  CERTIFIED_SHARE_OF_EMPLOYED: { notMeasured: '系统不记录全区就业人员总数，持证人数占就业人员比例无从计算，需以统计部门的就业人员数另行核算' },
  ENTERPRISES_WITH_TRAINING_CENTRE: { count: enterprisesWithTrainingCentre, how: '目标期末职工500人以上企业中，经认定建有职工培训机构的比例；未经认定的培训机构不在系统中' },
  ENTERPRISES_WITH_OWN_EVALUATION: { count: enterprisesWithOwnEvaluation, how: '目标期末职工300人以上企业中，组织过由企业评价机构实施的技能评价的比例；系统未登记评价机构所属企业，仅以评价记录计' },
  CITY_SKILLS_MASTER_STUDIOS: { count: citySkillsMasterStudios, how: '按目标期内认定的市级技能大师工作室个数计' },
  CITY_LABOUR_BRANDS: { count: cityLabourBrands, how: '按目标期内认定的市级劳务品牌个数计' },
  DISTRICT_TECHNICAL_EXPERTS: { notMeasured: '系统不记录职业技能大赛及“城区技术能手”选拔结果，无从统计' },
};

const UNIT_NOTE = '；目标为全区指标，实际数仅为本单位';

/**
 * R-TGT-1, R-EVAL-1: one line per district target of the set in force, in the set's order. Each is counted over its
 * own period cut at reportEnd, facts selected by their own day and known by asOf (THE RULE, report-context.ts: a
 * closed 2020 target does not move when run later, but by what was recorded late about 2020; a two-year target
 * counts both years, whatever the report's half-year), for the report's
 * unit, and judged by judgeTarget (target-status.ts). Figure id: targets/<code>/<from>..<to>, as a code may appear
 * once per period.
 */
export function targetsSection(history: EvaluationHistory, context: ReportContext, tracer: Tracer): TargetsSection {
  const end = reportEnd(context);
  const unitId = context.unit.subdistrictId?.toLowerCase() ?? null;
  const lines = context.targetSet.content.districtTargets.map((target): TargetLine => {
    const id = `targets/${target.code}/${target.from}..${target.to}`;
    const common = { code: target.code, label: DISTRICT_TARGETS[target.code].label, unit: target.unit, targetPeriod: { from: target.from, to: target.to }, target: target.minimum };
    const measure = MEASURES[target.code];
    if ('notMeasured' in measure) return { ...common, actual: null, status: 'NOT_MEASURED', note: measure.notMeasured };
    // The context itself judges the cohorts, so the key-group employment rate shares the rates section's evaluations.
    const scope: TargetScope = { unitId, from: target.from, to: end < target.to ? end : target.to, judge: context };
    const counted = measure.count(history, scope);
    tracer.trace(id, counted.refs);
    const judged = judgeTarget(counted.actual, target, end);
    const actual = counted.actual.kind === 'COUNT' ? { id, count: counted.actual.count } : { id, numerator: counted.actual.numerator, denominator: counted.actual.denominator };
    const unitNote = unitId !== null && counted.actual.kind === 'COUNT' ? UNIT_NOTE : '';
    return { ...common, actual, status: judged.status, note: `${judged.note}。${measure.how}${unitNote}` };
  });
  return { lines };
}
