import { DomainError } from '../shared/domain-error';

/** Errors of the R-CLAIM-3 review. None echoes a reviewer's written reason: it may name a person. */
const R3 = { ruleId: 'R-CLAIM-3' } as const;
const R4 = { ruleId: 'R-CLAIM-4' } as const;

/** The claim is not at the step the action needs (another reviewer acted first, or it is decided). */
export const wrongStatus = (claimId: string, status: string, action: string, needs: readonly string[]) =>
  new DomainError('REVIEW.WRONG_STATUS', `this claim is ${status}: it can be ${action} only while ${needs.join(' or ')}. Reload it to see who acted`, 'conflict', { ...R3, claimId, status, needs });

export const roleRequired = (role: string, action: string) =>
  new DomainError('REVIEW.ROLE_REQUIRED', `only an account with the ${role} role can ${action} this claim at its current step (R-CLAIM-3)`, 'forbidden', { ...R3, role });

export const submitterMayNotReview = () =>
  new DomainError('REVIEW.SUBMITTER_MAY_NOT_REVIEW', 'you submitted this claim, so you may not check, approve, return or reject it: the submitter, the checker and the approver are three different people (R-CLAIM-3)', 'rule', R3);

export const checkerMayNotApprove = () =>
  new DomainError(
    'REVIEW.CHECKER_MAY_NOT_APPROVE',
    'you checked this claim, so a second, different person must decide on its approval: the submitter, the checker and the approver are three different people (R-CLAIM-3)',
    'rule',
    R3,
  );

export const assignedToAnother = (claimId: string, assignee: string) =>
  new DomainError('REVIEW.ASSIGNED_TO_ANOTHER', 'another reviewer has taken this claim: ask them or an administrator to release or reassign it', 'conflict', { ...R3, claimId, assignee });

export const notYourAssignment = (claimId: string) =>
  new DomainError('REVIEW.NOT_YOUR_ASSIGNMENT', 'only the reviewer who took this claim, or an administrator, can release it', 'forbidden', { ...R3, claimId });

export const assigneeLacksRole = (role: string) =>
  new DomainError('REVIEW.ASSIGNEE_LACKS_ROLE', `the claim waits for a step only an account with the ${role} role takes: choose such an account`, 'rule', { ...R3, role }, [
    { field: 'assigneeId', message: `must be an account with the ${role} role` },
  ]);

export const assigneeMayNotReview = (why: 'SUBMITTER' | 'CHECKER') =>
  new DomainError(
    'REVIEW.ASSIGNEE_MAY_NOT_REVIEW',
    why === 'SUBMITTER' ? 'this account submitted the claim and may not review it (R-CLAIM-3): choose another reviewer' : 'this account checked the claim and may not approve it (R-CLAIM-3): choose another approver',
    'rule',
    R3,
    [{ field: 'assigneeId', message: 'must be neither the submitter nor, for the approval, the checker' }],
  );

/** R-CLAIM-4: a "no rule" line is paid only through an approved override. */
export const noRuleLinesOpen = (lineIds: readonly string[]) =>
  new DomainError(
    'REVIEW.NO_RULE_LINE_NOT_OVERRIDDEN',
    `${lineIds.length} "no rule" line(s) have no approved override: propose one with a written justification (POST /api/claims/{id}/overrides) and have it approved, or return or reject the claim (R-CLAIM-4)`,
    'rule',
    { ...R4, lineIds },
  );

/** R-CLAIM-4: a failed gate is set aside only by an approved override. */
export const failedGatesOpen = (gates: readonly string[], since?: 'LATE_CHANGE') =>
  new DomainError(
    'REVIEW.FAILED_GATE_NOT_OVERRIDDEN',
    `the ${gates.join(', ')} gate(s) failed${since ? ' after the claim was submitted (a late fact, R-GATE-4)' : ''} and no approved override sets them aside (R-CLAIM-4): the claim cannot be approved`,
    'rule',
    { ...R4, gates, ...(since ? { since } : {}) },
  );

export const overridesAwaitingApproval = (overrideIds: readonly string[]) =>
  new DomainError('REVIEW.OVERRIDE_AWAITING_APPROVAL', `${overrideIds.length} override(s) of this claim wait for a decision: approve or reject them first (R-CLAIM-4)`, 'conflict', { ...R4, overrideIds });

export const reasonTextRequired = () =>
  new DomainError('REVIEW.REASON_TEXT_REQUIRED', 'write why, for the submitter and the record: a reason code and a text of at least 5 characters', 'validation', R3, [
    { field: 'reason.text', message: 'write at least 5 characters: what is wrong and what to do' },
  ]);

export const reasonTextTooLong = (maximum: number) =>
  new DomainError('REVIEW.REASON_TEXT_TOO_LONG', `a reason's text is at most ${maximum} characters: longer evidence goes to the claim's files`, 'validation', R3, [
    { field: 'reason.text', message: `shorten it to ${maximum} characters` },
  ]);

export const notSubmittersOrganisation = (claimId: string) =>
  new DomainError('REVIEW.NOT_YOUR_CLAIM', 'only the organisation that submitted this claim can resubmit it', 'forbidden', { ...R3, claimId });

export const resubmissionNotReady = (status: string, gates: readonly string[]) =>
  new DomainError(
    'REVIEW.RESUBMISSION_NOT_READY',
    `computed again from the records today, the claim is ${status} (${gates.join(', ') || 'no gate'} not holding): it is not resubmitted and stays returned. Record the missing outcomes, or ask the bureau to reject it and claim again later`,
    'rule',
    { ruleId: 'R-GATE-4', status, gates },
  );

export const resubmissionTierChanged = (before: string | null, after: string | null) =>
  new DomainError(
    'REVIEW.RESUBMISSION_TIER_CHANGED',
    `computed again today the claim's R-FREE-4 tier would be ${after ?? 'none'}, not ${before ?? 'none'} as decided: a decided tier is not changed by a resubmission (R-GATE-4). Ask the bureau to reject the claim and claim again`,
    'rule',
    { ruleId: 'R-GATE-4', before, after },
  );

export const adjustmentNotReturnable = () =>
  new DomainError(
    'REVIEW.ADJUSTMENT_NOT_RETURNABLE',
    'an adjustment claim is computed by the system from a late change (R-GATE-4), so there is nothing for its organisation to resubmit: approve it or reject it; a corrected record raises an adjustment of its own',
    'rule',
    R3,
  );

export const hasAdjustments = (adjustmentClaimIds: readonly string[]) =>
  new DomainError(
    'REVIEW.HAS_ADJUSTMENTS',
    'adjustment claims were raised for this claim\'s late changes (R-GATE-4): computing it again on resubmission would pay those changes twice, so it cannot be returned while they stand. Reject them first, or approve this claim',
    'rule',
    { ...R3, adjustmentClaimIds },
  );

/** R-CLAIM-3 with R-GATE-4: an adjustment never outlives the claim it adjusts. */
export const hasOpenAdjustments = (adjustmentClaimIds: readonly string[]) =>
  new DomainError(
    'REVIEW.HAS_OPEN_ADJUSTMENTS',
    `${adjustmentClaimIds.length} adjustment claim(s) of this claim's late changes still stand (R-GATE-4): reject them first (they cannot be approved before this claim is released), then reject this claim`,
    'rule',
    { ...R3, adjustmentClaimIds },
  );

/** R-GATE-4: an adjustment pays a change to what an approved claim pays, so the claim must be paid as approved first. */
export const adjustedClaimNotReleased = (adjustedClaimId: string, status: string) =>
  new DomainError(
    'REVIEW.ADJUSTED_CLAIM_NOT_RELEASED',
    `the claim this adjustment adjusts is ${status}: an adjustment is approved only once that claim is released for payment (R-GATE-4). Wait for its release, or reject this adjustment`,
    'rule',
    { ruleId: 'R-GATE-4', adjustedClaimId, status },
  );

/** R-GATE-4 with R-CLAIM-2: a later adjustment was computed from this one's figures, so it must go first. */
export const laterAdjustmentStands = (adjustmentClaimIds: readonly string[]) =>
  new DomainError(
    'REVIEW.LATER_ADJUSTMENT_STANDS',
    'a later adjustment of the same claim was computed on top of this one: reject the later one first (newest first), or approve this one',
    'rule',
    { ruleId: 'R-GATE-4', adjustmentClaimIds },
  );

/** R-GATE-4: a late fact changed the outcome of a claim still in review; approving it would pay the old figures. */
export const lateOutcomeChanged = (decided: { status: string; tier: string | null }, now: { status: string; tier: string | null }) =>
  new DomainError(
    'REVIEW.LATE_OUTCOME_CHANGED',
    `since this claim was decided its gates changed: they now give ${now.status}${now.tier ? ` at the ${now.tier} tier` : ''}, not ${decided.status}${decided.tier ? ` at the ${decided.tier} tier` : ''} (R-GATE-4). It cannot be approved on its old figures: wait while a gate is open again, return it for the submitter to resubmit it computed again, or reject it`,
    'rule',
    { ruleId: 'R-GATE-4', decided, now },
  );

export const noticeNotEnded = (claimId: string, noticeEndsOn: string) =>
  new DomainError('REVIEW.NOTICE_NOT_ENDED', `the notice period of this claim runs until ${noticeEndsOn} (its last full day): it is released for payment from the day after`, 'conflict', { ...R3, claimId, noticeEndsOn });

export const claimDecided = (claimId: string, status: string) =>
  new DomainError('REVIEW.CLAIM_DECIDED', `this claim is ${status}: its lines and gates can no longer be overridden (R-CLAIM-4)`, 'conflict', { ...R4, claimId, status });
