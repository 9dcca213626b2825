import { randomUUID } from 'node:crypto';
import { toPayoutStreamId } from '@skills/domain';
import { openProjectionTestStore, type EventSpec, type ProjectionTestStore } from '../testing/projection-test-store';
import { payoutsProjection } from './payouts.projection';

let test: ProjectionTestStore;
beforeAll(async () => {
  test = await openProjectionTestStore({ actor: 'payouts-test' });
});
afterAll(() => test?.close());

const keyOf = (n: number) => n.toString(16).padStart(64, '0');
const instructed = (key: string, claimId: string, amountFen: number, instructionId = randomUUID()): EventSpec => [
  toPayoutStreamId(key),
  'PayoutInstructed',
  // 2026-11-02T17:00Z is 2026-11-03 01:00 in Shanghai: the instructed day is Shanghai's.
  { idempotencyKey: key, instructionId, attempt: 1, claimId, payee: { kind: 'ORGANISATION', id: randomUUID() }, amountFen, scheme: 'R-CERT-2', policyVersion: 'JCCQ-2020-12.v2', releasedOn: '2026-11-02', instructedAt: '2026-11-02T17:00:00.000Z' },
];
const paid = (key: string, attempt: number, amountFen: number): EventSpec => [toPayoutStreamId(key), 'PayoutPaid', { idempotencyKey: key, instructionId: randomUUID(), attempt, answerId: randomUUID(), amountFen, bankReference: 'BANK-1', paidOn: '2026-11-05' }];
const failed = (key: string, attempt: number): EventSpec => [toPayoutStreamId(key), 'PayoutFailed', { idempotencyKey: key, instructionId: randomUUID(), attempt, answerId: randomUUID(), reasonCode: 'ACCOUNT_CLOSED', failedOn: '2026-11-04' }];
const reversed = (key: string, attempt: number, amountFen: number): EventSpec => [
  toPayoutStreamId(key),
  'PayoutFailureReversed',
  { idempotencyKey: key, instructionId: randomUUID(), attempt, answerId: randomUUID(), amountFen, bankReference: 'BANK-R', paidOn: '2026-11-06' },
];
const reinstructed = (key: string, attempt: number): EventSpec => [
  toPayoutStreamId(key),
  'PayoutReinstructed',
  { idempotencyKey: key, instructionId: randomUUID(), attempt, previousInstructionId: randomUUID(), reinstructedBy: 'approver', instructedAt: '2026-11-06T02:00:00.000Z' },
];
const cancelled = (key: string, attempt: number): EventSpec => [
  toPayoutStreamId(key),
  'PayoutCancelled',
  { idempotencyKey: key, instructionId: randomUUID(), attempt, cancelledBy: 'approver', cancelledOn: '2026-11-07', reason: { code: 'PAYEE_DISSOLVED', note: { vaultKey: randomUUID(), digest: 'b'.repeat(64), length: 12 } } },
];
const rowOf = async (key: string) =>
  (
    await test.db.query(
      `SELECT status, attempt, amount_fen::int AS amount_fen, to_char(released_on, 'YYYY-MM-DD') AS released_on, to_char(instructed_on, 'YYYY-MM-DD') AS instructed_on,
              to_char(paid_on, 'YYYY-MM-DD') AS paid_on, to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on FROM rm_payouts WHERE idempotency_key = $1`,
      [key],
    )
  ).rows[0];

describe('payouts projection (R-PAY-1 reconciliation)', () => {
  it('R-PAY-1 keeps each payout at its latest attempt: instructed → paid; instructed → failed → re-instructed → failed → cancelled', async () => {
    const [paidKey, cancelledKey] = [keyOf(1), keyOf(2)];
    const first = await test.append(instructed(paidKey, randomUUID(), 90_000), instructed(cancelledKey, randomUUID(), 45_000), failed(cancelledKey, 1));
    await test.feed(payoutsProjection, first);
    expect(await rowOf(paidKey)).toEqual({ status: 'INSTRUCTED', attempt: 1, amount_fen: 90_000, released_on: '2026-11-02', instructed_on: '2026-11-03', paid_on: null, cancelled_on: null });
    expect(await rowOf(cancelledKey)).toMatchObject({ status: 'FAILED', attempt: 1 });

    const second = await test.append(paid(paidKey, 1, 90_000), reinstructed(cancelledKey, 2), failed(cancelledKey, 2), cancelled(cancelledKey, 2));
    await test.feed(payoutsProjection, second);
    expect(await rowOf(paidKey)).toMatchObject({ status: 'PAID', attempt: 1, paid_on: '2026-11-05' });
    // The instructed day stays the first attempt's: an outstanding payout ages from its first instruction.
    expect(await rowOf(cancelledKey)).toMatchObject({ status: 'CANCELLED', attempt: 2, instructed_on: '2026-11-03', cancelled_on: '2026-11-07' });
  });

  it('R-PAY-1 a redelivered event changes nothing: an old failure or instruction after the payout was paid leaves it PAID', async () => {
    const key = keyOf(3);
    const early = await test.append(instructed(key, randomUUID(), 12_345), failed(key, 1));
    await test.feed(payoutsProjection, early);
    const late = await test.append(reinstructed(key, 2), paid(key, 2, 12_345));
    await test.feed(payoutsProjection, late);
    await test.feed(payoutsProjection, early);
    expect(await rowOf(key)).toMatchObject({ status: 'PAID', attempt: 2, amount_fen: 12_345 });
    await test.feed(payoutsProjection, late);
    expect(await rowOf(key)).toMatchObject({ status: 'PAID', attempt: 2, amount_fen: 12_345, paid_on: '2026-11-05' });
    expect((await test.db.query(`SELECT count(*)::int AS n FROM rm_payouts WHERE idempotency_key = $1`, [key])).rows[0]).toEqual({ n: 1 });
  });

  it('R-PAY-1 a failure reversed after a re-instruction: PAID on attempt 2 of 2 with a duplicate risk; attempt 2 paid too: 2 paid attempts, overpaid 33,000 fen; redelivered, nothing counted twice', async () => {
    const key = keyOf(4);
    const risky = await test.append(instructed(key, randomUUID(), 33_000), failed(key, 1), reinstructed(key, 2), reversed(key, 1, 33_000));
    await test.feed(payoutsProjection, risky);
    // The reversal answers attempt 1: the row stays at attempt 2, which still waits at finance.
    expect(await flagsOf(key)).toEqual({ status: 'PAID', attempt: 2, paid_attempts: 1, overpaid_fen: 0, duplicate_risk: true, paid_on: '2026-11-06' });
    const overpaid = await test.append(paid(key, 2, 33_000));
    await test.feed(payoutsProjection, overpaid);
    await test.feed(payoutsProjection, risky);
    await test.feed(payoutsProjection, overpaid);
    // (2 − 1) × 33,000; paid_on stays the first payment's day.
    expect(await flagsOf(key)).toEqual({ status: 'PAID', attempt: 2, paid_attempts: 2, overpaid_fen: 33_000, duplicate_risk: false, paid_on: '2026-11-06' });
  });

  it('R-PAY-1 after a reversal, attempt 2 answered FAILED leaves the payout PAID, one attempt paid, no risk; a reversal with no re-instruction is PAID with no risk', async () => {
    const [key, plain] = [keyOf(5), keyOf(6)];
    await test.feed(payoutsProjection, await test.append(instructed(key, randomUUID(), 20_000), failed(key, 1), reinstructed(key, 2), reversed(key, 1, 20_000), failed(key, 2)));
    expect(await flagsOf(key)).toEqual({ status: 'PAID', attempt: 2, paid_attempts: 1, overpaid_fen: 0, duplicate_risk: false, paid_on: '2026-11-06' });
    await test.feed(payoutsProjection, await test.append(instructed(plain, randomUUID(), 20_000), failed(plain, 1), reversed(plain, 1, 20_000)));
    expect(await flagsOf(plain)).toEqual({ status: 'PAID', attempt: 1, paid_attempts: 1, overpaid_fen: 0, duplicate_risk: false, paid_on: '2026-11-06' });
  });
});

async function flagsOf(key: string) {
  const { rows } = await test.db.query(
    `SELECT status, attempt, paid_attempts, overpaid_fen::int AS overpaid_fen, duplicate_risk, to_char(paid_on, 'YYYY-MM-DD') AS paid_on FROM rm_payouts WHERE idempotency_key = $1`,
    [key],
  );
  return rows[0];
}
