import { claimDecider, claimErrors, toClaimNoticeStreamId, toClaimRecordsStreamId, toClaimStreamId, type ClaimState } from '@skills/domain';
import { comparePositions, type RecordedEvent } from '@skills/event-store';
import { OBJECTION_STATEMENT, loadStream, maySeePersonalData, type Principal, type System } from '@skills/platform';
import type { SealedTexts } from '@skills/personal-data';
import { COMMENT_TEXT } from '../claim-records/comments.service';
import { isBureau } from '../training/cohort-access';
import { assertMayReadClaim, claimReadScopeOf } from './claim-access';
import { historyItemOf, noteOf, type HistoryStep, type HistoryStream, type OpenedTexts } from './claim-history-items';
import { REVIEW_REASON } from './review-decisions.service';

/**
 * R-CLAIM-3 "every step is an event with its actor, time and reason; a claim's history shows them all" (R-MON-1):
 * the claim's stream, its notice stream (objections) and its file (comments, evidence), merged in the order recorded
 * (global position), each step with its stream and version there, type, who acted, when it was recorded (and the
 * instant the command was made), the reason and the details. Texts as their own endpoints give them: the written
 * reasons of a return or a rejection for the bureau and the claim's own organisation (a subdistrict officer sees the
 * codes); comment texts for the roles that see personal data and the claim's organisation (GET /comments); objection
 * statements and objectors for the bureau only, statements to the roles that see personal data (GET
 * /notices/:id/objections). Override justifications stay at /overrides. Lines are counted, not repeated.
 */
export async function claimHistory(system: System, sealedTexts: SealedTexts, principal: Principal, claimId: string) {
  const { state, recorded } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  await assertMayReadClaim(system, principal, organisationOf(state));
  const [notice, records] = await Promise.all([system.store.readStream(toClaimNoticeStreamId(claimId)), system.store.readStream(toClaimRecordsStreamId(claimId))]);
  const tagged = (stream: HistoryStream, events: readonly RecordedEvent[]) => events.map((r) => ({ stream, recorded: r }));
  const steps: HistoryStep[] = [...tagged('CLAIM', recorded), ...tagged('NOTICE', notice), ...tagged('RECORDS', records)]
    .sort((a, b) => comparePositions(a.recorded.position, b.recorded.position))
    .map((s) => ({ ...s, event: system.catalogue.deserialise(s.recorded) }));

  const bureau = isBureau(principal);
  const ownOrganisation = !bureau && claimReadScopeOf(principal).kind === 'ORGANISATION';
  const texts = await openedTexts(sealedTexts, steps, {
    // A reviewer's written reason may name a person: the roles that see personal data and the claim's organisation, not an EVALUATOR.
    reviewReasons: (bureau && maySeePersonalData(principal)) || ownOrganisation,
    comments: bureau ? maySeePersonalData(principal) : ownOrganisation,
    statements: bureau && maySeePersonalData(principal),
  });
  return { claimId: claimId.toLowerCase(), items: steps.map((step) => historyItemOf(step, { seesObjectors: bureau }, texts)) };
}

function organisationOf(state: Exclude<ClaimState, { status: 'absent' }>) {
  return state.status === 'submitted' ? state.claim : state.adjustment;
}

/** Opens, in one query a purpose, the sealed texts of the steps that the caller may read. */
async function openedTexts(sealedTexts: SealedTexts, steps: readonly HistoryStep[], reads: { reviewReasons: boolean; comments: boolean; statements: boolean }): Promise<OpenedTexts> {
  const idsOf = (type: string, id: (data: Record<string, unknown>) => string) => steps.flatMap(({ event }) => (event.type === type ? [id(event.data as Record<string, unknown>)] : []));
  const noteIds = steps.flatMap(({ event }) => (noteOf(event) ? [noteOf(event)!.vaultKey] : []));
  const commentIds = idsOf('ClaimCommentAdded', (d) => d['commentId'] as string);
  const objectionIds = idsOf('ClaimObjectionLodged', (d) => d['objectionId'] as string);
  const [reviewReasons, comments, statements] = await Promise.all([
    reads.reviewReasons && noteIds.length > 0 ? sealedTexts.getMany(REVIEW_REASON, noteIds) : undefined,
    reads.comments ? sealedTexts.getMany(COMMENT_TEXT, commentIds) : undefined,
    reads.statements ? sealedTexts.getMany(OBJECTION_STATEMENT, objectionIds) : undefined,
  ]);
  return { ...(reviewReasons ? { reviewReasons } : {}), ...(comments ? { comments } : {}), ...(statements ? { statements } : {}) };
}
