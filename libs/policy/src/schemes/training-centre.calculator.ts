import { z } from 'zod';
import { formatYuan, multiplyFen } from '../money';
import type { PolicyDocument } from '../policy-document.schema';
import { capAt, cappedArithmetic, openScheme, parseSchemeFacts } from './scheme-context';
import { headCount, idSchema, serviceDateSchema } from './scheme-facts';
import type { Payee, SchemeCalculation } from './scheme-line';

const RULE_ID = 'R-ENT-4';

const factsSchema = z.strictObject({
  serviceDate: serviceDateSchema,
  enterpriseId: idSchema,
  /** The enterprise's headcount on the service date (EnterpriseProfileChanged says from when a headcount holds). */
  headcount: headCount,
  /** Trainees the centre can train at the same time (可同时培训). */
  capacity: headCount,
  /** The award is for newly built training institutions (凡是新建职工培训机构的企业). */
  newlyEstablished: z.boolean(),
});

export type TrainingCentreInput = z.input<typeof factsSchema> & { readonly policy: PolicyDocument };

/**
 * R-ENT-4 enterprise training centre, a one-off award to enterprises of 500 or more employees (500人以上 includes
 * 500): capacity 100–200 earns 50,000, each further full 50 trainees above 200 another 20,000, at most 200,000;
 * below 100 nothing. So 249 earns 50,000, 250 earns 70,000 and 600 reaches the cap (50,000 + 8 × 20,000 = 210,000).
 * POLICY.md omits "newly built" (新建); the notice has it, so an existing centre is refused.
 */
export function calculateTrainingCentre(input: TrainingCentreInput): SchemeCalculation {
  const { policy, ...raw } = input;
  const facts = parseSchemeFacts(RULE_ID, factsSchema, raw);
  const scheme = openScheme(RULE_ID, policy, facts.serviceDate);
  const p = policy.parameters.enterprise.trainingCentre;
  const { headcount, capacity, newlyEstablished } = facts;
  const line = { payee: { kind: 'ENTERPRISE', id: facts.enterpriseId } satisfies Payee, inputs: { headcount, capacity, newlyEstablished, minHeadcount: p.minHeadcount } };
  const refuse = (code: 'ENTERPRISE_TOO_SMALL' | 'NOT_NEWLY_ESTABLISHED' | 'CAPACITY_TOO_SMALL', message: string) => scheme.finish([scheme.refuse({ ...line, code, message })]);

  if (headcount < p.minHeadcount) return refuse('ENTERPRISE_TOO_SMALL', `${headcount} employees < ${p.minHeadcount}: R-ENT-4 is for enterprises of ${p.minHeadcount} or more`);
  if (!newlyEstablished) return refuse('NOT_NEWLY_ESTABLISHED', 'R-ENT-4 is a one-off award for a newly built training institution');
  if (capacity < p.baseMinCapacity) return refuse('CAPACITY_TOO_SMALL', `capacity ${capacity} < ${p.baseMinCapacity}: nothing is awarded`);

  const steps = capacity > p.baseMaxCapacity ? Math.floor((capacity - p.baseMaxCapacity) / p.stepCapacity) : 0;
  const uncapped = p.baseAwardFen + multiplyFen(steps, p.stepAwardFen);
  const { amountFen, cap } = capAt(uncapped, p.capFen, `R-ENT-4: at most ${formatYuan(p.capFen)} yuan per enterprise`);
  const stepsText = `${steps} full ${p.stepCapacity} above ${p.baseMaxCapacity}`;
  return scheme.finish([
    scheme.amount({
      ...line,
      inputs: { ...line.inputs, baseMinCapacity: p.baseMinCapacity, baseMaxCapacity: p.baseMaxCapacity, stepCapacity: p.stepCapacity, steps },
      amountFen,
      cap,
      arithmetic: cappedArithmetic(`capacity ${capacity} (${stepsText}): ${formatYuan(p.baseAwardFen)} + ${steps} × ${formatYuan(p.stepAwardFen)}`, cap),
    }),
  ]);
}
