import { toEnterpriseStreamId, toEvaluationBodyStreamId, toFreeEvaluationStreamId, toLabourBrandStreamId, toSkillsMasterStudioStreamId, toTrainingCentreStreamId } from '@skills/domain';
import type { EvaluationHistory } from '../history/evaluation-history';
import type { TraceRef } from '../tracing';
import type { Counted, TargetScope } from './target-people-counts';

/** R-ENT-4: the notice's 500 人以上 when no policy version is in force on the day. */
const TRAINING_CENTRE_HEADCOUNT = 500;
/** R-TGT-1: 职工达到300人以上 … 自主开展技能认定 (the notice's figure; no scheme pays for it, so it is no policy parameter). */
const OWN_EVALUATION_HEADCOUNT = 300;
const PROFILE = ['EnterpriseRegistered', 'EnterpriseProfileChanged'];

/**
 * Enterprises of at least `headcount` employees on the scope's last day, in the unit as they stood then. By THE RULE
 * (report-context.ts) an enterprise counts from the day its registration was recorded: one registered in 2021 is
 * not in a 2020 base, however late the report is run; a profile change counts from its own effectiveOn.
 */
function enterprisesOfSize(history: EvaluationHistory, headcount: number, scope: TargetScope): string[] {
  const ids: string[] = [];
  for (const enterpriseId of history.registry.enterprises.keys()) {
    const profile = history.registry.enterpriseOn(enterpriseId, scope.to);
    if (profile && profile.headcount >= headcount && (scope.unitId === null || profile.subdistrictId === scope.unitId)) ids.push(enterpriseId);
  }
  return ids;
}

const profileRefs = (ids: readonly string[]): TraceRef[] => ids.map((id) => ({ streamId: toEnterpriseStreamId(id), types: PROFILE }));

/**
 * R-TGT-1, R-ENT-4 "符合建立职工培训机构的企业中50%以上拥有自己的职工培训机构": of the enterprises of the R-ENT-4
 * headcount (policy in force on the scope's last day) then, those with a training centre recognised by that day. A
 * centre the bureau never recognised (one built before the plan, say) is not in the system and does not count.
 */
export function enterprisesWithTrainingCentre(history: EvaluationHistory, scope: TargetScope): Counted {
  const headcount = scope.judge.policyOn(scope.to)?.parameters.enterprise.trainingCentre.minHeadcount ?? TRAINING_CENTRE_HEADCOUNT;
  const base = enterprisesOfSize(history, headcount, scope);
  const withCentre = base.filter((id) => {
    const centre = history.simulation.schemeFacts.trainingCentres.get(id);
    return centre?.status === 'recognised' && centre.establishedOn <= scope.to;
  });
  return {
    actual: { kind: 'SHARE', numerator: withCentre.length, denominator: base.length },
    refs: () => [...profileRefs(base), ...withCentre.map((id) => ({ streamId: toTrainingCentreStreamId(id), types: ['TrainingCentreRecognised'] }))],
  };
}

/**
 * R-TGT-1 "300人以上用人单位自主开展技能等级认定": of the enterprises of 300+ on the scope's last day, those that
 * organised an evaluation (FreeEvaluationRecorded, R-CERT-2) held by that day (its evaluatedOn) by an evaluation body
 * of the ENTERPRISE kind registered by that day too (THE RULE, report-context.ts). The registry does not tie an evaluation body to its enterprise, so this is what the system can show: an
 * enterprise that evaluates its staff without recording a free evaluation is not counted.
 */
export function enterprisesWithOwnEvaluation(history: EvaluationHistory, scope: TargetScope): Counted {
  const base = new Set(enterprisesOfSize(history, OWN_EVALUATION_HEADCOUNT, scope));
  const evaluating = new Map<string, { evaluationId: string; evaluationBodyId: string }>();
  for (const [evaluationId, evaluation] of history.simulation.schemeFacts.evaluations) {
    if (evaluation.status !== 'recorded' || evaluation.organiser.kind !== 'ENTERPRISE' || evaluation.evaluatedOn > scope.to || evaluation.evaluationBodyId === undefined) continue;
    const enterpriseId = evaluation.organiser.id.toLowerCase();
    const bodyId = evaluation.evaluationBodyId.toLowerCase();
    if (!base.has(enterpriseId) || evaluating.has(enterpriseId) || history.registry.evaluationBodyOn(bodyId, scope.to)?.kind !== 'ENTERPRISE') continue;
    evaluating.set(enterpriseId, { evaluationId, evaluationBodyId: bodyId });
  }
  return {
    actual: { kind: 'SHARE', numerator: evaluating.size, denominator: base.size },
    refs: () => [
      ...profileRefs([...base]),
      ...[...evaluating.values()].flatMap(({ evaluationId, evaluationBodyId }) => [
        { streamId: toFreeEvaluationStreamId(evaluationId), types: ['FreeEvaluationRecorded'] },
        { streamId: toEvaluationBodyStreamId(evaluationBodyId), types: ['EvaluationBodyRegistered'] },
      ]),
    ],
  };
}

/** R-TGT-1, R-AWARD-1 市级技能大师工作室: studios designated at city level in the scope, in the unit of their host. */
export function citySkillsMasterStudios(history: EvaluationHistory, scope: TargetScope): Counted {
  const ids: string[] = [];
  for (const [studioId, studio] of history.simulation.schemeFacts.studios) {
    if (studio.status !== 'designated') continue;
    const city = studio.designations.find((d) => d.level === 'CITY' && d.designatedOn >= scope.from && d.designatedOn <= scope.to);
    if (city && (scope.unitId === null || history.registry.subdistrictOfUnit(studio.host, city.designatedOn) === scope.unitId)) ids.push(studioId);
  }
  return { actual: { kind: 'COUNT', count: ids.length }, refs: () => ids.map((id) => ({ streamId: toSkillsMasterStudioStreamId(id), types: ['SkillsMasterStudioDesignated'] })) };
}

/** R-TGT-1, R-AWARD-2 市级劳务品牌: city brands recognised in the scope, in the unit of their holder. */
export function cityLabourBrands(history: EvaluationHistory, scope: TargetScope): Counted {
  const ids: string[] = [];
  for (const [brandId, brand] of history.simulation.schemeFacts.brands) {
    if (brand.level !== 'CITY' || brand.recognisedOn < scope.from || brand.recognisedOn > scope.to) continue;
    if (scope.unitId === null || history.registry.subdistrictOfUnit(brand.holder, brand.recognisedOn) === scope.unitId) ids.push(brandId);
  }
  return { actual: { kind: 'COUNT', count: ids.length }, refs: () => ids.map((id) => ({ streamId: toLabourBrandStreamId(id), types: ['LabourBrandRecognised'] })) };
}
