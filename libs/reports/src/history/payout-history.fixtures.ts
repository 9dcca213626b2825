import type { CalendarDate } from '@skills/domain';
import type { HistoryEvent } from '@skills/platform';
import { recorded } from '@skills/platform/testing';

/**
 * Hand-made claim and payout events for the money tests (R-PAY-1, R-CLAIM-4, R-GATE-4): ids only, each recorded on
 * the day given. Nothing is validated, as in the simulation's own fixtures: the folds read the fields they need.
 */
export const uuid = (prefix: string, n: number) => `${prefix}${String(n).padStart(8 - prefix.length, '0')}-0000-4000-8000-000000000000`;
export const claimIdOf = (n: number) => uuid('c1a', n);
export const labourer = (n: number) => uuid('1ab', n);
/** A payout's idempotency key: 64 hex characters, one per (claim, payee). */
export const payoutKey = (n: number) => n.toString(16).padStart(64, '0');
const instructionOf = (key: string, attempt: number) => `${key.slice(-8)}-0000-4000-8000-${String(attempt).padStart(12, '0')}`;

export interface Payee {
  readonly kind: string;
  readonly id: string;
}
export interface Line {
  readonly payee: Payee;
  readonly amountFen: number;
}

const note = { vaultKey: 'e0000000-0000-4000-8000-000000000001', digest: 'b'.repeat(64), length: 30 };

const lineOf = (claimId: string, i: number, line: Line) => ({
  lineId: `${claimId.slice(0, 8)}-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  ...(line.payee.kind === 'LABOURER' ? { labourerId: line.payee.id } : {}),
  payee: line.payee,
  outcome: 'AMOUNT',
  amountFen: line.amountFen,
});

type GateStatus = 'HOLDING' | 'OPEN' | 'AWAITING_VERIFICATION' | 'FAILED';
interface Gate {
  readonly gate: string;
  readonly status: GateStatus;
}

/** The three outcome gates (R-GATE-1/2/3) in the claim's order, each with its status. */
export const threeGates = (pass: GateStatus, certification: GateStatus, employment: GateStatus): Gate[] => [
  { gate: 'PASS', status: pass },
  { gate: 'CERTIFICATION', status: certification },
  { gate: 'EMPLOYMENT', status: employment },
];

/** A claim as submitted by `organisation`, its AMOUNT lines (and any extra, e.g. a "no rule" line), its gates' status. */
export function submitted(
  recordedOn: CalendarDate,
  claimId: string,
  scheme: string,
  organisation: Payee,
  lines: readonly Line[],
  options: { status?: string; gates?: readonly Gate[]; extraLines?: readonly Record<string, unknown>[] } = {},
): HistoryEvent {
  const amountLines = lines.map((line, i) => lineOf(claimId, i, line));
  return recorded(recordedOn, 'ClaimSubmitted', {
    claimId,
    scheme,
    subject: { kind: 'COHORT', id: 'c0000000-0000-4000-8000-00000000000a' },
    period: { from: '2021-03-01', to: '2021-03-10' },
    submittedBy: { organisation, accountId: 'a0000000-0000-4000-8000-000000000001' },
    submittedOn: recordedOn,
    status: options.status ?? 'READY_FOR_REVIEW',
    tier: null,
    gates: (options.gates ?? []).map((g) => ({ ...g, ruleId: 'R-GATE-1', thresholdPercent: 95, rate: { numerator: 1, denominator: 1 }, windowEnd: '2021-09-06', asOf: recordedOn, policyVersion: 'JCCQ-2020-12.v1', arithmetic: 'x' })),
    lines: [...amountLines, ...(options.extraLines ?? [])],
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
  });
}

/** Approved with no notice and released for payment in the same append (R-CLAIM-3), recorded on `recordedOn`. */
export function released(recordedOn: CalendarDate, claimId: string, totalFen: number, releasedOn: CalendarDate = recordedOn): HistoryEvent[] {
  return [
    recorded(recordedOn, 'ClaimChecked', { claimId, round: 1, checkedBy: 'reviewer', checkedOn: recordedOn }),
    recorded(recordedOn, 'ClaimApproved', { claimId, round: 1, approvedBy: 'approver', approvedOn: recordedOn, policyVersion: 'JCCQ-2020-12.v1', noticeDays: 0, totalFen }),
    recorded(recordedOn, 'ClaimReleasedForPayment', { claimId, round: 1, releasedBy: 'approver', releasedOn, noticeEndsOn: null, totalFen }),
  ];
}

/** R-PAY-1: the release's attempt 1 to one payee, on the payout's own stream. */
export const instructed = (recordedOn: CalendarDate, key: string, claimId: string, scheme: string, payee: Payee, amountFen: number): HistoryEvent =>
  recorded(recordedOn, 'PayoutInstructed', {
    idempotencyKey: key,
    instructionId: instructionOf(key, 1),
    attempt: 1,
    claimId,
    payee,
    amountFen,
    scheme,
    policyVersion: 'JCCQ-2020-12.v1',
    releasedOn: recordedOn,
    instructedAt: `${recordedOn}T02:00:00.000Z`,
  });

export const paid = (recordedOn: CalendarDate, key: string, amountFen: number, attempt = 1): HistoryEvent =>
  recorded(recordedOn, 'PayoutPaid', { idempotencyKey: key, instructionId: instructionOf(key, attempt), attempt, answerId: instructionOf(key, 100 + attempt), amountFen, bankReference: 'BANK-1', paidOn: recordedOn });

/** R-PAY-1: finance answers PAID, paid on `paidOn`, for an attempt it first answered FAILED (PayoutFailureReversed). */
export const reversed = (recordedOn: CalendarDate, key: string, amountFen: number, paidOn: CalendarDate, attempt = 1): HistoryEvent =>
  recorded(recordedOn, 'PayoutFailureReversed', { idempotencyKey: key, instructionId: instructionOf(key, attempt), attempt, answerId: instructionOf(key, 300 + attempt), amountFen, bankReference: 'BANK-2', paidOn });

export const failed = (recordedOn: CalendarDate, key: string, attempt = 1): HistoryEvent =>
  recorded(recordedOn, 'PayoutFailed', { idempotencyKey: key, instructionId: instructionOf(key, attempt), attempt, answerId: instructionOf(key, 200 + attempt), reasonCode: 'ACCOUNT_CLOSED', failedOn: recordedOn });

export const reinstructed = (recordedOn: CalendarDate, key: string, attempt: number): HistoryEvent =>
  recorded(recordedOn, 'PayoutReinstructed', {
    idempotencyKey: key,
    instructionId: instructionOf(key, attempt),
    attempt,
    previousInstructionId: instructionOf(key, attempt - 1),
    reinstructedBy: 'approver',
    instructedAt: `${recordedOn}T02:00:00.000Z`,
  });

export const cancelled = (recordedOn: CalendarDate, key: string, attempt = 1): HistoryEvent =>
  recorded(recordedOn, 'PayoutCancelled', { idempotencyKey: key, instructionId: instructionOf(key, attempt), attempt, cancelledBy: 'approver', cancelledOn: recordedOn, reason: { code: 'PAYEE_DISSOLVED', note } });

/** R-CLAIM-4: a proposal and a second person's approval, the same day; `claimStatus` and `claimTotalFen` as the decider records them. */
export function overrideApproved(recordedOn: CalendarDate, claimId: string, overrideId: string, target: Record<string, unknown>, claimStatus: string, claimTotalFen: number): HistoryEvent[] {
  return [
    recorded(recordedOn, 'ClaimOverrideProposed', { overrideId, claimId, target, justification: { vaultKey: overrideId, digest: 'c'.repeat(64), length: 25 }, proposedBy: 'reviewer', proposedOn: recordedOn }),
    recorded(recordedOn, 'ClaimOverrideApproved', { overrideId, claimId, approvedBy: 'approver', approvedOn: recordedOn, claimStatus, claimTotalFen }),
  ];
}

/** R-GATE-4: every gate now holds, or one failed. */
export const gatesHeld = (recordedOn: CalendarDate, claimId: string, gates: readonly Gate[]): HistoryEvent =>
  recorded(recordedOn, 'ClaimGatesHeld', { claimId, decidedOn: recordedOn, gates: gates.map((g) => ({ ...g, ruleId: 'R-GATE-1', thresholdPercent: 95 })) });
export const blocked = (recordedOn: CalendarDate, claimId: string, gates: readonly Gate[]): HistoryEvent =>
  recorded(recordedOn, 'ClaimBlocked', { claimId, decidedOn: recordedOn, gates, failed: gates.filter((g) => g.status === 'FAILED') });
