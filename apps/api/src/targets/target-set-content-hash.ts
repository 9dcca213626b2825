import { createHash } from 'node:crypto';
import type { TargetSetContent } from '@skills/domain';
import { canonicalJson } from '@skills/policy';

/** R-TGT-2: SHA-256 of the content's canonical JSON, hex: the same table has the same hash whatever file it came in. */
export function targetSetContentHash(content: TargetSetContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
