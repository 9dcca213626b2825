import { z } from 'zod';
import { eligibleGroupsText, matchEligibleGroups } from '../eligibility';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { EMPLOYER_KIND } from '../scheme-parameters.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts } from './scheme-context';
import { checkRoster, idSchema, markersOf, personMarkers, serviceDateSchema, wholeMonths } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-ENT-3';

const factsSchema = z
  .strictObject({
    serviceDate: serviceDateSchema,
    employer: z.strictObject({ id: idSchema, kind: EMPLOYER_KIND, insured: z.boolean() }),
    workers: z.array(
      z.strictObject({
        labourerId: idSchema,
        ...personMarkers,
        /** Months of work-for-training in this claim. */
        months: wholeMonths,
        /** Months already paid for this person by earlier claims: the 6-month limit counts them. */
        monthsAlreadyPaid: wholeMonths,
      }),
    ),
  })
  .superRefine((facts, ctx) => checkRoster(ctx, 'workers', facts.workers));

export type WorkForTrainingInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-ENT-3 work-for-training (以工代训): 300 per person per month, at most 6 months a person over all claims, paid to
 * the employer. Eligible: a poor labourer absorbed by any producer (企业、农民专业合作社和扶贫车间等), or an
 * employment-difficulty person or zero-employment family member absorbed by an insured enterprise (参保企业).
 */
export function calculateWorkForTraining(input: WorkForTrainingInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const { perMonthFen, maxMonths, eligibility } = policy.parameters.enterprise.workForTraining;
  const { employer } = facts;
  const payee: Payee = { kind: employer.kind === 'ENTERPRISE' ? 'ENTERPRISE' : 'ORGANISATION', id: employer.id };
  const employerFits = (way: (typeof eligibility)[number]) => way.employerKinds.includes(employer.kind) && (!way.insuredEmployerOnly || employer.insured);

  return scheme.finish(
    facts.workers.map((worker) => {
      const { labourerId, months, monthsAlreadyPaid } = worker;
      const line = { payee, labourerId, inputs: { employerKind: employer.kind, employerInsured: employer.insured, months, monthsAlreadyPaid, maxMonths, perMonthFen } };
      const markers = markersOf(worker);
      const byGroup = eligibility.filter((way) => matchEligibleGroups(way.eligibleGroups, markers) !== null);
      if (byGroup.length === 0) {
        const groups = eligibility.map((way) => eligibleGroupsText(way.eligibleGroups)).join(' | ');
        return scheme.refuse({ ...line, code: 'NOT_ELIGIBLE_GROUP', message: `work-for-training is paid for ${groups} only` });
      }
      const way = byGroup.find(employerFits);
      if (way === undefined) {
        return scheme.refuse({ ...line, code: 'EMPLOYER_NOT_ELIGIBLE', message: `for this person's group the employer must be ${byGroup.map(employerText).join(', or ')}` });
      }
      if (months === 0) return scheme.refuse({ ...line, code: 'TOO_FEW_MONTHS', message: 'no month of work-for-training in this claim' });
      const monthsLeft = Math.max(0, maxMonths - monthsAlreadyPaid);
      if (monthsLeft === 0) return scheme.refuse({ ...line, code: 'MONTHS_EXHAUSTED', message: `${monthsAlreadyPaid} months already paid: the limit is ${maxMonths} months a person` });
      const { amountFen, cap } = capAt(multiplyFen(months, perMonthFen), multiplyFen(monthsLeft, perMonthFen), `R-ENT-3: at most ${maxMonths} months a person, ${monthsLeft} left`);
      return scheme.amount({
        ...line,
        inputs: { ...line.inputs, eligibleAs: matchEligibleGroups(way.eligibleGroups, markers)!.join('+') },
        amountFen,
        cap,
        arithmetic: cappedArithmetic(`${months} × ${formatYuan(perMonthFen)}`, cap),
      });
    }),
  );
}

function employerText(way: { readonly employerKinds: readonly string[]; readonly insuredEmployerOnly: boolean }): string {
  return `${way.insuredEmployerOnly ? 'an insured ' : 'a '}${way.employerKinds.join(' or ')}`;
}
