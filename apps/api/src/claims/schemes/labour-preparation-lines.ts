import { shiftDays, wholeMonthsOfTraining, type CalendarDate, type ClaimLine } from '@skills/domain';
import type { SchemeCalculation } from '@skills/policy';
import { deterministicUuid } from '@skills/platform';
import { paymentKeyOf } from '../payment-keys';
import { claimLinesOf, type LineContext } from './claim-lines';

/**
 * R-FREE-6: the whole months one trainee was in the cohort's training, from the later of the actual start and their
 * enrolment to the completion, or to the day before their withdrawal (withdrawnOn is the first day they no longer
 * attended). "达到12个月" counts the training a person had, so a late enrolment or an early withdrawal shortens it.
 */
export function monthsInTraining(
  cohort: { readonly startedOn: CalendarDate; readonly completedOn: CalendarDate },
  trainee: { readonly enrolledOn: CalendarDate; readonly withdrawnOn: CalendarDate | null },
): number {
  const from = trainee.enrolledOn > cohort.startedOn ? trainee.enrolledOn : cohort.startedOn;
  const lastDay = trainee.withdrawnOn === null ? cohort.completedOn : shiftDays(trainee.withdrawnOn, -1);
  const to = lastDay < cohort.completedOn ? lastDay : cohort.completedOn;
  return to < from ? 0 : wholeMonthsOfTraining(from, to);
}

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
