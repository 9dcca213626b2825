import { monthsInTraining } from '@skills/domain';
import { calculateLabourPreparation, policyVersionOf, type LineExplanation } from '@skills/policy';
import { refusedLine, type LineContext } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { labourPreparationClaimLines } from './labour-preparation-lines';
import { withCardAsOf, withMarkers } from './person-markers';
import { completedProgrammeFacts } from './programme-cohort-facts';

const NO_DAY = 'no attended training day: nothing is paid for a trainee who never attended, the living allowance included';

/**
 * R-FREE-6 labour-preparation training (劳动预备制), claimed by the provider for a completed LABOUR_PREPARATION cohort:
 * 2500 at 12 months of training, 1300 at 6, to the provider, and 200 a month of training to each rural or urban-dibao
 * student. Months are counted from the cohort's actual start and completion (monthsInTraining). No outcome gate
 * applies (POLICY.md section 4 gates R-FREE-3/4 only).
 */
export const labourPreparationClaim: ClaimSource = {
  scheme: 'R-FREE-6',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await completedProgrammeFacts(system, directory, request, { programme: 'LABOUR_PREPARATION', description: 'labour-preparation (LABOUR_PREPARATION) cohorts', claimant: 'PROVIDER' });
    const context: LineContext = { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period };
    const attended = facts.trainees.filter((t) => t.attendedDays > 0);
    const trainees = await withMarkers(system, facts.cohort, attended);
    const calculation = calculateLabourPreparation({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      trainees: trainees.map((t) => ({ labourerId: t.labourerId, keyGroups: t.keyGroups, flags: t.flags, monthsOfTraining: monthsInTraining(facts.cohort, t) })),
    });
    const payee = { kind: 'PROVIDER', id: facts.cohort.providerId } as const;
    const policyVersion = policyVersionOf(facts.policy);
    const absent = facts.trainees
      .filter((t) => t.attendedDays === 0)
      .map((t, index) => {
        const explanation: LineExplanation = {
          ruleId: 'R-FREE-6',
          policyVersion,
          inputs: { serviceDate: facts.serviceDate, payee: `${payee.kind}:${payee.id}`, labourerId: t.labourerId, cohortId: facts.cohort.cohortId, attendedDays: 0 },
          arithmetic: NO_DAY,
        };
        return refusedLine(context, { ruleId: 'R-FREE-6', labourerId: t.labourerId, payee, explanation }, { code: 'NO_ATTENDED_DAYS', message: NO_DAY }, index);
      });
    return { period: facts.period, gates: [], lines: [...withCardAsOf(labourPreparationClaimLines(calculation, context), trainees), ...absent], policyVersion: calculation.policyVersion };
  },
};
