/**
 * R-PAY-1: one stream per payout, that is per claim and payee, named by its idempotency key (64 lower-case hex
 * characters, libs/messaging payout-ids.ts): every attempt of that payout and every answer of finance land on it.
 */
const KEY = /^[0-9a-f]{64}$/;

export function toPayoutStreamId(idempotencyKey: string): string {
  if (!KEY.test(idempotencyKey)) throw new RangeError('a payout stream id needs the 64-character lower-case hex idempotency key');
  return `payout-${idempotencyKey}`;
}
