import {
  DomainError,
  claimDecider,
  claimErrors,
  lifecycleStatusOf,
  shanghaiDateOf,
  toClaimStreamId,
  type ApproveClaim,
  type AssignClaimReviewer,
  type CheckClaim,
  type ClaimEvent,
  type ClaimReviewCommand,
  type ClaimState,
  type UnassignClaimReviewer,
} from '@skills/domain';
import { policyInForceOn, policyVersionOf, reviewParametersOf } from '@skills/policy';
import type { RecordedEvent, StreamAppend } from '@skills/event-store';
import { appendClaimEvents, contextOf, decideAndAppend, deterministicUuid, hashCommand, loadStream, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { adjustedClaimOf } from './adjusted-claim';
import { reviewViewOf } from './read-claims.service';
import type { AssignReviewerForm, BulkQueueForm } from './review-forms';

/** What every review step answers: the claim's status and review after it, and whether it was done already (a retry). */
export function reviewOutcomeOf(state: ClaimState, claimId: string, alreadyDone: boolean) {
  if (state.status === 'absent') throw claimErrors.claimNotFound(claimId);
  return { claimId: claimId.toLowerCase(), status: lifecycleStatusOf(state), review: reviewViewOf(state), alreadyDone };
}
export type ReviewOutcome = ReturnType<typeof reviewOutcomeOf>;

/** One step on the claim's stream alone: load, decide, append at the version read, retried on a race. */
async function step(system: System, claimId: string, command: ClaimReviewCommand, envelope: CommandEnvelope, commandHash: string): Promise<ReviewOutcome> {
  // R-PAY-1: an approval with no notice releases the claim for payment: its payout instructions commit with it.
  const append = (append: StreamAppend, decided: readonly ClaimEvent[], recorded: readonly RecordedEvent[]) => appendClaimEvents(system, append, recorded, decided);
  const { state, events, alreadyAppended } = await decideAndAppend({ store: system.store, catalogue: system.catalogue, decider: claimDecider, streamId: toClaimStreamId(claimId), command, envelope, commandHash, append });
  return reviewOutcomeOf(state, claimId, alreadyAppended || events.length === 0);
}

/** R-CLAIM-3 first level: a reviewer checks. */
export function checkClaim(system: System, principal: Principal, claimId: string, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const command: CheckClaim = { type: 'CheckClaim', claimId, actorRoles: principal.roles, context: contextOf(envelope) };
  return step(system, claimId, command, envelope, hashCommand({ type: command.type, claimId: claimId.toLowerCase() }));
}

/**
 * R-CLAIM-3 second level: an approver approves. The notice period is the policy's in force on the approval day
 * (libs/policy review parameters: 7 days unless the version says otherwise, 0 releases for payment at once). An
 * adjustment claim is approved only once the claim it adjusts is released (R-GATE-4): its status is read here from
 * that claim's stream; released is final, so it cannot change back before the append.
 */
export async function approveClaim(system: System, principal: Principal, claimId: string, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const policy = policyInForceOn(system.policies.documents(), shanghaiDateOf(envelope.now));
  const { state } = await loadStream(system.store, system.catalogue, claimDecider, toClaimStreamId(claimId));
  const adjusted = state.status === 'adjustment' ? (await adjustedClaimOf(system, state.adjustment.adjusts.claimId)).state : undefined;
  const adjustedClaimStatus = adjusted && adjusted.status !== 'absent' ? { adjustedClaimStatus: lifecycleStatusOf(adjusted) } : {};
  const command: ApproveClaim = {
    type: 'ApproveClaim',
    claimId,
    noticeDays: reviewParametersOf(policy).noticeDays,
    policyVersion: policyVersionOf(policy),
    ...adjustedClaimStatus,
    actorRoles: principal.roles,
    context: contextOf(envelope),
  };
  // The notice period is looked up, not asked for: a retry under the same key is the same request whatever the policy says then.
  return step(system, claimId, command, envelope, hashCommand({ type: command.type, claimId: claimId.toLowerCase() }));
}

/** Take a claim of the queue (no assigneeId: yourself), or, as an administrator, give it to another reviewer. */
export async function assignReviewer(system: System, principal: Principal, claimId: string, form: AssignReviewerForm, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const assignee = (form.assigneeId ?? principal.userId).toLowerCase();
  const assigneeRoles = assignee === principal.userId.toLowerCase() ? principal.roles : await rolesOf(system, assignee);
  const command: AssignClaimReviewer = { type: 'AssignClaimReviewer', claimId, assignee, assigneeRoles, actorRoles: principal.roles, context: contextOf(envelope) };
  return step(system, claimId, command, envelope, hashCommand({ type: command.type, claimId: claimId.toLowerCase(), assignee }));
}

/** Put a claim back in the queue, unassigned: its assignee, or an administrator. */
export function unassignReviewer(system: System, principal: Principal, claimId: string, envelope: CommandEnvelope): Promise<ReviewOutcome> {
  const command: UnassignClaimReviewer = { type: 'UnassignClaimReviewer', claimId, actorRoles: principal.roles, context: contextOf(envelope) };
  return step(system, claimId, command, envelope, hashCommand({ type: command.type, claimId: claimId.toLowerCase() }));
}

/**
 * Bulk take or release: each claim its own command under a key derived from the request's Idempotency-Key and the claim,
 * so a retried bulk request changes nothing already done, and one claim's refusal leaves the others done. A broken rule
 * is that claim's result; anything else (the database gone) fails the request, and a retry finishes it.
 */
export async function bulkQueue(system: System, principal: Principal, form: BulkQueueForm, envelope: CommandEnvelope, action: 'assign' | 'unassign') {
  const results: ({ readonly claimId: string; readonly ok: true } & ReviewOutcome | { readonly claimId: string; readonly ok: false; readonly error: { code: string; message: string } })[] = [];
  for (const claimId of [...new Set(form.claimIds.map((id) => id.toLowerCase()))]) {
    const own: CommandEnvelope = { ...envelope, idempotencyKey: deterministicUuid(envelope.idempotencyKey, 'review-queue', action, claimId) };
    try {
      const outcome = action === 'assign' ? await assignReviewer(system, principal, claimId, {}, own) : await unassignReviewer(system, principal, claimId, own);
      results.push({ ...outcome, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ claimId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return { done: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
}

/**
 * The roles of the account a claim is given to. Accounts are configuration in libs/platform's `accounts` table; the
 * store has no read by id, so the row is read here (roles only).
 */
async function rolesOf(system: System, userId: string): Promise<string[]> {
  const { rows } = await system.db.query<{ roles: string[] }>('SELECT roles FROM accounts WHERE user_id = $1', [userId]);
  if (!rows[0]) {
    throw new DomainError('REVIEW.ASSIGNEE_UNKNOWN', 'there is no account with this id: choose a reviewer from the accounts list', 'rule', { ruleId: 'R-CLAIM-3' }, [
      { field: 'assigneeId', message: 'must be the id of an existing account' },
    ]);
  }
  return rows[0].roles;
}
