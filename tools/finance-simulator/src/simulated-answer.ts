import { createHash } from 'node:crypto';
import { PAYOUT_ANSWER_V1, type PayoutAnswerV1, type PayoutInstructionV1 } from '@skills/messaging';

/**
 * DEV TOOL, NOT PRODUCTION. The seeded rule the finance simulator answers by (R-PAY-1 demos and tests): which
 * instructions it pays and which it fails.
 */
export interface SimulationRule {
  /** Any text; the same seed gives the same answers on every run and every machine. */
  readonly seed: string;
  /** Whole percent (0..100) of first attempts that fail. */
  readonly failPercent: number;
}

/** The codes a real bank gives back (payout-answer.v1.ts); picked by the hash so a demo shows more than one. */
export const SIMULATED_REASON_CODES = ['ACCOUNT_CLOSED', 'ACCOUNT_INVALID', 'REJECTED_BY_BANK'] as const;

/** Checks the rule once, at start-up: a clear error naming the setting and the fix (not a silent 0 %). */
export function simulationRule(seed: string, failPercent: number): SimulationRule {
  if (seed.length === 0) throw new Error('FINANCE_SIM_SEED is empty: give any text, e.g. FINANCE_SIM_SEED=demo');
  if (!Number.isInteger(failPercent) || failPercent < 0 || failPercent > 100) {
    throw new Error(`FINANCE_SIM_FAIL_PERCENT must be a whole number from 0 to 100, got ${failPercent}: e.g. FINANCE_SIM_FAIL_PERCENT=10`);
  }
  return { seed, failPercent };
}

/** sha256(seed ␟ idempotencyKey): the first 4 bytes as an unsigned integer decide, the 5th picks the reason. */
function digest(rule: SimulationRule, idempotencyKey: string): Buffer {
  return createHash('sha256').update(`${rule.seed}\u001f${idempotencyKey}`).digest();
}

/** The bucket 0..99 of a key under a seed: the key fails its first attempt when bucket < failPercent. */
export function failBucket(rule: SimulationRule, idempotencyKey: string): number {
  return digest(rule, idempotencyKey).readUInt32BE(0) % 100;
}

/** A UUID (version-5 layout) from the instruction id and the seed: a redelivery gets the same answerId. */
function answerIdOf(rule: SimulationRule, instructionId: string): string {
  const bytes = createHash('sha256').update(`finance-simulator\u001f${rule.seed}\u001f${instructionId.toLowerCase()}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * R-PAY-1 (simulated finance): the answer to one instruction, a pure function of the instruction and the rule, apart
 * from `answeredAt` (the caller's clock, which the payout's decider does not compare). So a redelivered instruction is
 * answered identically even after a restart of the simulator: same answerId, outcome, bank reference or reason, day.
 *
 * - A first attempt fails when failBucket(key) < failPercent, with a reason code picked by the same hash.
 * - A later attempt (re-instruction after a failure, same key) is paid: the demo shows a failed payout recovering.
 * - Paid: the full amountFen, a fake reference `SIM-<releasedOn yyyymmdd>-<first 12 hex of the key, upper case>`
 *   ("SIM" so nobody takes it for a bank's), paidOn = the instruction's releasedOn (a day the instruction fixes, so
 *   it does not change with the clock and a redelivery on another day is not a conflicting answer).
 */
export function simulatedAnswer(instruction: PayoutInstructionV1, rule: SimulationRule, answeredAt: Date): PayoutAnswerV1 {
  const common = {
    type: PAYOUT_ANSWER_V1,
    answerId: answerIdOf(rule, instruction.instructionId),
    instructionId: instruction.instructionId,
    idempotencyKey: instruction.idempotencyKey,
    answeredAt: answeredAt.toISOString(),
  } as const;
  const hash = digest(rule, instruction.idempotencyKey);
  if (instruction.attempt === 1 && hash.readUInt32BE(0) % 100 < rule.failPercent) {
    return { ...common, outcome: 'FAILED', reasonCode: SIMULATED_REASON_CODES[hash[4]! % SIMULATED_REASON_CODES.length]!, failedOn: instruction.releasedOn };
  }
  return {
    ...common,
    outcome: 'PAID',
    amountFen: instruction.amountFen,
    bankReference: `SIM-${instruction.releasedOn.replace(/-/g, '')}-${instruction.idempotencyKey.slice(0, 12).toUpperCase()}`,
    paidOn: instruction.releasedOn,
  };
}
