import { createHash } from 'node:crypto';
import { canonicalJson, type PolicyDocument } from '@skills/policy';

/** SHA-256 of the document's canonical JSON, hex: the same document has the same hash whatever its key order. */
export function policyContentHash(document: PolicyDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}
