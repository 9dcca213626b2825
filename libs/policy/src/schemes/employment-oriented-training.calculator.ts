import { z } from 'zod';
import { DomainError } from '@skills/domain';
import { reachesPercent, rateArithmetic } from '../gates';
import { fenSchema, formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { attendingTraineeSchema, generalTierLine } from './general-training.calculator';
import { capAt, cappedArithmetic, invalidFact, openScheme, parseSchemeFacts, type SchemeContext } from './scheme-context';
import { checkRoster, idSchema, serviceDateSchema, wholeDays } from './scheme-facts';
import type { Payee, SchemeCalculation, SchemeLine } from './scheme-line';

const RULE_ID = 'R-FREE-4';
const count = z.number().int().min(0);

/**
 * The cohort's R-GATE-3 employment gate at the employment-oriented threshold, as the outcome-rate calculator
 * reports it (its `gates.employment`; extra fields are ignored). Not the general-threshold fallback gate.
 */
const employmentGateSchema = z
  .object({
    thresholdPercent: z.number().int().min(0).max(100),
    rate: z.object({ numerator: count, denominator: count }),
    /** HOLDING and FAILED are decided; any other state (OPEN, AWAITING_VERIFICATION) leaves the tier unknown. */
    state: z.object({ status: z.string().min(1).max(40) }),
  })
  .superRefine((gate, ctx) => {
    if (gate.rate.numerator > gate.rate.denominator) ctx.addIssue({ code: 'custom', message: 'more employed trainees than the base', path: ['rate', 'numerator'] });
    else if ((gate.state.status === 'HOLDING') !== reachesPercent(gate.rate, gate.thresholdPercent)) {
      ctx.addIssue({ code: 'custom', message: 'the status does not match the rate and threshold: evaluate the gate again', path: ['state', 'status'] });
    }
  });

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    providerId: idSchema,
    /** Set when the cohort was approved; a later version's lower cap still applies (shown as a cap on the line). */
    approvedPerPersonFen: fenSchema.refine((fen) => fen > 0, 'an employment-oriented cohort has an approved amount above 0'),
    trainingDaysHeld: wholeDays,
    employmentGate: employmentGateSchema,
    /** `withdrawnOn` marks a trainee who left the cohort (R-GATE-4 keeps a late one in the base as a failure). */
    trainees: z.array(attendingTraineeSchema.extend({ withdrawnOn: serviceDateSchema.optional() })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees, facts.trainingDaysHeld));


export type EmploymentOrientedTrainingInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-FREE-4 order-, menu- and project-based training: the cohort's approved amount per person (at most 4000), paid
 * to the provider, when the employment rate reaches 80%. When the gate has failed (its window closed below 80%),
 * every trainee falls back to the R-FREE-3 general tier (POLICY.md's rule; the notice is silent on a fallback);
 * the general gates then decide release (R-GATE-4), not this function. While the gate is undecided the tier is
 * unknown, so nothing is computed.
 * The notice pays R-FREE-4 per person without pro-rating by attendance; a trainee who attended no day is refused.
 * A trainee who withdrew is not paid the per-person amount at either tier: see withdrawnLine.
 */
export function calculateEmploymentOrientedTraining(input: EmploymentOrientedTrainingInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const gate = facts.employmentGate;
  const threshold = policy.parameters.gates.employmentRatePercent.EMPLOYMENT_ORIENTED;
  if (gate.thresholdPercent !== threshold) {
    throw invalidFact(RULE_ID, 'employmentGate.thresholdPercent', `the gate was evaluated at ${gate.thresholdPercent}%, R-FREE-4 needs ${threshold}% under ${scheme.policyVersion}: pass the employment-oriented gate`);
  }
  if (gate.state.status !== 'HOLDING' && gate.state.status !== 'FAILED') {
    throw new DomainError('CALCULATION.GATE_UNDECIDED', `the ${threshold}% employment gate of cohort ${facts.cohortId} is not decided yet (${gate.state.status}): compute the claim once it holds or fails`, 'rule', {
      ruleId: RULE_ID,
      cohortId: facts.cohortId,
      gateStatus: gate.state.status,
    });
  }
  const provider: Payee = { kind: 'PROVIDER', id: facts.providerId };
  const gateInputs = { cohortId: facts.cohortId, employed: gate.rate.numerator, base: gate.rate.denominator, employmentThresholdPercent: threshold };
  const rateText = rateArithmetic(gate.rate, threshold);

  if (gate.state.status === 'FAILED') {
    const prefix = `R-FREE-4 employment gate failed, ${rateText}: general tier, `;
    return scheme.finish(
      facts.trainees.map(({ withdrawnOn, ...trainee }) =>
        generalTierLine(scheme, provider, trainee, { ...gateInputs, fallbackFrom: RULE_ID, ...(withdrawnOn === undefined ? {} : { withdrawnOn }) }, prefix),
      ),
    );
  }
  const capFen = policy.parameters.freeTraining.employmentOriented.capFen;
  return scheme.finish(
    facts.trainees.map((trainee) => {
      const line = { payee: provider, labourerId: trainee.labourerId, inputs: { ...gateInputs, attendedDays: trainee.attendedDays, approvedPerPersonFen: facts.approvedPerPersonFen, capFen } };
      if (trainee.attendedDays === 0) return scheme.refuse({ ...line, code: 'NO_ATTENDED_DAYS', message: 'no attended training day: nothing is paid for a trainee who never attended' });
      if (trainee.withdrawnOn !== undefined) return withdrawnLine(scheme, line, { attendedDays: trainee.attendedDays, withdrawnOn: trainee.withdrawnOn }, facts.approvedPerPersonFen, rateText);
      const { amountFen, cap } = capAt(facts.approvedPerPersonFen, capFen, `R-FREE-4: at most ${formatYuan(capFen)} yuan per person`);
      return scheme.amount({ ...line, amountFen, cap, arithmetic: `employment ${rateText}: ${cappedArithmetic(`approved ${formatYuan(facts.approvedPerPersonFen)} per person`, cap)}` });
    }),
  );
}

/**
 * R-FREE-4 for a trainee who withdrew, once the 80% gate holds (docs/decisions.md). The approved amount ("最高每人不超过
 * 4000元") prices a whole order-based course that leads to a job; a trainee who left did neither, and R-GATE-4 already
 * counts a late leaver as a failure. Paying them the full amount would pay a provider more for a drop-out than the
 * fallback tier would. So the line pays what the general tier pays for the days attended (R-FREE-3: 150 a day, at most
 * 1000), never more than the approved amount, whichever tier the cohort reaches. It stays an R-FREE-4 line: the notice's
 * "up to" allows less, and the claim's tier (EMPLOYMENT_ORIENTED) holds R-FREE-4 lines only.
 */
function withdrawnLine(
  scheme: SchemeContext,
  line: { readonly payee: Payee; readonly labourerId: string; readonly inputs: Readonly<Record<string, string | number>> },
  trainee: { readonly attendedDays: number; readonly withdrawnOn: string },
  approvedPerPersonFen: number,
  rateText: string,
): SchemeLine {
  const general = scheme.policy.parameters.freeTraining.general;
  const employmentOrientedCap = scheme.policy.parameters.freeTraining.employmentOriented.capFen;
  const limitFen = Math.min(general.capFen, approvedPerPersonFen, employmentOrientedCap);
  const limit = limitFen === general.capFen ? `R-FREE-3: at most ${formatYuan(limitFen)} yuan per person` : `R-FREE-4: at most the approved ${formatYuan(limitFen)} yuan per person`;
  const { amountFen, cap } = capAt(multiplyFen(trainee.attendedDays, general.perDayFen), limitFen, limit);
  return scheme.amount({
    ...line,
    inputs: { ...line.inputs, withdrawnOn: trainee.withdrawnOn, perDayFen: general.perDayFen, generalCapFen: general.capFen },
    amountFen,
    cap,
    arithmetic: `employment ${rateText}, but the trainee withdrew on ${trainee.withdrawnOn}: not the approved per-person amount; the R-FREE-3 rate for the days attended, ${cappedArithmetic(`${trainee.attendedDays} × ${formatYuan(general.perDayFen)}`, cap)}`,
  });
}
