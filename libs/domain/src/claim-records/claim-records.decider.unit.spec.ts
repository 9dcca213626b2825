import { createEventCatalogue } from '../catalogue';
import { given } from '../shared/testing/given-when-then';
import type { AddClaimComment, AttachClaimEvidence } from './claim-records.commands';
import { claimRecordsDecider } from './claim-records.decider';
import type { ClaimCommentAdded, ClaimEvidenceAttached } from './claim-records.events';

const CLAIM_ID = '0b6c1a52-7d1e-4c39-9a57-3f1c6e0d2a10';
const COMMENT_ID = '1f2e3d4c-5b6a-4789-8a0b-1c2d3e4f5a6b';
const EVIDENCE_ID = '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b';
const REVIEWER = '3b4c5d6e-7f80-4912-8a2b-3c4d5e6f7a8b';
const CLERK = '4c5d6e7f-8091-4a23-9b3c-4d5e6f7a8b9c';
const NOW = '2021-07-01T06:30:00.000Z';
const SHA = 'b'.repeat(64);

const comment = (over: Partial<AddClaimComment> = {}): AddClaimComment => ({
  type: 'AddClaimComment',
  claimId: CLAIM_ID,
  commentId: COMMENT_ID,
  side: 'BUREAU',
  text: { text: '请补充第3行学员的考勤表原件', digest: 'c'.repeat(64) },
  context: { actor: REVIEWER, now: NOW },
  ...over,
});
const attach = (over: Partial<AttachClaimEvidence> = {}): AttachClaimEvidence => ({
  type: 'AttachClaimEvidence',
  claimId: CLAIM_ID,
  evidenceId: EVIDENCE_ID,
  side: 'ORGANISATION',
  kind: 'ATTENDANCE_SHEET',
  file: { sha256: SHA, sizeBytes: 48_213, mediaType: 'application/pdf' },
  context: { actor: CLERK, now: NOW },
  ...over,
});
const added: ClaimCommentAdded = {
  type: 'ClaimCommentAdded',
  data: { commentId: COMMENT_ID, claimId: CLAIM_ID, text: { vaultKey: COMMENT_ID, digest: 'c'.repeat(64), length: 14 }, author: { accountId: REVIEWER, side: 'BUREAU' }, addedAt: NOW },
};
const attached: ClaimEvidenceAttached = {
  type: 'ClaimEvidenceAttached',
  data: { evidenceId: EVIDENCE_ID, claimId: CLAIM_ID, kind: 'ATTENDANCE_SHEET', sha256: SHA, sizeBytes: 48_213, mediaType: 'application/pdf', attachedBy: { accountId: CLERK, side: 'ORGANISATION' }, attachedAt: NOW },
};

describe('a claim\'s comments and evidence (R-CLAIM-3)', () => {
  it('R-CLAIM-3 records a comment by its author, side and time, with the text sealed: length and digest only', () => {
    const [event] = given(claimRecordsDecider).when(comment()).then([added]);
    expect(JSON.stringify(event)).not.toContain('考勤');
  });

  it('R-CLAIM-3 a comment needs text, at most 4000 characters; the same comment again is a retry', () => {
    given(claimRecordsDecider).when(comment({ text: { text: '   ', digest: 'c'.repeat(64) } })).thenThrows('COMMENT.TEXT_REQUIRED');
    given(claimRecordsDecider).when(comment({ text: { text: '字'.repeat(4001), digest: 'c'.repeat(64) } })).thenThrows('COMMENT.TEXT_TOO_LONG');
    given(claimRecordsDecider, [added]).when(comment()).thenNothingHappens();
    given(claimRecordsDecider, [added]).when(comment({ text: { text: '另一条意见', digest: 'd'.repeat(64) } })).thenThrows('IDEMPOTENCY.KEY_REUSED');
  });

  it('R-CLAIM-3 records evidence by hash, size and type; the same content again on the claim is the same file', () => {
    given(claimRecordsDecider).when(attach()).then([attached]);
    given(claimRecordsDecider, [attached]).when(attach()).thenNothingHappens();
    // Another upload of the same bytes, under another kind, by another person: still the one file.
    given(claimRecordsDecider, [attached]).when(attach({ evidenceId: '5d6e7f80-9102-4b34-8c4d-5e6f7a8b9cad', kind: 'OTHER', context: { actor: REVIEWER, now: NOW } })).thenNothingHappens();
    given(claimRecordsDecider, [attached]).when(attach({ evidenceId: '5d6e7f80-9102-4b34-8c4d-5e6f7a8b9cad', file: { sha256: 'e'.repeat(64), sizeBytes: 10, mediaType: 'image/png' } })).then([
      { type: 'ClaimEvidenceAttached', data: { ...attached.data, evidenceId: '5d6e7f80-9102-4b34-8c4d-5e6f7a8b9cad', sha256: 'e'.repeat(64), sizeBytes: 10, mediaType: 'image/png' } },
    ]);
  });

  it('R-CLAIM-3 the stored events are strict: a comment\'s text or a file name slipped into them is refused at append', () => {
    const catalogue = createEventCatalogue();
    expect(() => catalogue.serialise({ type: 'ClaimCommentAdded', data: { ...added.data, body: '请补充考勤表' } })).toThrow();
    expect(() => catalogue.serialise({ type: 'ClaimEvidenceAttached', data: { ...attached.data, fileName: '张三劳动合同.pdf' } })).toThrow();
    expect(catalogue.serialise(attached).schemaVersion).toBe(1);
  });
});
