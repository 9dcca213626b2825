import { z } from 'zod';
import { eligibleGroupsText, matchEligibleGroups } from '../eligibility';
import { formatYuan } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, markersOf, personMarkers, serviceDateSchema, wholeDays } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-FREE-8';

/** 创业意识培训 (awareness) or 创办企业培训 (start a business). */
export const COLLEGE_ENTREPRENEURSHIP_COURSE = z.enum(['AWARENESS', 'START_BUSINESS']);

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    providerId: idSchema,
    course: COLLEGE_ENTREPRENEURSHIP_COURSE,
    trainingDaysHeld: wholeDays,
    trainees: z.array(z.strictObject({ labourerId: idSchema, ...personMarkers, attendedDays: wholeDays })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees, facts.trainingDaysHeld));

export type CollegeEntrepreneurshipInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-FREE-8 in-school college students' entrepreneurship training: a flat amount per person trained (awareness 150,
 * start-a-business 500), paid to the provider, whatever the number of days; a trainee who attended no day is refused.
 */
export function calculateCollegeEntrepreneurship(input: CollegeEntrepreneurshipInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { eligibleGroups, perPersonFen } = policy.parameters.freeTraining.inSchool;
  const amountFen = perPersonFen[facts.course];
  const provider: Payee = { kind: 'PROVIDER', id: facts.providerId };

  return scheme.finish(
    facts.trainees.map((trainee) => {
      const { labourerId, attendedDays } = trainee;
      const line = { payee: provider, labourerId, inputs: { cohortId: facts.cohortId, course: facts.course, attendedDays, perPersonFen: amountFen } };
      const eligibleAs = matchEligibleGroups(eligibleGroups, markersOf(trainee));
      if (eligibleAs === null) return scheme.refuse({ ...line, code: 'NOT_ELIGIBLE_GROUP', message: `R-FREE-8 is paid for ${eligibleGroupsText(eligibleGroups)} only` });
      if (attendedDays === 0) return scheme.refuse({ ...line, code: 'NO_ATTENDED_DAYS', message: 'no attended training day: the trainee was not trained' });
      return scheme.amount({ ...line, inputs: { ...line.inputs, eligibleAs: eligibleAs.join('+') }, amountFen, arithmetic: `1 × ${formatYuan(amountFen)} = ${formatYuan(amountFen)} yuan (${facts.course})` });
    }),
  );
}
