import type { ClaimLine } from '@skills/domain';
import type { SchemeCalculation } from '@skills/policy';
import { deterministicUuid } from '@skills/platform';
import { paymentKeyOf } from '../payment-keys';
import { claimLinesOf, type LineContext } from './claim-lines';

/**
 * R-FREE-6 pays one trainee twice under one clause: the training subsidy to the provider and, "同时", the living
 * allowance to the trainee (payee LABOURER). Each is its own line with its own id and its own R-CLAIM-2 key (part
 * LIVING_ALLOWANCE), so each is paid once and neither blocks the other; the subsidy keeps the scheme's plain key.
 */
export function labourPreparationClaimLines(calculation: SchemeCalculation, context: LineContext): ClaimLine[] {
  const lines = claimLinesOf(calculation, context);
  return lines.map((line, index) => {
    const computed = calculation.lines[index]!;
    if (computed.payee.kind !== 'LABOURER' || computed.labourerId === undefined) return line;
    const lineId = deterministicUuid(context.claimId, 'line', computed.labourerId, 'LIVING_ALLOWANCE');
    if (line.outcome === 'REFUSED') return { ...line, lineId };
    const paymentKey = paymentKeyOf({ scheme: context.scheme, subject: context.subject, period: context.period, labourerId: computed.labourerId, part: 'LIVING_ALLOWANCE' });
    return { ...line, lineId, paymentKey };
  });
}
