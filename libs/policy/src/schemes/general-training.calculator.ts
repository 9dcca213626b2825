import { z } from 'zod';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts, type SchemeContext } from './scheme-context';
import { checkRoster, idSchema, serviceDateSchema, wholeDays } from './scheme-facts';
import type { Payee, SchemeCalculation, SchemeLine } from './scheme-line';

const RULE_ID = 'R-FREE-3';

export const attendingTraineeSchema = z.strictObject({ labourerId: idSchema, attendedDays: wholeDays });

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    providerId: idSchema,
    /** Training days the cohort held: no one can have attended more. */
    trainingDaysHeld: wholeDays,
    trainees: z.array(attendingTraineeSchema),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees, facts.trainingDaysHeld));

export type GeneralTrainingInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/** R-FREE-3 general training (普惠制): 150 per person per attended day, at most 1000 per person, paid to the provider. */
export function calculateGeneralTraining(input: GeneralTrainingInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const provider: Payee = { kind: 'PROVIDER', id: facts.providerId };
  return scheme.finish(facts.trainees.map((trainee) => generalTierLine(scheme, provider, trainee, { cohortId: facts.cohortId })));
}

/**
 * One trainee at the general tier. R-FREE-4 uses it for its fallback, with the failed gate as a prefix of the
 * arithmetic, so a fallback line reads exactly like a general-training line.
 */
export function generalTierLine(
  scheme: SchemeContext,
  provider: Payee,
  trainee: z.infer<typeof attendingTraineeSchema>,
  inputs: Readonly<Record<string, string | number | boolean>>,
  arithmeticPrefix = '',
): SchemeLine {
  const { perDayFen, capFen } = scheme.policy.parameters.freeTraining.general;
  const { labourerId, attendedDays } = trainee;
  const line = { ruleId: RULE_ID, payee: provider, labourerId, inputs: { ...inputs, attendedDays, perDayFen, capFen } } as const;
  if (attendedDays === 0) return scheme.refuse({ ...line, code: 'NO_ATTENDED_DAYS', message: `${arithmeticPrefix}no attended training day: R-FREE-3 pays per attended day` });
  const { amountFen, cap } = capAt(multiplyFen(attendedDays, perDayFen), capFen, `R-FREE-3: at most ${formatYuan(capFen)} yuan per person`);
  return scheme.amount({ ...line, amountFen, cap, arithmetic: arithmeticPrefix + cappedArithmetic(`${attendedDays} × ${formatYuan(perDayFen)}`, cap) });
}
