import { shanghaiDateOf } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { sameId } from '../training/cohort-roster';
import type { LodgeClaimObjection } from './claim-notice.commands';
import * as errors from './claim-notice.errors';
import type { ClaimNoticeEvent, ClaimObjectionLodged } from './claim-notice.events';
import { assertStatement, openPeriodFor } from './objection.rules';

export type LodgedObjection = ClaimObjectionLodged['data'];

/** The objections lodged against one claim, every notice round's. */
export interface ClaimObjectionsState {
  readonly objections: readonly LodgedObjection[];
}

/**
 * R-CLAIM-3 public notice (公示), on `claim-notice-<claimId>`: objections during the period. Sending the claim back to
 * review is the claim's own decision (ReturnClaimAfterObjection), appended with the objection in one transaction.
 */
export const claimNoticeDecider: Decider<LodgeClaimObjection, ClaimObjectionsState, ClaimNoticeEvent> = {
  initialState: () => ({ objections: [] }),
  decide(command, state) {
    return lodge(command, state);
  },
  evolve(state, event) {
    return { objections: [...state.objections, event.data] };
  },
};

function lodge(command: LodgeClaimObjection, state: ClaimObjectionsState): ClaimNoticeEvent[] {
  const lineIds = [...new Set(command.lineIds.map((id) => id.toLowerCase()))].sort();
  const existing = state.objections.find((o) => sameId(o.objectionId, command.objectionId));
  if (existing) {
    // The same objection again (a retry under the same Idempotency-Key) is nothing; other content under its id is a reused key.
    const retry = sameId(existing.lodgedBy, command.context.actor) && existing.reason === command.reason && existing.statement.digest === command.statement.digest && existing.lineIds.join() === lineIds.join();
    if (retry) return [];
    throw errors.objectionIdTaken(existing.objectionId);
  }
  const length = assertStatement(command.statement.text);
  const unknown = lineIds.find((id) => !command.claimLineIds.has(id));
  if (unknown) throw errors.lineNotOnClaim(unknown);
  const period = openPeriodFor(command.claimId, command.notice, command.context.now);
  const objectionId = command.objectionId.toLowerCase();
  return [
    {
      type: 'ClaimObjectionLodged',
      data: {
        objectionId,
        claimId: command.claimId.toLowerCase(),
        noticeRound: period.round,
        noticeEndsOn: period.endsOn,
        reason: command.reason,
        lineIds,
        statement: { vaultKey: objectionId, digest: command.statement.digest, length },
        lodgedBy: command.context.actor,
        lodgedOn: shanghaiDateOf(command.context.now),
      },
    },
  ];
}
