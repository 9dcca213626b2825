/**
 * The two policies the bench simulates: the live one (JCCQ-2020-12 v1, which every claim of the district was
 * computed under, so its report must show no difference), and a changed draft over the same dates that moves
 * money and gates both ways.
 */
import { JCCQ_2020_12, type PolicyDocument } from '@skills/policy';

export type CandidateName = 'live' | 'changed';

/**
 * v2 from the first day: R-FREE-3 at 120 a day capped at 900 (down from 150 and 1000), R-GATE-1 at 90% (down
 * from 95%), R-FREE-4's employment gate at 70% (down from 80%): fewer yuan a day, more cohorts released.
 */
export function changedCandidate(): PolicyDocument {
  const v1 = structuredClone(JCCQ_2020_12);
  const { parameters } = v1;
  return {
    ...v1,
    version: 2,
    title: `${v1.title}(模拟稿)`,
    parameters: {
      ...parameters,
      gates: { ...parameters.gates, passRatePercent: 90, employmentRatePercent: { ...parameters.gates.employmentRatePercent, EMPLOYMENT_ORIENTED: 70 } },
      freeTraining: { ...parameters.freeTraining, general: { ...parameters.freeTraining.general, perDayFen: 12_000, capFen: 90_000 } },
    },
  };
}

export function candidateNamed(name: CandidateName): PolicyDocument {
  return name === 'live' ? JCCQ_2020_12 : changedCandidate();
}
