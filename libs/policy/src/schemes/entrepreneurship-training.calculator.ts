import { z } from 'zod';
import { eligibleGroupsText, matchEligibleGroups } from '../eligibility';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, markersOf, personMarkers, serviceDateSchema, wholeDays } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-FREE-7';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    cohortId: idSchema,
    providerId: idSchema,
    /** The earlier programme whose higher standard this cohort keeps, if any (a key of the policy's grandfathered list). */
    grandfatheredProgrammeId: z.string().trim().min(1).max(64).optional(),
    trainingDaysHeld: wholeDays,
    trainees: z.array(z.strictObject({ labourerId: idSchema, ...personMarkers, attendedDays: wholeDays })),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'trainees', facts.trainees, facts.trainingDaysHeld));

export type EntrepreneurshipTrainingInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-FREE-7 entrepreneurship training (创业培训): 180 per person per attended day, at most 1800, paid to the provider,
 * for the policy's eligible groups. A programme listed as grandfathered keeps its earlier, higher standard
 * (本方案下发前已出台高于此标准的,仍按原标准执行); the schema only admits standards that are higher. A programme id the
 * version does not list is paid at the current standard, and the line says so.
 */
export function calculateEntrepreneurshipTraining(input: EntrepreneurshipTrainingInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const p = policy.parameters.freeTraining.entrepreneurship;
  const grandfathered = p.grandfathered.find((standard) => standard.programmeId === facts.grandfatheredProgrammeId);
  const standard = grandfathered ?? p;
  const standardText = grandfathered
    ? `grandfathered ${grandfathered.programmeId} (${grandfathered.source})`
    : facts.grandfatheredProgrammeId === undefined
      ? 'current'
      : `current (${scheme.policyVersion} keeps no earlier standard for ${facts.grandfatheredProgrammeId})`;
  const provider: Payee = { kind: 'PROVIDER', id: facts.providerId };

  return scheme.finish(
    facts.trainees.map((trainee) => {
      const { labourerId, attendedDays } = trainee;
      const line = { payee: provider, labourerId, inputs: { cohortId: facts.cohortId, standard: standardText, attendedDays, perDayFen: standard.perDayFen, capFen: standard.capFen } };
      const eligibleAs = matchEligibleGroups(p.eligibleGroups, markersOf(trainee));
      if (eligibleAs === null) {
        return scheme.refuse({ ...line, code: 'NOT_ELIGIBLE_GROUP', message: `entrepreneurship training is paid for ${eligibleGroupsText(p.eligibleGroups)} only` });
      }
      if (attendedDays === 0) return scheme.refuse({ ...line, code: 'NO_ATTENDED_DAYS', message: 'no attended training day: R-FREE-7 pays per attended day' });
      const { amountFen, cap } = capAt(multiplyFen(attendedDays, standard.perDayFen), standard.capFen, `R-FREE-7: at most ${formatYuan(standard.capFen)} yuan per person`);
      return scheme.amount({
        ...line,
        inputs: { ...line.inputs, eligibleAs: eligibleAs.join('+') },
        amountFen,
        cap,
        arithmetic: cappedArithmetic(`${attendedDays} × ${formatYuan(standard.perDayFen)}`, cap),
      });
    }),
  );
}
