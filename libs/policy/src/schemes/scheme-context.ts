import type { z } from 'zod';
import { DomainError, type CalendarDate } from '@skills/domain';
import { fieldIssuesOf } from '../field-issues';
import type { CapNote } from '../line-explanation';
import { formatYuan, sumFen, type Fen } from '../money';
import { policyVersionOf } from '../parse-policy-document';
import type { PolicyDocument } from '../policy-document.schema';
import { policyCoversPeriod } from '../policy-registry';
import type { AmountLine, NoRuleLine, Payee, RefusalCode, RefusedLine, SchemeCalculation, SchemeLine, SchemeRuleId } from './scheme-line';

type Inputs = Readonly<Record<string, string | number | boolean>>;

interface LineFacts {
  /** Defaults to the scheme's rule; R-FREE-4's fallback lines say R-FREE-3. */
  readonly ruleId?: SchemeRuleId;
  readonly payee: Payee;
  readonly labourerId?: string;
  readonly inputs: Inputs;
}

/** Builds a scheme's lines so that every one carries its rule, policy version, service date and inputs the same way. */
export interface SchemeContext {
  readonly ruleId: SchemeRuleId;
  readonly policy: PolicyDocument;
  readonly policyVersion: string;
  readonly serviceDate: CalendarDate;
  amount(line: LineFacts & { readonly amountFen: Fen; readonly arithmetic: string; readonly cap?: CapNote }): AmountLine;
  refuse(line: LineFacts & { readonly code: RefusalCode; readonly message: string }): RefusedLine;
  noRule(line: LineFacts & { readonly message: string }): NoRuleLine;
  finish(lines: readonly SchemeLine[]): SchemeCalculation;
}

/**
 * R-CLAIM-1: a line uses the policy version in force on its service date, so a calculator refuses a version that
 * is not in force on that day instead of computing with the wrong amounts.
 */
export function openScheme(ruleId: SchemeRuleId, policy: PolicyDocument, serviceDate: CalendarDate): SchemeContext {
  const policyVersion = policyVersionOf(policy);
  if (!policyCoversPeriod(policy, serviceDate, serviceDate)) {
    throw new DomainError('CALCULATION.POLICY_NOT_IN_FORCE', `policy ${policyVersion} is not in force on ${serviceDate}: use the version in force on the service date`, 'rule', {
      ruleId,
      policyVersion,
      serviceDate,
      effectiveFrom: policy.effectiveFrom,
      effectiveTo: policy.effectiveTo,
    });
  }
  const base = (line: LineFacts, arithmetic: string, cap?: CapNote) => ({
    ruleId: line.ruleId ?? ruleId,
    payee: line.payee,
    ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }),
    explanation: {
      ruleId: line.ruleId ?? ruleId,
      policyVersion,
      inputs: { serviceDate, payee: `${line.payee.kind}:${line.payee.id}`, ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId }), ...line.inputs },
      arithmetic,
      ...(cap === undefined ? {} : { cap }),
    },
  });
  return {
    ruleId,
    policy,
    policyVersion,
    serviceDate,
    amount: (line) => ({ outcome: 'AMOUNT', ...base(line, line.arithmetic, line.cap), amountFen: line.amountFen }),
    refuse: (line) => ({ outcome: 'REFUSED', ...base(line, line.message), reason: { code: line.code, message: line.message } }),
    noRule: (line) => ({ outcome: 'NO_RULE', ...base(line, line.message), reason: { code: 'NO_AMOUNT_IN_NOTICE', message: line.message } }),
    finish: (lines) => ({
      ruleId,
      policyVersion,
      serviceDate,
      lines,
      totalFen: sumFen(lines.flatMap((line) => (line.outcome === 'AMOUNT' ? [line.amountFen] : []))),
    }),
  };
}

/** Holds an amount to a cap and records the cap either way, so a reviewer sees it even when it did not bite. */
export function capAt(uncappedFen: Fen, limitFen: Fen, description: string): { readonly amountFen: Fen; readonly cap: CapNote } {
  const applied = uncappedFen > limitFen;
  return { amountFen: applied ? limitFen : uncappedFen, cap: { description, limitFen, uncappedFen, applied } };
}

/** "7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan" or "6 × 150.00 = 900.00 yuan (within the cap of 1000.00)". */
export function cappedArithmetic(expression: string, cap: CapNote): string {
  const computed = `${expression} = ${formatYuan(cap.uncappedFen)} yuan`;
  return cap.applied ? `${computed}, capped at ${formatYuan(cap.limitFen)} yuan` : `${computed} (within the cap of ${formatYuan(cap.limitFen)})`;
}

/** Parses a calculator's facts; impossible input fails with every field that is wrong, named by its path. */
export function parseSchemeFacts<S extends z.ZodType>(ruleId: SchemeRuleId, schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = fieldIssuesOf(result.error);
  throw new DomainError('CALCULATION.INVALID_FACTS', `the facts for ${ruleId} have ${issues.length} problem(s): fix the fields listed`, 'validation', { ruleId }, issues);
}

/** Impossible input found once the policy is known (a gate evaluated at another threshold): same error as a bad field. */
export function invalidFact(ruleId: SchemeRuleId, field: string, message: string): DomainError {
  return new DomainError('CALCULATION.INVALID_FACTS', `the facts for ${ruleId} have 1 problem(s): fix the fields listed`, 'validation', { ruleId }, [{ field, message }]);
}
