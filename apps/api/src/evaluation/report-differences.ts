import { canonicalJson } from '@skills/policy';
import type { EvaluationReport } from '@skills/reports';

const SECTIONS = ['period', 'asOf', 'unit', 'progress', 'targets', 'rates', 'money', 'dataQuality'] as const;


/** Issue 7 §3 (key order does not matter: a stored report comes back from jsonb with its keys reordered): the parts of a report that a recomputation changed, so a failed verification says where. */
export function differingSections(frozen: EvaluationReport, recomputed: EvaluationReport): string[] {
  return SECTIONS.filter((key) => canonicalJson(frozen[key]) !== canonicalJson(recomputed[key]));
}
