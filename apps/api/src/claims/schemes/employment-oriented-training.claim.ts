import { isEmploymentOriented, type ClaimLine } from '@skills/domain';
import { calculateEmploymentOrientedTraining, policyVersionOf, type GateResult, type LineExplanation } from '@skills/policy';
import { claimLinesOf, pendingLine, refusedLine, type LineContext } from './claim-lines';
import type { ClaimSource } from './claim-source';
import { cohortClaimFacts, type CohortClaimFacts } from './cohort-claim-facts';

/**
 * R-FREE-4 order-, menu- and project-based training, claimed by the provider for a completed cohort. Once the 80%
 * employment gate is decided the calculator pays the approved amount or falls back to the R-FREE-3 tier; before
 * that each trainee's line is PENDING and the claim waits (R-GATE-4).
 */
export const employmentOrientedTrainingClaim: ClaimSource = {
  scheme: 'R-FREE-4',
  subjectKind: 'COHORT',
  async compute(system, directory, request) {
    const facts = await cohortClaimFacts(system, directory, request, { accepts: isEmploymentOriented, description: 'order-, menu- and project-based cohorts' });
    const context: LineContext = { claimId: request.claimId, scheme: request.scheme, subject: request.subject, period: facts.period };
    const gate = facts.rates.gates.employment;
    const policyVersion = policyVersionOf(facts.policy);
    if (gate.state.status !== 'HOLDING' && gate.state.status !== 'FAILED') {
      return { period: facts.period, gates: facts.gates, lines: undecidedLines(facts, gate, context, policyVersion), policyVersion };
    }
    const approvedPerPersonFen = facts.cohort.approvedPerPersonAmountFen;
    // The cohort decider refuses to approve an employment-oriented cohort without its amount (R-FREE-4).
    if (approvedPerPersonFen === null) throw new Error(`employment-oriented cohort ${facts.cohort.cohortId} has no approved per-person amount`);
    const calculation = calculateEmploymentOrientedTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      approvedPerPersonFen,
      trainingDaysHeld: facts.trainingDaysHeld,
      employmentGate: { thresholdPercent: gate.thresholdPercent, rate: gate.rate, state: { status: gate.state.status } },
      trainees: traineesOf(facts),
    });
    return { period: facts.period, gates: facts.gates, lines: claimLinesOf(calculation, context), policyVersion: calculation.policyVersion };
  },
};

/** The roster with each withdrawn trainee's day of leaving: R-FREE-4 does not pay them the per-person amount. */
function traineesOf(facts: CohortClaimFacts): { labourerId: string; attendedDays: number; withdrawnOn?: string }[] {
  return facts.trainees.map((trainee) => {
    const withdrawnOn = facts.enrolments.get(trainee.labourerId)?.withdrawnOn;
    return withdrawnOn === undefined ? { ...trainee } : { ...trainee, withdrawnOn };
  });
}

/**
 * A trainee who attended no day is refused at either tier; everyone else waits for the gate. A withdrawn trainee's
 * line records the withdrawal, so that decidedTierLines prices it as the calculator does once the tier is known.
 */
function undecidedLines(facts: CohortClaimFacts, gate: GateResult, context: LineContext, policyVersion: string): ClaimLine[] {
  const payee = { kind: 'PROVIDER', id: facts.cohort.providerId } as const;
  const waiting = `the ${gate.thresholdPercent}% employment gate is ${gate.state.status}, so the tier is not known: the approved amount once it holds, the R-FREE-3 general tier if its window closes below it`;
  const withdrew = (on: string) => `the trainee withdrew on ${on}: whichever tier, the R-FREE-3 rate for the days attended once the ${gate.thresholdPercent}% employment gate (${gate.state.status}) is decided`;
  return traineesOf(facts).map((trainee, index) => {
    const explanation: LineExplanation = {
      ruleId: 'R-FREE-4',
      policyVersion,
      inputs: {
        serviceDate: facts.serviceDate,
        payee: `${payee.kind}:${payee.id}`,
        labourerId: trainee.labourerId,
        cohortId: facts.cohort.cohortId,
        attendedDays: trainee.attendedDays,
        employed: gate.rate.numerator,
        base: gate.rate.denominator,
        employmentThresholdPercent: gate.thresholdPercent,
        gateStatus: gate.state.status,
        ...(trainee.withdrawnOn === undefined ? {} : { withdrawnOn: trainee.withdrawnOn }),
      },
      arithmetic:
        trainee.attendedDays === 0
          ? 'no attended training day: nothing is paid for a trainee who never attended'
          : `employment ${gate.explanation.arithmetic}: ${trainee.withdrawnOn === undefined ? waiting : withdrew(trainee.withdrawnOn)}`,
    };
    const line = { ruleId: 'R-FREE-4', labourerId: trainee.labourerId, payee, explanation } as const;
    if (trainee.attendedDays === 0) return refusedLine(context, line, { code: 'NO_ATTENDED_DAYS', message: explanation.arithmetic }, index);
    return pendingLine(context, line, { code: 'TIER_UNDECIDED', message: trainee.withdrawnOn === undefined ? waiting : withdrew(trainee.withdrawnOn) }, index);
  });
}
