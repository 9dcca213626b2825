import { z } from 'zod';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { sealedStatementSchema } from '../claim-notice/claim-notice.events';
import { EVIDENCE_KIND, EVIDENCE_MEDIA_TYPE } from './evidence-file.rules';

/**
 * The claim's file (R-CLAIM-3): comments and evidence, stored on `claim-records-<claimId>`. Ids, codes, sizes and
 * hashes only: a comment's text and a file's bytes may name a person, so they are sealed outside the events (the
 * comment under SealedTexts purpose 'claim-comment', the file in sealed_files) and the events refer to them.
 */
const accountId = z.string().min(1).max(200);
/** The side an author acts for: the bureau, or the organisation that submitted the claim. */
export const AUTHOR_SIDE = z.enum(['BUREAU', 'ORGANISATION']);
export type AuthorSide = z.infer<typeof AUTHOR_SIDE>;

export const ClaimCommentAdded = defineEvent(
  'ClaimCommentAdded',
  1,
  z.strictObject({
    commentId: z.uuid(),
    claimId: z.uuid(),
    text: sealedStatementSchema,
    author: z.strictObject({ accountId, side: AUTHOR_SIDE }),
    /** ISO-8601 instant: comments are a conversation, so they are ordered by the minute, not the day. */
    addedAt: z.iso.datetime({ offset: true }),
  }),
);

/**
 * The same content twice on one claim is one file: the evidence id is derived from the claim and the content's
 * SHA-256, so a second upload finds the first.
 */
export const ClaimEvidenceAttached = defineEvent(
  'ClaimEvidenceAttached',
  1,
  z.strictObject({
    evidenceId: z.uuid(),
    claimId: z.uuid(),
    kind: EVIDENCE_KIND,
    /** Lower-case hex SHA-256 of the file's bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the 64-character lower-case hex SHA-256 of the file'),
    sizeBytes: z.number().int().min(1),
    mediaType: EVIDENCE_MEDIA_TYPE,
    attachedBy: z.strictObject({ accountId, side: AUTHOR_SIDE }),
    attachedAt: z.iso.datetime({ offset: true }),
  }),
);

export type ClaimCommentAdded = EventOf<typeof ClaimCommentAdded>;
export type ClaimEvidenceAttached = EventOf<typeof ClaimEvidenceAttached>;
export type ClaimRecordsEvent = ClaimCommentAdded | ClaimEvidenceAttached;

export const claimRecordsEvents = [ClaimCommentAdded, ClaimEvidenceAttached] as const;
