import { z } from 'zod';
import { eligibleGroupsText, matchEligibleGroups } from '../eligibility';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, markersOf, personMarkers, serviceDateSchema, wholeMonths } from './scheme-facts';
import type { Payee, SchemeCalculation, SchemeLine } from './scheme-line';

const RULE_ID = 'R-FREE-6';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    providerId: idSchema,
    /** Whole months of labour-preparation training each trainee completed (达到12个月 counts completed months). */
    trainees: z.array(z.strictObject({ labourerId: idSchema, ...personMarkers, monthsOfTraining: wholeMonths })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees));

export type LabourPreparationInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-FREE-6 labour-preparation training (劳动预备制) for two-after students. The notice, read exactly:
 * "达到12个月的,每人给予培训补贴2500元、达到6个月的,每人给予培训补贴1300元,同时给予农村学员和城市低保家庭学员每人每月200元的生活费补贴".
 * - the training subsidy is the highest tier reached, not a sum (12 months: 2500, not 3800), paid to the provider;
 * - below the lowest tier nothing is paid, the living allowance included: it is given "同时", with the subsidy;
 * - the allowance is 200 for every month of training (9 months: 1800, not 6 × 200), paid to the trainee, for
 *   rural students and urban dibao family students only. The notice sets no limit on its months.
 */
export function calculateLabourPreparation(input: LabourPreparationInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const p = policy.parameters.freeTraining.labourPreparation;
  const provider: Payee = { kind: 'PROVIDER', id: facts.providerId };
  const tiers = [...p.tiers].sort((a, b) => b.minMonths - a.minMonths);
  const tiersText = tiers.map((tier) => `${tier.minMonths} months: ${formatYuan(tier.amountFen)}`).join(', ');

  return scheme.finish(
    facts.trainees.flatMap((trainee): SchemeLine[] => {
      const { labourerId, monthsOfTraining } = trainee;
      const inputs = { cohortId: facts.cohortId, monthsOfTraining };
      const subsidy = { payee: provider, labourerId, inputs: { ...inputs, tiers: tiersText } };
      const markers = markersOf(trainee);
      if (matchEligibleGroups(p.eligibleGroups, markers) === null) {
        return [scheme.refuse({ ...subsidy, code: 'NOT_ELIGIBLE_GROUP', message: `labour-preparation training is paid for ${eligibleGroupsText(p.eligibleGroups)} only` })];
      }
      const tier = tiers.find((t) => monthsOfTraining >= t.minMonths);
      if (tier === undefined) {
        const shortest = tiers[tiers.length - 1]!.minMonths;
        return [scheme.refuse({ ...subsidy, code: 'TOO_FEW_MONTHS', message: `${monthsOfTraining} months < ${shortest} months: nothing is paid, the living allowance included` })];
      }
      const training = scheme.amount({
        ...subsidy,
        amountFen: tier.amountFen,
        arithmetic: `${monthsOfTraining} months ≥ ${tier.minMonths} months: ${formatYuan(tier.amountFen)} yuan (the highest tier reached)`,
      });
      const person: Payee = { kind: 'LABOURER', id: labourerId };
      const allowance = { payee: person, labourerId, inputs: { ...inputs, livingAllowancePerMonthFen: p.livingAllowancePerMonthFen } };
      const eligibleAs = matchEligibleGroups(p.livingAllowanceEligibleGroups, markers);
      if (eligibleAs === null) {
        return [training, scheme.refuse({ ...allowance, code: 'NOT_ELIGIBLE_GROUP', message: `the living allowance is for ${eligibleGroupsText(p.livingAllowanceEligibleGroups)} only` })];
      }
      const amountFen = multiplyFen(monthsOfTraining, p.livingAllowancePerMonthFen);
      return [
        training,
        scheme.amount({
          ...allowance,
          inputs: { ...allowance.inputs, eligibleAs: eligibleAs.join('+') },
          amountFen,
          arithmetic: `living allowance ${monthsOfTraining} × ${formatYuan(p.livingAllowancePerMonthFen)} = ${formatYuan(amountFen)} yuan`,
        }),
      ];
    }),
  );
}
