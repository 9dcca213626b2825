import {
  checkEvidenceFile,
  claimRecordsDecider,
  DomainError,
  EVIDENCE_MEDIA_TYPE,
  toClaimRecordsStreamId,
  type AttachClaimEvidence,
  type ClaimEvidence,
  type EvidenceKind,
} from '@skills/domain';
import { WrongExpectedVersionError } from '@skills/event-store';
import { SealedFileConflictError, sha256Hex, type SealedFiles } from '@skills/personal-data';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { ClaimFileAccess } from './claim-file-access';

/** The purpose evidence files are sealed under (SealedFiles), keyed by the evidence id. */
const EVIDENCE = 'claim-evidence';
const ATTEMPTS = 5;

export interface EvidenceUpload {
  readonly declaredType: string;
  readonly bytes: Buffer;
  readonly kind: EvidenceKind;
}

/**
 * R-CLAIM-3: an evidence file for a claim. Checked first (type by its first bytes, size against EVIDENCE_MAX_BYTES),
 * then sealed with the vault's envelope encryption in the same transaction as the event that describes it (hash, size,
 * type, kind, who): the bytes are in no event. The evidence id is the claim's and the content's (SHA-256), so the same
 * file sent again, by anyone, under any key, is the file already attached (200).
 */
export async function attachEvidence(system: System, files: SealedFiles, access: ClaimFileAccess, upload: EvidenceUpload, envelope: CommandEnvelope) {
  const mediaType = checkEvidenceFile({ declaredType: upload.declaredType, bytes: upload.bytes }, system.config.EVIDENCE_MAX_BYTES);
  const streamId = toClaimRecordsStreamId(access.claimId);
  const sha256 = sha256Hex(upload.bytes);
  const evidenceId = deterministicUuid('claim-evidence', access.claimId, sha256);
  const commandHash = hashCommand({ type: 'AttachClaimEvidence', claimId: access.claimId, sha256, kind: upload.kind });
  const command: AttachClaimEvidence = {
    type: 'AttachClaimEvidence',
    claimId: access.claimId,
    evidenceId,
    side: access.side,
    kind: upload.kind,
    file: { sha256, sizeBytes: upload.bytes.length, mediaType },
    context: contextOf(envelope),
  };
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(system.store, system.catalogue, claimRecordsDecider, streamId);
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    // The key names another request on this claim's file: refused, or the new file would be silently dropped.
    if (earlier && earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
    const attached = state.evidence.find((e) => e.sha256 === sha256);
    if (attached) return { evidence: attached, alreadyAttached: true };
    const events = claimRecordsDecider.decide(command, state);
    try {
      await system.store.transaction(async (tx) => {
        await files.put(tx, EVIDENCE, evidenceId, { bytes: upload.bytes, mediaType });
        await system.store.appendManyIn(tx, [{ streamId, expectedVersion: version === 0 ? 'no_stream' : version, events: toEventsToAppend(system.catalogue, envelope, streamId, events, undefined, commandHash) }]);
      });
      return { evidence: events[0]!.data as ClaimEvidence, alreadyAttached: false };
    } catch (error) {
      // The id is the content's hash: another content under it would be a broken SHA-256.
      if (error instanceof SealedFileConflictError) throw error;
      // Another comment or file on this claim came first (the same file, sent twice at once): look again.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The evidence of a claim, oldest first, and the limits an upload must keep. */
export async function listEvidence(system: System, principal: Principal, access: ClaimFileAccess) {
  const { state } = await loadStream(system.store, system.catalogue, claimRecordsDecider, toClaimRecordsStreamId(access.claimId));
  return {
    claimId: access.claimId,
    limits: { maxBytes: system.config.EVIDENCE_MAX_BYTES, allowedTypes: EVIDENCE_MEDIA_TYPE.options },
    items: state.evidence.map((e) => viewOf(e, principal)),
  };
}

/**
 * One file's bytes, for the roles that see personal data (maySeePersonalData) and the claim's own organisation: an
 * attendance sheet or a contract carries names, ID numbers and signatures, as comment texts may, so a bureau role
 * without that right (EVALUATOR) is 403 here as it is kept from texts (access.readsTexts); the list shows it the hash,
 * size and type. 404 for an id not on this claim.
 */
export async function readEvidence(system: System, files: SealedFiles, access: ClaimFileAccess, evidenceId: string) {
  if (!access.readsTexts) {
    throw new DomainError('EVIDENCE.PERSONAL_DATA', 'evidence files hold personal data: only reviewers, approvers, administrators and the claim\'s own organisation may open them; the list shows their hash, size and type', 'forbidden', {
      claimId: access.claimId,
    });
  }
  const { state } = await loadStream(system.store, system.catalogue, claimRecordsDecider, toClaimRecordsStreamId(access.claimId));
  const evidence = state.evidence.find((e) => e.evidenceId === evidenceId.toLowerCase());
  const notFound = () => new DomainError('EVIDENCE.NOT_FOUND', 'this claim has no evidence file with this id: GET /api/claims/{claimId}/evidence lists them', 'not_found', { evidenceId });
  if (!evidence) throw notFound();
  const file = await files.get(EVIDENCE, evidence.evidenceId);
  if (!file) throw new DomainError('EVIDENCE.SHREDDED', 'this evidence file was erased; its hash, size and type stay on record', 'not_found', { evidenceId });
  return { evidence, bytes: file.bytes };
}

export function viewOf(evidence: ClaimEvidence, principal: Principal) {
  const { attachedBy, ...rest } = evidence;
  return { ...rest, attachedBy: { ...attachedBy, mine: attachedBy.accountId.toLowerCase() === principal.userId.toLowerCase() } };
}

/** A download's file name: the id and the type's extension, never a name a person typed. */
export function fileNameOf(evidence: ClaimEvidence): string {
  const extension = evidence.mediaType === 'application/pdf' ? 'pdf' : evidence.mediaType === 'image/png' ? 'png' : 'jpg';
  return `evidence-${evidence.evidenceId}.${extension}`;
}
