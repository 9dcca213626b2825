import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { sameId } from '../training/cohort-roster';
import type { AddClaimComment, AttachClaimEvidence, ClaimRecordsCommand } from './claim-records.commands';
import type { ClaimCommentAdded, ClaimEvidenceAttached, ClaimRecordsEvent } from './claim-records.events';

export type ClaimComment = ClaimCommentAdded['data'];
export type ClaimEvidence = ClaimEvidenceAttached['data'];

export interface ClaimRecordsState {
  readonly comments: readonly ClaimComment[];
  readonly evidence: readonly ClaimEvidence[];
}

/**
 * R-CLAIM-3: a comment is at least one character, at most 4000 (longer material is evidence). Counted in code points
 * after trimming, so one Chinese character counts one.
 */
export const COMMENT_MAX_CHARACTERS = 4000;

/** The comments and evidence of one claim (`claim-records-<claimId>`). */
export const claimRecordsDecider: Decider<ClaimRecordsCommand, ClaimRecordsState, ClaimRecordsEvent> = {
  initialState: () => ({ comments: [], evidence: [] }),
  decide(command, state) {
    switch (command.type) {
      case 'AddClaimComment':
        return comment(command, state);
      case 'AttachClaimEvidence':
        return attach(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ClaimCommentAdded':
        return { ...state, comments: [...state.comments, event.data] };
      case 'ClaimEvidenceAttached':
        return { ...state, evidence: [...state.evidence, event.data] };
      default:
        return assertNever(event);
    }
  },
};

export function assertCommentText(text: string): number {
  const length = [...(typeof text === 'string' ? text.trim() : '')].length;
  if (length === 0) throw new DomainError('COMMENT.TEXT_REQUIRED', 'a comment needs some text', 'validation', {}, [{ field: 'text', message: 'write the comment' }]);
  if (length > COMMENT_MAX_CHARACTERS) {
    throw new DomainError('COMMENT.TEXT_TOO_LONG', `a comment is at most ${COMMENT_MAX_CHARACTERS} characters`, 'validation', {}, [
      { field: 'text', message: `shorten it to ${COMMENT_MAX_CHARACTERS} characters; attach a longer document as evidence instead` },
    ]);
  }
  return length;
}

function comment(command: AddClaimComment, state: ClaimRecordsState): ClaimRecordsEvent[] {
  const existing = state.comments.find((c) => sameId(c.commentId, command.commentId));
  if (existing) {
    if (existing.text.digest === command.text.digest && sameId(existing.author.accountId, command.context.actor)) return [];
    throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used for a different comment: send a new key for a new comment', 'rule', { commentId: existing.commentId });
  }
  const length = assertCommentText(command.text.text);
  const commentId = command.commentId.toLowerCase();
  return [
    {
      type: 'ClaimCommentAdded',
      data: {
        commentId,
        claimId: command.claimId.toLowerCase(),
        text: { vaultKey: commentId, digest: command.text.digest, length },
        author: { accountId: command.context.actor, side: command.side },
        addedAt: command.context.now,
      },
    },
  ];
}

/** The same content on the same claim is one file: attaching it again records nothing (the caller answers with the first). */
function attach(command: AttachClaimEvidence, state: ClaimRecordsState): ClaimRecordsEvent[] {
  if (state.evidence.some((e) => sameId(e.evidenceId, command.evidenceId) || e.sha256 === command.file.sha256)) return [];
  return [
    {
      type: 'ClaimEvidenceAttached',
      data: {
        evidenceId: command.evidenceId.toLowerCase(),
        claimId: command.claimId.toLowerCase(),
        kind: command.kind,
        sha256: command.file.sha256,
        sizeBytes: command.file.sizeBytes,
        mediaType: command.file.mediaType,
        attachedBy: { accountId: command.context.actor, side: command.side },
        attachedAt: command.context.now,
      },
    },
  ];
}
