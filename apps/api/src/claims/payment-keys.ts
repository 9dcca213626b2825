import { createHash } from 'node:crypto';
import { paymentKeyMaterial, type PaymentKeyParts } from '@skills/domain';

/**
 * R-CLAIM-2: the payment key, SHA-256 of the domain's key text. Not keyed like an ID-number fingerprint: its parts
 * are ids, rule ids and dates, none of them personal data; the hash keeps them out of the stream id and fixes its length.
 */
export function paymentKeyOf(parts: PaymentKeyParts): string {
  return createHash('sha256').update(paymentKeyMaterial(parts)).digest('hex');
}
