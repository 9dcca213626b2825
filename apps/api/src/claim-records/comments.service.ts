import { claimRecordsDecider, toClaimRecordsStreamId, type AddClaimComment, type ClaimComment } from '@skills/domain';
import { WrongExpectedVersionError } from '@skills/event-store';
import { SealedTextConflictError, sealedTextDigest, type SealedTexts } from '@skills/personal-data';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { AddCommentForm } from './claim-records-forms';
import type { ClaimFileAccess } from './claim-file-access';

/** The purpose a comment's text is sealed under (SealedTexts), keyed by the comment id. */
export const COMMENT_TEXT = 'claim-comment';
const ATTEMPTS = 5;

/**
 * R-CLAIM-3: a comment on a claim at any step. The text may name a person, so it is sealed in the same transaction as
 * the event that refers to it (length and keyed digest only); the comment id comes from the Idempotency-Key and the
 * claim, and the same request again answers the same comment.
 */
export async function addComment(system: System, texts: SealedTexts, access: ClaimFileAccess, form: AddCommentForm, envelope: CommandEnvelope) {
  const streamId = toClaimRecordsStreamId(access.claimId);
  const commentId = deterministicUuid(envelope.idempotencyKey, streamId, 'claim-comment');
  const digest = sealedTextDigest(system.secrets.fingerprintKey, COMMENT_TEXT, commentId, form.text);
  const commandHash = hashCommand({ type: 'AddClaimComment', claimId: access.claimId, digest });
  const command: AddClaimComment = { type: 'AddClaimComment', claimId: access.claimId, commentId, side: access.side, text: { text: form.text, digest }, context: contextOf(envelope) };
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(system.store, system.catalogue, claimRecordsDecider, streamId);
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return { comment: state.comments.find((c) => c.commentId === commentId)!, alreadyAdded: true };
    }
    const events = claimRecordsDecider.decide(command, state);
    const [added] = events;
    if (!added || added.type !== 'ClaimCommentAdded') return { comment: state.comments.find((c) => c.commentId === commentId)!, alreadyAdded: true };
    try {
      await system.store.transaction(async (tx) => {
        await texts.put(tx, COMMENT_TEXT, commentId, form.text);
        await system.store.appendManyIn(tx, [{ streamId, expectedVersion: version === 0 ? 'no_stream' : version, events: toEventsToAppend(system.catalogue, envelope, streamId, events, undefined, commandHash) }]);
      });
      return { comment: added.data, alreadyAdded: false };
    } catch (error) {
      if (error instanceof SealedTextConflictError) throw idempotencyKeyReused();
      // Another comment or file on this claim came first: decide again on the file as it is now.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Every comment of a claim, oldest first; the texts for those who read them (claimFileAccess), null once shredded. */
export async function listComments(system: System, texts: SealedTexts, principal: Principal, access: ClaimFileAccess) {
  const { state } = await loadStream(system.store, system.catalogue, claimRecordsDecider, toClaimRecordsStreamId(access.claimId));
  const opened = access.readsTexts ? await texts.getMany(COMMENT_TEXT, state.comments.map((c) => c.commentId)) : undefined;
  return {
    claimId: access.claimId,
    items: state.comments.map((c) => ({ ...viewOf(c, principal), ...(opened ? { text: opened.get(c.commentId) ?? null } : {}) })),
  };
}

export function viewOf(comment: ClaimComment, principal: Principal) {
  const { commentId, claimId, author, addedAt, text } = comment;
  return { commentId, claimId, author: { ...author, mine: author.accountId.toLowerCase() === principal.userId.toLowerCase() }, addedAt, length: text.length };
}
