import { z } from 'zod';
import { DomainError, ValidationFailed, calendarDateSchema, type CalendarDate } from '@skills/domain';
import { policyDocumentSchema, type PolicyDocument } from '@skills/policy';

const POLICY_VERSION = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.v[1-9][0-9]*$/;

/**
 * Issue 4 item 6: what to simulate. The candidate is a published version by name, or a draft document checked by
 * the very schema a publication is checked by (policyDocumentSchema), so a draft that simulates can be published
 * as it is. Its fields are named `candidate.document.<path>` when wrong.
 */
export const StartSimulationForm = z.strictObject({
  candidate: z
    .strictObject({
      policyVersion: z.string().regex(POLICY_VERSION, 'must name a published version as GET /api/policies lists it, such as JCCQ-2020-12.v1').optional(),
      document: policyDocumentSchema.optional(),
    })
    .refine((c) => (c.policyVersion === undefined) !== (c.document === undefined), {
      message: 'give exactly one of policyVersion (a published version, such as JCCQ-2020-12.v1) or document (a draft policy document)',
    }),
  /** Gates are judged as of this day (Asia/Shanghai); today when omitted. */
  asOf: calendarDateSchema.optional(),
});
export type StartSimulationForm = z.infer<typeof StartSimulationForm>;

export type SimulationCandidate =
  | { readonly source: 'PUBLISHED'; readonly policyVersion: string }
  | { readonly source: 'DRAFT'; readonly document: PolicyDocument };

export function candidateOf(form: StartSimulationForm): SimulationCandidate {
  const { policyVersion, document } = form.candidate;
  if (document) return { source: 'DRAFT', document };
  return { source: 'PUBLISHED', policyVersion: policyVersion! };
}

/**
 * The day the gates are judged on. A day to come is refused: its facts are not recorded yet, so a figure for it
 * would look like a forecast while it is only today's history with windows that cannot close.
 */
export function asOfOf(form: StartSimulationForm, today: CalendarDate): CalendarDate {
  const asOf = form.asOf ?? today;
  if (asOf > today) throw new ValidationFailed([{ field: 'asOf', message: `must not be after today (${today}): omit it to simulate as of today, or give a past day` }]);
  return asOf;
}

export function simulationNotFound(): DomainError {
  return new DomainError(
    'SIMULATION.NOT_FOUND',
    'no such simulation in this api process: runs are kept in memory (the last 20) and lost on restart; start it again with POST /api/policies/simulations',
    'not_found',
  );
}
