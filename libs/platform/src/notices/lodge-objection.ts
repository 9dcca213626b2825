import {
  NOTICE_ACTOR,
  claimDecider,
  claimNoticeDecider,
  fold,
  toClaimNoticeStreamId,
  toClaimStreamId,
  type ClaimState,
  type EventCatalogue,
  type LodgeClaimObjection,
  type LodgedObjection,
  type ObjectionReason,
  type ReturnClaimAfterObjection,
} from '@skills/domain';
import { WrongExpectedVersionError, type SqlEventStore } from '@skills/event-store';
import { SealedTextConflictError, sealedTextDigest, type SealedTexts } from '@skills/personal-data';
import { contextOf, hashCommand, toEventsToAppend, type CommandEnvelope } from '../commands/command-envelope';
import { idempotencyKeyReused } from '../commands/decide-and-append';
import { deterministicUuid } from '../commands/deterministic-id';
import { readClaimNotice } from './release-after-notice';

export interface LodgeObjectionDeps {
  readonly store: SqlEventStore;
  readonly catalogue: EventCatalogue;
  readonly fingerprintKey: Buffer;
  readonly statements: SealedTexts;
}

export interface ObjectionForm {
  readonly reason: ObjectionReason;
  readonly lineIds: readonly string[];
  readonly statement: string;
}

/** The purpose an objection's statement is sealed under (SealedTexts), keyed by the objection id. */
export const OBJECTION_STATEMENT = 'notice-objection';
const ATTEMPTS = 5;

/**
 * R-CLAIM-3 public notice (公示): an objection during the period, and the claim sent back to review by it. One
 * transaction holds the sealed statement, ClaimObjectionLodged on the notice stream (with the objector, read by the
 * bureau only) and ClaimObjectionReturned on the claim's (by 'system:notice': the claim's organisation reads that
 * stream), each with its stream's expected version: an objection never exists without its return, and a release
 * racing it on the claim's stream loses or wins whole. The objection id comes from the Idempotency-Key and the claim,
 * so the same request again answers the same objection.
 */
export async function lodgeObjection(deps: LodgeObjectionDeps, claimId: string, form: ObjectionForm, envelope: CommandEnvelope): Promise<{ objection: LodgedObjection; alreadyLodged: boolean }> {
  const noticeStream = toClaimNoticeStreamId(claimId);
  const claimStream = toClaimStreamId(claimId);
  const objectionId = deterministicUuid(envelope.idempotencyKey, noticeStream, 'objection');
  const digest = sealedTextDigest(deps.fingerprintKey, OBJECTION_STATEMENT, objectionId, form.statement);
  const lineIds = [...new Set(form.lineIds.map((id) => id.toLowerCase()))].sort();
  const commandHash = hashCommand({ type: 'LodgeClaimObjection', claimId: claimId.toLowerCase(), reason: form.reason, lineIds, digest });
  for (let attempt = 1; ; attempt++) {
    const { recorded, events, notice, objectionsRecorded, objections } = await readClaimNotice(deps, claimId);
    const earlier = objectionsRecorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, noticeStream, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return { objection: deps.catalogue.deserialise(earlier).data as LodgedObjection, alreadyLodged: true };
    }
    const claim: ClaimState = fold(claimDecider, events);
    const lodge: LodgeClaimObjection = {
      type: 'LodgeClaimObjection',
      claimId,
      objectionId,
      notice,
      claimLineIds: lineIdsOf(claim),
      reason: form.reason,
      lineIds,
      statement: { text: form.statement, digest },
      context: contextOf(envelope),
    };
    const lodged = claimNoticeDecider.decide(lodge, objections);
    // Only reachable when the first event id check above missed a retry; it is that objection.
    if (lodged.length === 0) return { objection: objections.objections.find((o) => o.objectionId === objectionId)!, alreadyLodged: true };
    const back: ReturnClaimAfterObjection = { type: 'ReturnClaimAfterObjection', claimId, objectionId, context: contextOf(envelope) };
    const returned = claimDecider.decide(back, claim);
    try {
      await deps.store.transaction(async (tx) => {
        await deps.statements.put(tx, OBJECTION_STATEMENT, objectionId, form.statement);
        await deps.store.appendManyIn(tx, [
          { streamId: noticeStream, expectedVersion: objectionsRecorded.length === 0 ? 'no_stream' : objectionsRecorded.length, events: toEventsToAppend(deps.catalogue, envelope, noticeStream, lodged, undefined, commandHash) },
          // The claim's stream is read by the claim's organisation: the notice, not the objector, is recorded as who acted there.
          { streamId: claimStream, expectedVersion: recorded.length, events: toEventsToAppend(deps.catalogue, { ...envelope, actor: NOTICE_ACTOR }, claimStream, returned, undefined, commandHash) },
        ]);
      });
      return { objection: lodged[0]!.data, alreadyLodged: false };
    } catch (error) {
      // The same key raced in with another statement and sealed its text first: the key was reused.
      if (error instanceof SealedTextConflictError) throw idempotencyKeyReused();
      // The claim moved (released, another objection) or another objection came first: decide again on what is there now.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The lines an objection may name: those of the claim (or of the adjustment claim) on notice. */
function lineIdsOf(state: ClaimState): ReadonlySet<string> {
  if (state.status === 'submitted') return new Set(state.claim.lines.map((l) => l.lineId.toLowerCase()));
  if (state.status === 'adjustment') return new Set(state.adjustment.lines.map((l) => l.lineId.toLowerCase()));
  return new Set();
}
