import type { ClaimEvent } from '../claim.events';
import type { ClaimAdjustmentRaised } from '../claim-adjustment.events';
import type { ApproveClaim, AssignClaimReviewer, CheckClaim, RejectClaim, ReleaseClaimForPayment, ReturnClaim, ReturnClaimAfterObjection, ResubmitClaim, UnassignClaimReviewer } from '../review.commands';
import { ACCOUNT_ID, CLAIM_ID, COHORT_ID, PERIOD, PROVIDER_ID, TRAINEES, submitClaim } from './claim-fixtures';
import { APPROVER_ID, REVIEWER_ID } from './override-fixtures';

/** R-CLAIM-3 cast: the claim's submitter is claim-fixtures' ACCOUNT_ID; REVIEWER_ID checks, APPROVER_ID approves. */
export const SECOND_REVIEWER_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c11';
/** One account holding both bureau roles: R-CLAIM-3 must still keep it from approving what it checked. */
export const BOTH_ROLES_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c12';
export const ADMIN_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c13';
export const NOTE_ID = 'c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';
export const OBJECTION_ID = 'd1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01';
export const NOTE_DIGEST = 'e'.repeat(64);
/** A reason of 14 characters, the kind of text that must never reach an event. */
export const NOTE = '学员张某考勤表缺少签字,请补正';

/** 2021-05-12 02:00 UTC is 10:00 in Shanghai; the day of each step is the second argument. */
const at = (actor: string, day: string) => ({ actor, now: `${day}T02:00:00.000Z` });

export const check = (actor = REVIEWER_ID, roles: readonly string[] = ['REVIEWER'], day = '2021-05-12'): CheckClaim => ({ type: 'CheckClaim', claimId: CLAIM_ID, actorRoles: roles, context: at(actor, day) });

export const approveClaim = (actor = APPROVER_ID, noticeDays = 7, roles: readonly string[] = ['APPROVER'], day = '2021-05-13'): ApproveClaim => ({
  type: 'ApproveClaim',
  claimId: CLAIM_ID,
  noticeDays,
  policyVersion: 'JCCQ-2020-12.v1',
  actorRoles: roles,
  context: at(actor, day),
});

const note = (text = NOTE) => ({ noteId: NOTE_ID, text, digest: NOTE_DIGEST });

export const returnClaim = (actor = REVIEWER_ID, roles: readonly string[] = ['REVIEWER'], text = NOTE): ReturnClaim => ({
  type: 'ReturnClaim',
  claimId: CLAIM_ID,
  reason: { code: 'RECORDS_INCOMPLETE', note: note(text) },
  actorRoles: roles,
  context: at(actor, '2021-05-12'),
});

export const rejectClaim = (actor = REVIEWER_ID, roles: readonly string[] = ['REVIEWER']): RejectClaim => ({
  type: 'RejectClaim',
  claimId: CLAIM_ID,
  reason: { code: 'NOT_ELIGIBLE', note: note() },
  actorRoles: roles,
  context: at(actor, '2021-05-12'),
});

export const assign = (actor: string, assignee: string, roles: readonly string[], assigneeRoles: readonly string[] = ['REVIEWER']): AssignClaimReviewer => ({
  type: 'AssignClaimReviewer',
  claimId: CLAIM_ID,
  assignee,
  assigneeRoles,
  actorRoles: roles,
  context: at(actor, '2021-05-11'),
});

export const unassign = (actor: string, roles: readonly string[] = ['REVIEWER']): UnassignClaimReviewer => ({ type: 'UnassignClaimReviewer', claimId: CLAIM_ID, actorRoles: roles, context: at(actor, '2021-05-11') });

export const releaseForPayment = (releasedOn: string, today = releasedOn): ReleaseClaimForPayment => ({ type: 'ReleaseClaimForPayment', claimId: CLAIM_ID, releasedOn, context: at('system:notice-timer', today) });

export const objection = (objectionId = OBJECTION_ID): ReturnClaimAfterObjection => ({ type: 'ReturnClaimAfterObjection', claimId: CLAIM_ID, objectionId, context: at('system:notice', '2021-05-15') });

/** The submitter's resubmission on 2021-05-20, computed again (by default as submitClaim computes it). */
export function resubmit(overrides: Partial<ResubmitClaim> = {}): ResubmitClaim {
  const { gates, lines, period, submittedBy } = submitClaim();
  return { type: 'ResubmitClaim', claimId: CLAIM_ID, submittedBy, period, gates, lines, context: at(ACCOUNT_ID, '2021-05-20'), ...overrides };
}

/** An adjustment claim (R-GATE-4) raised on 2021-09-20 with one TOP_UP of 30000 fen; its own stream's first event. */
export function adjustmentRaised(): ClaimAdjustmentRaised {
  const paying = (amountFen: number) => ({ ruleId: 'R-FREE-4' as const, amountFen, payee: { kind: 'PROVIDER' as const, id: PROVIDER_ID }, policyVersion: 'JCCQ-2020-12.v1', arithmetic: `${amountFen / 100}.00 yuan` });
  return {
    type: 'ClaimAdjustmentRaised',
    data: {
      claimId: CLAIM_ID,
      adjusts: { claimId: 'f1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01', flagSequence: 1 },
      scheme: 'R-FREE-4',
      subject: { kind: 'COHORT', id: COHORT_ID },
      period: PERIOD,
      submittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER_ID }, accountId: ACCOUNT_ID },
      raisedOn: '2021-09-20',
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      before: { status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK' },
      after: { status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' },
      reason: 'a fact recorded after the decision changed the outcome gates',
      lines: [
        {
          lineId: 'f2b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c01',
          adjustsLineId: '00000000-0000-4000-8000-000000000000',
          labourerId: TRAINEES[0],
          period: PERIOD,
          payee: { kind: 'PROVIDER', id: PROVIDER_ID },
          direction: 'TOP_UP',
          amountFen: 30_000,
          paymentKey: 'f'.repeat(64),
          policyVersion: 'JCCQ-2020-12.v1',
          explanation: { before: paying(100_000), after: paying(130_000), arithmetic: '1300.00 − 1000.00 = 300.00 yuan', policyVersion: 'JCCQ-2020-12.v1' },
        },
      ],
      topUpFen: 30_000,
      clawbackFen: 0,
    },
  };
}

export const adjustmentHistory = (): ClaimEvent[] => [adjustmentRaised()];
