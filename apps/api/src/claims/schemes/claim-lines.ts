import { CLAIM_SCHEME, type ClaimLine, type ClaimPeriod, type ClaimScheme, type ClaimSubject } from '@skills/domain';
import type { LineExplanation, SchemeCalculation, SchemeLine } from '@skills/policy';
import { deterministicUuid } from '@skills/platform';
import { paymentKeyOf } from '../payment-keys';

export interface LineContext {
  readonly claimId: string;
  /** The claim's scheme: the payment key's, also for R-FREE-4 lines computed at the R-FREE-3 tier. */
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly period: ClaimPeriod;
}

/** A line's id: from the claim and the line's person (or its place), so a recomputed claim names the same lines. */
const lineIdOf = (context: LineContext, line: { readonly labourerId?: string }, index: number) =>
  deterministicUuid(context.claimId, 'line', line.labourerId ?? `#${index}`);

/** The calculator's lines as claim lines: ids, the claim's period, and the R-CLAIM-2 key of every line that may pay. */
export function claimLinesOf(calculation: SchemeCalculation, context: LineContext): ClaimLine[] {
  return calculation.lines.map((line, index) => claimLineOf(line, index, context));
}

function claimLineOf(line: SchemeLine, index: number, context: LineContext): ClaimLine {
  const base = baseOf(line, index, context);
  switch (line.outcome) {
    case 'AMOUNT':
      return { ...base, outcome: 'AMOUNT', amountFen: line.amountFen, paymentKey: keyOf(line, context) };
    case 'NO_RULE':
      return { ...base, outcome: 'NO_RULE', reason: line.reason, paymentKey: keyOf(line, context) };
    case 'REFUSED':
      return { ...base, outcome: 'REFUSED', reason: line.reason };
  }
}

interface LineFacts {
  readonly ruleId: ClaimScheme;
  readonly labourerId: string;
  readonly payee: ClaimLine['payee'];
  readonly explanation: LineExplanation;
}

/** R-FREE-4 before its tier is known: a line that will pay one tier or the other, holding its key meanwhile. */
export function pendingLine(context: LineContext, line: LineFacts, reason: { readonly code: string; readonly message: string }, index: number): ClaimLine {
  return { ...baseOf(line, index, context), outcome: 'PENDING', reason, paymentKey: keyOf(line, context) };
}

/** A line refused before any calculator ran (R-FREE-4 with its tier undecided, for a trainee who attended no day). */
export function refusedLine(context: LineContext, line: LineFacts, reason: { readonly code: string; readonly message: string }, index: number): ClaimLine {
  return { ...baseOf(line, index, context), outcome: 'REFUSED', reason };
}

function baseOf(line: Pick<SchemeLine, 'ruleId' | 'labourerId' | 'payee' | 'explanation'>, index: number, context: LineContext) {
  return {
    lineId: lineIdOf(context, line, index),
    ruleId: line.ruleId,
    ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }),
    period: context.period,
    payee: line.payee,
    policyVersion: line.explanation.policyVersion,
    explanation: { ...line.explanation, ruleId: CLAIM_SCHEME.parse(line.explanation.ruleId) },
  };
}

const keyOf = (line: { readonly labourerId?: string }, context: LineContext) =>
  paymentKeyOf({ scheme: context.scheme, subject: context.subject, period: context.period, ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }) });
