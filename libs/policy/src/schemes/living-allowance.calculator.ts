import { z } from 'zod';
import { PROGRAMME_TYPE, isEmploymentOriented } from '@skills/domain';
import { eligibleGroupsText, matchEligibleGroups } from '../eligibility';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, markersOf, personMarkers, serviceDateSchema, wholeDays } from './scheme-facts';
import type { SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-FREE-5';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    /** The allowance is paid during R-FREE-4 training only (同时对…在培训期间): order-, menu- or project-based. */
    programmeType: PROGRAMME_TYPE.refine(isEmploymentOriented, 'the living allowance is paid during order-, menu- or project-based training only'),
    trainingDaysHeld: wholeDays,
    /**
     * The markers are the card as it stood during the training (同时…在培训期间), not as it is when the claim is made:
     * `cardAsOf` names the day they were read as of, shown on the line.
     */
    trainees: z.array(z.strictObject({ labourerId: idSchema, ...personMarkers, cardAsOf: serviceDateSchema.optional(), attendedDays: wholeDays })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees, facts.trainingDaysHeld));

export type LivingAllowanceInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-FREE-5 living allowance (生活费, transport included) during R-FREE-4 training: 15 per attended day, paid to the
 * trainee, for the policy's eligible groups. The notice sets no cap. Whether the cohort's 80% gate must hold
 * first is for the claim to decide (R-GATE-4): the notice joins the allowance to R-FREE-4 with "同时".
 */
export function calculateLivingAllowance(input: LivingAllowanceInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { perDayFen, eligibleGroups } = policy.parameters.freeTraining.livingAllowance;
  return scheme.finish(
    facts.trainees.map((trainee) => {
      const { labourerId, attendedDays, cardAsOf } = trainee;
      const card: Readonly<Record<string, string>> = cardAsOf === undefined ? {} : { cardAsOf };
      const line = { payee: { kind: 'LABOURER', id: labourerId }, labourerId, inputs: { cohortId: facts.cohortId, programmeType: facts.programmeType, attendedDays, perDayFen, ...card } } as const;
      const eligibleAs = matchEligibleGroups(eligibleGroups, markersOf(trainee));
      if (eligibleAs === null) {
        const asOf = cardAsOf === undefined ? '' : ` as of ${cardAsOf}`;
        return scheme.refuse({ ...line, code: 'NOT_ELIGIBLE_GROUP', message: `the card${asOf} is in none of the eligible groups (${eligibleGroupsText(eligibleGroups)})` });
      }
      if (attendedDays === 0) return scheme.refuse({ ...line, code: 'NO_ATTENDED_DAYS', message: 'no attended training day: the allowance is paid per attended day' });
      const amountFen = multiplyFen(attendedDays, perDayFen);
      return scheme.amount({
        ...line,
        inputs: { ...line.inputs, eligibleAs: eligibleAs.join('+') },
        amountFen,
        arithmetic: `${attendedDays} × ${formatYuan(perDayFen)} = ${formatYuan(amountFen)} yuan`,
      });
    }),
  );
}
