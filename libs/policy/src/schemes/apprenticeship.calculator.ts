import { z } from 'zod';
import { fenSchema, formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, serviceDateSchema } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-ENT-2';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    enterpriseId: idSchema,
    /** The amount approved for this apprenticeship programme, within the policy's range. */
    approvedPerYearFen: fenSchema,
    /** Which year of the apprenticeship this claim pays (1 for the first): the period of R-CLAIM-2. */
    apprenticeshipYear: z.number().int().min(1, 'the first apprenticeship year is 1'),
    apprentices: z.array(z.strictObject({ labourerId: idSchema })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'apprentices', facts.apprentices));

export type ApprenticeshipInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-ENT-2 new-style apprenticeship (企业新型学徒制): the approved amount, 4000–6000 per apprentice per year, paid to
 * the enterprise, one line per apprentice for the year claimed. An approval above the range is held to its top
 * (a cap on the line); one below it matches no amount of the notice and is refused rather than raised.
 */
export function calculateApprenticeship(input: ApprenticeshipInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { minPerYearFen, maxPerYearFen } = policy.parameters.enterprise.apprenticeship;
  const enterprise: Payee = { kind: 'ENTERPRISE', id: facts.enterpriseId };
  const range = `${formatYuan(minPerYearFen)}–${formatYuan(maxPerYearFen)}`;

  return scheme.finish(
    facts.apprentices.map(({ labourerId }) => {
      const line = { payee: enterprise, labourerId, inputs: { apprenticeshipYear: facts.apprenticeshipYear, approvedPerYearFen: facts.approvedPerYearFen, minPerYearFen, maxPerYearFen } };
      if (facts.approvedPerYearFen < minPerYearFen) {
        return scheme.refuse({ ...line, code: 'APPROVED_AMOUNT_BELOW_RANGE', message: `the approved ${formatYuan(facts.approvedPerYearFen)} yuan is below the range ${range}: correct the approval` });
      }
      const { amountFen, cap } = capAt(facts.approvedPerYearFen, maxPerYearFen, `R-ENT-2: ${range} yuan per apprentice per year`);
      return scheme.amount({ ...line, amountFen, cap, arithmetic: cappedArithmetic(`year ${facts.apprenticeshipYear}: approved ${formatYuan(facts.approvedPerYearFen)}`, cap) });
    }),
  );
}
