import {
  claimDecider,
  claimNoticeDecider,
  claimNoticeOf,
  fold,
  noticeReleaseOn,
  shanghaiDateOf,
  toClaimNoticeStreamId,
  toClaimStreamId,
  type ClaimEvent,
  type ClaimNoticeEvent,
  type DomainEvent,
  type EventCatalogue,
  type NoticeRelease,
  type ReleaseClaimForPayment,
} from '@skills/domain';
import { WrongExpectedVersionError, type EventStore } from '@skills/event-store';
import { deterministicUuid } from '../commands/deterministic-id';
import { appendClaimEvents } from '../payouts/append-claim-release';

export interface NoticeReleaseDeps {
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
}

/** metadata.actor of the timer's releases: no person decided them. */
export const NOTICE_TIMER_ACTOR = 'system:notice-timer';
const ATTEMPTS = 5;

/** The notice as both streams hold it now: the claim's (its period, from the review events) and its objections. */
export async function readClaimNotice(deps: NoticeReleaseDeps, claimId: string) {
  const recorded = await deps.store.readStream(toClaimStreamId(claimId));
  const events = recorded.map((r) => deps.catalogue.deserialise(r) as ClaimEvent);
  const objectionsRecorded = await deps.store.readStream(toClaimNoticeStreamId(claimId));
  const objections = fold(claimNoticeDecider, objectionsRecorded.map((r) => deps.catalogue.deserialise(r) as ClaimNoticeEvent));
  return { recorded, events, notice: claimNoticeOf(events as DomainEvent[]), objectionsRecorded, objections };
}

/**
 * R-CLAIM-3: releases a claim for payment once its notice period has ended with no objection in it, judged on the
 * claim's stream and its objections as they are now (not on a read model). ReleaseClaimForPayment is appended with the
 * stream's expected version: an objection appends ClaimObjectionReturned to the same stream, so of a release and an
 * objection racing only one is recorded. Event ids come from the claim and the version decided on, so a repeat after
 * a crash, or by a second worker, appends nothing twice.
 */
export async function releaseAfterNotice(deps: NoticeReleaseDeps, claimId: string, now: Date): Promise<NoticeRelease> {
  const streamId = toClaimStreamId(claimId);
  const day = shanghaiDateOf(now.toISOString());
  for (let attempt = 1; ; attempt++) {
    const { recorded, events, notice, objections } = await readClaimNotice(deps, claimId);
    const release = noticeReleaseOn(notice, objections.objections.map((o) => o.noticeRound), day);
    if (release.action !== 'RELEASE') return release;
    const command: ReleaseClaimForPayment = { type: 'ReleaseClaimForPayment', claimId, releasedOn: day, context: { actor: NOTICE_TIMER_ACTOR, now: now.toISOString() } };
    const decided = claimDecider.decide(command, fold(claimDecider, events));
    const version = recorded.length;
    const correlationId = deterministicUuid('notice-release', claimId.toLowerCase());
    try {
      // R-PAY-1: the release and its payout instructions (outbox) commit in one transaction.
      await appendClaimEvents(deps, {
        streamId,
        expectedVersion: version,
        events: decided.map((event, index) => {
          const serialised = deps.catalogue.serialise(event);
          return {
            eventId: deterministicUuid('notice-release', claimId.toLowerCase(), String(version), String(index)),
            type: serialised.type,
            schemaVersion: serialised.schemaVersion,
            data: serialised.data,
            metadata: { actor: NOTICE_TIMER_ACTOR, correlationId, causationId: null, occurredAt: now.toISOString() },
          };
        }),
      }, recorded, decided);
      return release;
    } catch (error) {
      // An objection or another worker came first: judge again on the claim as it is now.
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
