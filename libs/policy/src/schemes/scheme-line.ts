import { z } from 'zod';
import { CLAIM_SCHEME, PAYEE_KIND as CLAIM_PAYEE_KIND, claimPayeeSchema, type CalendarDate, type ClaimScheme } from '@skills/domain';
import type { LineExplanation } from '../line-explanation';
import type { Fen } from '../money';

/**
 * The subsidy schemes of the notice that a claim can be for (R-CLAIM-1); R-REG-3 has its own calculator. One list,
 * the claims domain's: a calculator and a claim line name their scheme by the same ids.
 */
export const SCHEME_RULE_ID = CLAIM_SCHEME;
export type SchemeRuleId = ClaimScheme;

/** Who a line pays: an organisation of the registry, or the person (LABOURER) for allowances paid to trainees. */
export const PAYEE_KIND = CLAIM_PAYEE_KIND;
export type PayeeKind = z.infer<typeof PAYEE_KIND>;
export const payeeSchema = claimPayeeSchema;
export type Payee = z.infer<typeof payeeSchema>;

/** Why a line pays nothing: the facts do not meet the rule. Stable codes; the message says which figure failed. */
export const REFUSAL_CODE = z.enum([
  'NOT_ELIGIBLE_GROUP',
  'EVALUATION_NOT_FREE',
  'NOT_FIRST_ISSUE',
  'INSURANCE_TOO_SHORT',
  'NOT_UPGRADE_TRAINING',
  'CERTIFICATE_NOT_COVERED',
  'NO_ATTENDED_DAYS',
  'TOO_FEW_DAYS',
  'TOO_FEW_MONTHS',
  'MONTHS_EXHAUSTED',
  'NOT_IN_SUBSIDISED_CATALOGUE',
  'EMPLOYER_NOT_ELIGIBLE',
  'APPROVED_AMOUNT_BELOW_RANGE',
  'ENTERPRISE_TOO_SMALL',
  'CAPACITY_TOO_SMALL',
  'NOT_NEWLY_ESTABLISHED',
  'NOTHING_COUNTED',
  'CAP_EXHAUSTED',
]);
export type RefusalCode = z.infer<typeof REFUSAL_CODE>;

export interface LineReason<C extends string> {
  readonly code: C;
  /** In words a clerk understands; names figures and ids, never a name or an ID number. */
  readonly message: string;
}

interface LineBase {
  /** The rule the line was computed by: R-FREE-3 on an R-FREE-4 claim that fell back to the general tier. */
  readonly ruleId: SchemeRuleId;
  readonly payee: Payee;
  /** The person the line is for, on per-person schemes: with scheme, subject and period, the R-CLAIM-2 key. */
  readonly labourerId?: string;
  readonly explanation: LineExplanation;
}

export interface AmountLine extends LineBase {
  readonly outcome: 'AMOUNT';
  readonly amountFen: Fen;
}

export interface RefusedLine extends LineBase {
  readonly outcome: 'REFUSED';
  readonly reason: LineReason<RefusalCode>;
}

/** R-CERT-2 / R-CLAIM-4: the notice names no amount; nothing is invented, and a reviewer decides by override. */
export interface NoRuleLine extends LineBase {
  readonly outcome: 'NO_RULE';
  readonly reason: LineReason<'NO_AMOUNT_IN_NOTICE'>;
}

export type SchemeLine = AmountLine | RefusedLine | NoRuleLine;

/** One scheme computed for one subject: every line, refused and "no rule" ones included, and the total paid. */
export interface SchemeCalculation {
  readonly ruleId: SchemeRuleId;
  readonly policyVersion: string;
  /** The day whose policy version the lines use (R-CLAIM-1). */
  readonly serviceDate: CalendarDate;
  readonly lines: readonly SchemeLine[];
  /** The sum of the AMOUNT lines. */
  readonly totalFen: Fen;
}
