import { DomainError, isCalendarDate, type CalendarDate, type RegisteringUnit } from '@skills/domain';
import type { LineExplanation } from './line-explanation';
import { formatYuan, type Fen } from './money';
import { policyVersionOf } from './parse-policy-document';
import type { PolicyDocument } from './policy-document.schema';
import { policyCoversPeriod } from './policy-registry';

export interface RegistrationCount {
  readonly registeringUnit: RegisteringUnit;
  readonly labourersRegistered: number;
}

export interface RegistrationFundingInput {
  readonly policy: PolicyDocument;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly counts: readonly RegistrationCount[];
}

export interface RegistrationFundingLine extends RegistrationCount {
  readonly amountFen: Fen;
  readonly explanation: LineExplanation;
}

export interface RegistrationFunding {
  readonly policyVersion: string;
  readonly period: RegistrationFundingInput['period'];
  readonly lines: readonly RegistrationFundingLine[];
  readonly totalFen: Fen;
  readonly totalArithmetic: string;
}

const RULE_ID = 'R-REG-3';

/** R-REG-3: the district pays a fixed amount per registered labourer (4 yuan) to the unit that registered the card. */
export function calculateRegistrationFunding(input: RegistrationFundingInput): RegistrationFunding {
  const { policy, period, counts } = input;
  assertPeriod(policy, period);
  assertCounts(counts);
  const policyVersion = policyVersionOf(policy);
  const rateFen = policy.parameters.registration.fundingPerLabourerFen;
  const lines = counts.map(({ registeringUnit, labourersRegistered }): RegistrationFundingLine => {
    const amountFen = labourersRegistered * rateFen;
    return {
      registeringUnit,
      labourersRegistered,
      amountFen,
      explanation: {
        ruleId: RULE_ID,
        policyVersion,
        inputs: { registeringUnit: `${registeringUnit.kind}:${registeringUnit.id}`, labourersRegistered, fundingPerLabourerFen: rateFen, from: period.from, to: period.to },
        arithmetic: `${labourersRegistered} × ${formatYuan(rateFen)} = ${formatYuan(amountFen)} yuan`,
      },
    };
  });
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  const terms = lines.length === 0 ? '0.00' : lines.map((line) => formatYuan(line.amountFen)).join(' + ');
  return { policyVersion, period, lines, totalFen, totalArithmetic: `${terms} = ${formatYuan(totalFen)} yuan` };
}

function assertPeriod(policy: PolicyDocument, period: RegistrationFundingInput['period']): void {
  if (!isCalendarDate(period.from) || !isCalendarDate(period.to) || period.from > period.to) {
    throw new DomainError('FUNDING.INVALID_PERIOD', 'the period needs two YYYY-MM-DD dates, the first not after the second', 'validation', {}, [
      { field: 'period', message: 'give from and to as YYYY-MM-DD, from not after to' },
    ]);
  }
  if (!policyCoversPeriod(policy, period.from, period.to)) {
    throw new DomainError('FUNDING.POLICY_NOT_IN_FORCE', `policy ${policyVersionOf(policy)} is not in force on every day of the period: split the period at the policy's dates`, 'rule', {
      ruleId: RULE_ID,
      policyVersion: policyVersionOf(policy),
      effectiveFrom: policy.effectiveFrom,
      effectiveTo: policy.effectiveTo,
    });
  }
}

function assertCounts(counts: readonly RegistrationCount[]): void {
  const seen = new Set<string>();
  const issues = counts.flatMap(({ registeringUnit, labourersRegistered }, index) => {
    const key = `${registeringUnit.kind}:${registeringUnit.id}`;
    const repeated = seen.has(key);
    seen.add(key);
    if (repeated) return [{ field: `counts.${index}.registeringUnit`, message: 'this unit is listed twice: give one count per unit' }];
    if (!Number.isSafeInteger(labourersRegistered) || labourersRegistered < 0) {
      return [{ field: `counts.${index}.labourersRegistered`, message: 'give a whole number of labourers, 0 or more' }];
    }
    return [];
  });
  if (issues.length > 0) {
    throw new DomainError('FUNDING.INVALID_COUNTS', `${issues.length} count(s) need fixing`, 'validation', { ruleId: RULE_ID }, issues);
  }
}
