import { releaseOf } from '@skills/domain';
import { calculateEmploymentOrientedTraining, policyVersionOf } from '@skills/policy';
import { decidedTierLines } from '../../gates/decided-tier-lines';
import { NotSimulated, cohortClaimInputs, linesOfCalculation, type SchemeSimulator, type SimulatedLine } from './scheme-simulator';

/**
 * R-FREE-4: the tier its 80% employment gate decides as of asOf (releaseOf), priced as the live path prices it: a
 * claim submitted while the tier was undecided is priced by decidedTierLines from its own PENDING lines (as the gate
 * evaluator does), one submitted with its tier known by the calculator on the facts it was submitted with. While
 * the tier is undecided nothing pays: every line is PENDING (or refused for a trainee who attended no day).
 */
export const employmentOrientedTrainingSimulator: SchemeSimulator = {
  scheme: 'R-FREE-4',
  simulate(claim, context) {
    const facts = cohortClaimInputs(claim, context);
    const { tier, gates } = releaseOf('R-FREE-4', facts.gates);
    const provider = { kind: 'PROVIDER', id: facts.cohort.providerId } as const;
    const policyVersion = policyVersionOf(facts.policy);
    if (tier === 'UNDECIDED') {
      const lines = facts.atSubmission.trainees.map((t): SimulatedLine => ({ labourerId: t.labourerId, payee: provider, outcome: t.attendedDays === 0 ? 'REFUSED' : 'PENDING', amountFen: 0 }));
      return { tier, gates, lines, policyVersion };
    }
    const approvedPerPersonFen = facts.cohort.approvedPerPersonAmountFen;
    if (approvedPerPersonFen === null) throw new NotSimulated('FACTS_INCOMPLETE', `employment-oriented cohort ${facts.cohort.cohortId} has no approved per-person amount`);
    // releaseOf found exactly one EMPLOYMENT gate, or it would have thrown.
    const employmentGate = facts.gates.find((g) => g.gate === 'EMPLOYMENT')!;
    if (claim.submitted.tier === 'UNDECIDED') {
      const lines = decidedTierLines({
        claim: claim.submitted,
        employmentGate,
        policy: facts.policy,
        providerId: facts.cohort.providerId,
        approvedPerPersonFen,
        trainingDaysHeld: facts.record.trainingDaysHeld,
      });
      return { tier, gates, lines: linesOfCalculation(lines), policyVersion };
    }
    const gate = facts.rates.gates.employment;
    const calculation = calculateEmploymentOrientedTraining({
      policy: facts.policy,
      serviceDate: facts.serviceDate,
      cohortId: facts.cohort.cohortId,
      providerId: facts.cohort.providerId,
      approvedPerPersonFen,
      trainingDaysHeld: facts.atSubmission.trainingDaysHeld,
      employmentGate: { thresholdPercent: gate.thresholdPercent, rate: gate.rate, state: { status: gate.state.status } },
      // R-FREE-4: a trainee who withdrew is priced by the days attended (the calculator's withdrawnLine).
      trainees: facts.atSubmission.trainees.map(({ labourerId, attendedDays, withdrawnOn }) => ({ labourerId, attendedDays, ...(withdrawnOn === undefined ? {} : { withdrawnOn }) })),
    });
    return { tier, gates, lines: linesOfCalculation(calculation.lines), policyVersion: calculation.policyVersion };
  },
};
