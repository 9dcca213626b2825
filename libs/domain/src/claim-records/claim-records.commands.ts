import type { CommandContext } from '../shared/decider';
import type { AuthorSide } from './claim-records.events';
import type { EvidenceKind, EvidenceMediaType } from './evidence-file.rules';

/**
 * R-CLAIM-3 "comments can be left at any step". Who may (the bureau, the claim's own organisation) is the handler's
 * check, on the claim; the text is sealed under the comment id by the handler, and the decider records its digest.
 */
export interface AddClaimComment {
  readonly type: 'AddClaimComment';
  readonly claimId: string;
  readonly commentId: string;
  readonly side: AuthorSide;
  readonly text: { readonly text: string; readonly digest: string };
  readonly context: CommandContext;
}

/** R-CLAIM-3 evidence: the file is checked (checkEvidenceFile) and sealed by the handler; the event describes it. */
export interface AttachClaimEvidence {
  readonly type: 'AttachClaimEvidence';
  readonly claimId: string;
  readonly evidenceId: string;
  readonly side: AuthorSide;
  readonly kind: EvidenceKind;
  readonly file: { readonly sha256: string; readonly sizeBytes: number; readonly mediaType: EvidenceMediaType };
  readonly context: CommandContext;
}

export type ClaimRecordsCommand = AddClaimComment | AttachClaimEvidence;
