import type { CommandContext } from '../shared/decider';
import type { ObjectionReason } from './claim-notice.events';
import type { ClaimNotice } from './notice-period';

/**
 * R-CLAIM-3: an objection to a claim on notice. The handler reads the claim's notice (claimNoticeOf its stream) and
 * its line ids, and seals the statement under the objection id before appending; the decider sees the text only to
 * check its length and records the digest.
 */
export interface LodgeClaimObjection {
  readonly type: 'LodgeClaimObjection';
  readonly claimId: string;
  readonly objectionId: string;
  readonly notice: ClaimNotice;
  readonly claimLineIds: ReadonlySet<string>;
  readonly reason: ObjectionReason;
  readonly lineIds: readonly string[];
  readonly statement: { readonly text: string; readonly digest: string };
  readonly context: CommandContext;
}
