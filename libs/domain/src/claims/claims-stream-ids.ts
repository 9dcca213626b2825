/**
 * Stream ids of claims, made here only (like shared/stream-ids.ts). A payment key is a hash, so no person's id, no
 * scheme and no period can be read from the stream id.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[0-9a-f]{64}$/;

/** One claim (R-CLAIM-1): its submission and, later, its review. */
export function toClaimStreamId(claimId: string): string {
  if (!UUID.test(claimId)) throw new RangeError('a claim stream id needs a UUID');
  return `claim-${claimId.toLowerCase()}`;
}

/** R-CLAIM-2: the reservation stream of one payment key, the caller's SHA-256 (lower-case hex) of paymentKeyMaterial(…). */
export function toPaymentKeyStreamId(paymentKey: string): string {
  if (!KEY.test(paymentKey)) throw new RangeError('a payment-key stream id needs a 64-character lower-case hex key');
  return `payment-key-${paymentKey}`;
}
