import { createHash } from 'node:crypto';

/**
 * R-PAY-1: the idempotency key of a claim's payout to one payee, the same for every attempt and every redelivery:
 * finance pays a key at most once. Lower-case hex SHA-256 of the claim and the payee.
 */
export function payoutIdempotencyKey(claimId: string, payee: { readonly kind: string; readonly id: string }): string {
  return createHash('sha256').update(['payout-instruction', claimId.toLowerCase(), payee.kind, payee.id.toLowerCase()].join('\u001f')).digest('hex');
}

/** The instruction (and outbox message) id of one attempt: a UUID (version-5 layout) derived from the key and attempt. */
export function payoutInstructionId(idempotencyKey: string, attempt: number): string {
  const bytes = createHash('sha256').update(`${idempotencyKey}\u001f${attempt}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
