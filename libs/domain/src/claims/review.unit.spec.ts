import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { fold } from '../shared/decider';
import { given } from '../shared/testing/given-when-then';
import { claimDecider, type ClaimState } from './claim.decider';
import type { ClaimEvent } from './claim.events';
import { claimEvents } from './claims.catalogue';
import { lateAdjustmentPlan } from './claim-adjustment';
import { lifecycleStatusOf, reviewOf } from './review.evolve';
import { ACCOUNT_ID, CLAIM_ID, submitClaim } from './testing/claim-fixtures';
import { APPROVER_ID, NO_RULE_LINE_ID, OTHER_APPROVER_ID, REVIEWER_ID, approve, blockedClaim, certificationClaim, history, propose, submitted } from './testing/override-fixtures';
import {
  ADMIN_ID,
  BOTH_ROLES_ID,
  NOTE,
  NOTE_DIGEST,
  NOTE_ID,
  OBJECTION_ID,
  SECOND_REVIEWER_ID,
  adjustmentHistory,
  approveClaim,
  assign,
  check,
  objection,
  rejectClaim,
  releaseForPayment,
  returnClaim,
  unassign,
} from './testing/review-fixtures';

type Present = Exclude<ClaimState, { status: 'absent' }>;
const statusAfter = (events: readonly ClaimEvent[]) => lifecycleStatusOf(fold(claimDecider, events) as Present);
const ready = () => submitted(submitClaim());
const checked = () => history(ready(), check());
const inNotice = () => history(checked(), approveClaim());

describe('claim review (R-CLAIM-3)', () => {
  describe('first check by a reviewer', () => {
    it('R-CLAIM-3 a queued claim is checked by a reviewer, on the day of the command, and waits for approval', () => {
      expect(statusAfter(ready())).toBe('READY_FOR_REVIEW');
      given(claimDecider, ready()).when(check()).then([{ type: 'ClaimChecked', data: { claimId: CLAIM_ID, round: 1, checkedBy: REVIEWER_ID, checkedOn: '2021-05-12' } }]);
      expect(statusAfter(checked())).toBe('CHECKED');
    });

    it('R-CLAIM-3 the same check again is nothing (retry-safe); a second reviewer finds it checked', () => {
      given(claimDecider, checked()).when(check()).thenNothingHappens();
      given(claimDecider, checked()).when(check(SECOND_REVIEWER_ID)).thenThrows('REVIEW.WRONG_STATUS');
    });

    it('R-CLAIM-3 the submitter never checks its own claim, whatever its roles', () => {
      given(claimDecider, ready()).when(check(ACCOUNT_ID, ['REVIEWER'])).thenThrows('REVIEW.SUBMITTER_MAY_NOT_REVIEW');
    });

    it('R-CLAIM-3 an approver cannot check and a provider cannot either: the check is a reviewer\'s', () => {
      given(claimDecider, ready()).when(check(APPROVER_ID, ['APPROVER'])).thenThrows('REVIEW.ROLE_REQUIRED');
      given(claimDecider, ready()).when(check(ACCOUNT_ID, ['PROVIDER'])).thenThrows('REVIEW.ROLE_REQUIRED');
    });

    it('R-GATE-4 a claim waiting on outcomes or blocked is not in review: it cannot be checked', () => {
      given(claimDecider, submitted(blockedClaim())).when(check()).thenThrows('REVIEW.WRONG_STATUS');
    });
  });

  describe('approval by a second, different person', () => {
    it('R-CLAIM-3 approved on 2021-05-13 with a 7-day notice: the approval day does not count, 7 full days 05-14 … 05-20, total 190000 fen', () => {
      given(claimDecider, checked())
        .when(approveClaim())
        .then([{ type: 'ClaimApproved', data: { claimId: CLAIM_ID, round: 1, approvedBy: APPROVER_ID, approvedOn: '2021-05-13', policyVersion: 'JCCQ-2020-12.v1', noticeDays: 7, noticeEndsOn: '2021-05-20', totalFen: 190_000 } }]);
      expect(statusAfter(inNotice())).toBe('IN_NOTICE');
    });

    it('R-CLAIM-3 with a notice period of 0 the claim is released for payment in the same decision', () => {
      const events = given(claimDecider, checked())
        .when(approveClaim(APPROVER_ID, 0))
        .then([
          { type: 'ClaimApproved', data: { claimId: CLAIM_ID, round: 1, approvedBy: APPROVER_ID, approvedOn: '2021-05-13', policyVersion: 'JCCQ-2020-12.v1', noticeDays: 0, totalFen: 190_000 } },
          { type: 'ClaimReleasedForPayment', data: { claimId: CLAIM_ID, round: 1, releasedBy: APPROVER_ID, releasedOn: '2021-05-13', noticeEndsOn: null, totalFen: 190_000 } },
        ]);
      expect(statusAfter([...checked(), ...events])).toBe('RELEASED_FOR_PAYMENT');
    });

    it('R-CLAIM-3 the checker may not approve what it checked, even holding both roles: three different people', () => {
      const both = ['REVIEWER', 'APPROVER'];
      const checkedByBoth = history(ready(), check(BOTH_ROLES_ID, both));
      given(claimDecider, checkedByBoth).when(approveClaim(BOTH_ROLES_ID, 7, both)).thenThrows('REVIEW.CHECKER_MAY_NOT_APPROVE');
      given(claimDecider, checkedByBoth).when(approveClaim(APPROVER_ID)).then([expect.objectContaining({ type: 'ClaimApproved' })]);
    });

    it('R-CLAIM-3 the submitter may not approve, a reviewer cannot approve, and a queued claim needs its check first', () => {
      given(claimDecider, checked()).when(approveClaim(ACCOUNT_ID, 7, ['APPROVER'])).thenThrows('REVIEW.SUBMITTER_MAY_NOT_REVIEW');
      given(claimDecider, checked()).when(approveClaim(SECOND_REVIEWER_ID, 7, ['REVIEWER'])).thenThrows('REVIEW.ROLE_REQUIRED');
      given(claimDecider, ready()).when(approveClaim()).thenThrows('REVIEW.WRONG_STATUS');
    });

    it('R-CLAIM-3 the same approval again is nothing; another approver finds it decided', () => {
      given(claimDecider, inNotice()).when(approveClaim()).thenNothingHappens();
      given(claimDecider, inNotice()).when(approveClaim(OTHER_APPROVER_ID)).thenThrows('REVIEW.WRONG_STATUS');
    });
  });

  describe('R-CLAIM-4 overrides before approval', () => {
    const noRuleChecked = () => history(submitted(certificationClaim()), check());

    it('R-CLAIM-4 a "no rule" line without an approved override blocks the approval, naming the line', () => {
      const error = given(claimDecider, noRuleChecked()).when(approveClaim()).thenThrows('REVIEW.NO_RULE_LINE_NOT_OVERRIDDEN');
      expect(error.details).toMatchObject({ ruleId: 'R-CLAIM-4', lineIds: [NO_RULE_LINE_ID] });
    });

    it('R-CLAIM-4 an override waiting for its decision blocks the approval; once approved the line pays 300.00 + 450.00 yuan = 75000 fen', () => {
      const proposed = history(noRuleChecked(), propose());
      given(claimDecider, proposed).when(approveClaim()).thenThrows('REVIEW.OVERRIDE_AWAITING_APPROVAL');
      const overridden = history(proposed, approve({ context: { actor: OTHER_APPROVER_ID, now: '2021-05-12T03:00:00.000Z' } }));
      given(claimDecider, overridden).when(approveClaim()).then([expect.objectContaining({ type: 'ClaimApproved', data: expect.objectContaining({ totalFen: 75_000 }) })]);
    });

    it('R-CLAIM-4 a failed gate set aside by an approved override lets the claim through review; the override itself stays listed', () => {
      const released = history(submitted(blockedClaim()), propose({ target: { kind: 'GATE', gate: 'CERTIFICATION' } }), approve());
      expect(statusAfter(released)).toBe('READY_FOR_REVIEW');
      const events = history(released, check(SECOND_REVIEWER_ID), approveClaim(OTHER_APPROVER_ID));
      expect(statusAfter(events)).toBe('IN_NOTICE');
    });

    it('R-CLAIM-4 an approved claim can no longer be overridden', () => {
      given(claimDecider, history(submitted(certificationClaim()), check(), propose(), approve({ context: { actor: OTHER_APPROVER_ID, now: '2021-05-12T03:00:00.000Z' } }), approveClaim()))
        .when(propose({ overrideId: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c09', target: { kind: 'GATE', gate: 'PASS' } }))
        .thenThrows('REVIEW.CLAIM_DECIDED');
    });
  });

  describe('return and reject', () => {
    it('R-CLAIM-3 a reviewer returns a queued claim with a reason code; the text is sealed elsewhere, the event has its key, digest and length', () => {
      const events = given(claimDecider, ready())
        .when(returnClaim())
        .then([
          {
            type: 'ClaimReturned',
            data: {
              claimId: CLAIM_ID,
              round: 1,
              level: 'CHECK',
              returnedBy: REVIEWER_ID,
              returnedOn: '2021-05-12',
              reason: { code: 'RECORDS_INCOMPLETE', note: { vaultKey: NOTE_ID, digest: NOTE_DIGEST, length: [...NOTE].length } },
            },
          },
        ]);
      expect(JSON.stringify(events)).not.toContain('张某');
      expect(statusAfter([...ready(), ...events])).toBe('RETURNED');
      given(claimDecider, [...ready(), ...events]).when(returnClaim()).thenNothingHappens();
      given(claimDecider, [...ready(), ...events]).when(check()).thenThrows('REVIEW.WRONG_STATUS');
    });

    it('R-CLAIM-3 a reason needs a text of at least 5 characters, named by its field', () => {
      const error = given(claimDecider, ready()).when(returnClaim(REVIEWER_ID, ['REVIEWER'], '  补正 ')).thenThrows('REVIEW.REASON_TEXT_REQUIRED');
      expect(error.issues).toEqual([expect.objectContaining({ field: 'reason.text' })]);
    });

    it('R-CLAIM-3 at the approval level only an approver other than the checker returns or rejects', () => {
      const both = ['REVIEWER', 'APPROVER'];
      const checkedByBoth = history(ready(), check(BOTH_ROLES_ID, both));
      given(claimDecider, checkedByBoth).when(returnClaim(SECOND_REVIEWER_ID)).thenThrows('REVIEW.ROLE_REQUIRED');
      given(claimDecider, checkedByBoth).when(rejectClaim(BOTH_ROLES_ID, both)).thenThrows('REVIEW.CHECKER_MAY_NOT_APPROVE');
      given(claimDecider, checkedByBoth)
        .when(rejectClaim(APPROVER_ID, ['APPROVER']))
        .then([expect.objectContaining({ type: 'ClaimRejected', data: expect.objectContaining({ level: 'APPROVAL', rejectedBy: APPROVER_ID, paymentKeysReleased: 2 }) })]);
    });

    it('R-CLAIM-3 a rejected claim is final: nothing more can be decided on it', () => {
      const rejected = history(ready(), rejectClaim());
      expect(statusAfter(rejected)).toBe('REJECTED');
      given(claimDecider, rejected).when(check(SECOND_REVIEWER_ID)).thenThrows('REVIEW.WRONG_STATUS');
      given(claimDecider, rejected).when(returnClaim(SECOND_REVIEWER_ID)).thenThrows('REVIEW.WRONG_STATUS');
    });
  });

  describe('the notice period (for the notice board)', () => {
    it('R-CLAIM-3 released for payment only after the notice period: not on its last day 2021-05-20, on 2021-05-21; again is nothing', () => {
      given(claimDecider, inNotice()).when(releaseForPayment('2021-05-20')).thenThrows('REVIEW.NOTICE_NOT_ENDED');
      const events = given(claimDecider, inNotice())
        .when(releaseForPayment('2021-05-21'))
        .then([{ type: 'ClaimReleasedForPayment', data: { claimId: CLAIM_ID, round: 1, releasedBy: 'system:notice-timer', releasedOn: '2021-05-21', noticeEndsOn: '2021-05-20', totalFen: 190_000 } }]);
      given(claimDecider, [...inNotice(), ...events]).when(releaseForPayment('2021-05-22')).thenNothingHappens();
      given(claimDecider, checked()).when(releaseForPayment('2021-05-21')).thenThrows('REVIEW.WRONG_STATUS');
    });

    it('R-CLAIM-3 a release dated after today is a wiring mistake, refused', () => {
      expect(() => claimDecider.decide(releaseForPayment('2021-05-25', '2021-05-20'), fold(claimDecider, inNotice()))).toThrow(/not after today/);
    });

    it('R-CLAIM-3 the claim\'s stream records the notice, not the objector, as who sent it back: the objector stays on the notice stream', () => {
      const OBJECTOR = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c31';
      const events = given(claimDecider, inNotice())
        .when({ ...objection(), context: { actor: OBJECTOR, now: '2021-05-15T02:00:00.000Z' } })
        .then([{ type: 'ClaimObjectionReturned', data: { claimId: CLAIM_ID, objectionId: OBJECTION_ID, round: 2, returnedBy: 'system:notice', returnedOn: '2021-05-15' } }]);
      expect(JSON.stringify(events)).not.toContain(OBJECTOR);
    });

    it('R-CLAIM-3 an objection sends the claim back to the queue in round 2; the same objection again is nothing; the check starts again', () => {
      const events = given(claimDecider, inNotice())
        .when(objection())
        .then([{ type: 'ClaimObjectionReturned', data: { claimId: CLAIM_ID, objectionId: OBJECTION_ID, round: 2, returnedBy: 'system:notice', returnedOn: '2021-05-15' } }]);
      const back = [...inNotice(), ...events];
      expect(statusAfter(back)).toBe('READY_FOR_REVIEW');
      given(claimDecider, back).when(objection()).thenNothingHappens();
      given(claimDecider, back).when(approveClaim()).thenThrows('REVIEW.WRONG_STATUS');
      given(claimDecider, back).when(check()).then([expect.objectContaining({ type: 'ClaimChecked', data: expect.objectContaining({ round: 2 }) })]);
      given(claimDecider, checked()).when(objection()).thenThrows('REVIEW.WRONG_STATUS');
    });
  });

  describe('the queue: taking, releasing, reassigning', () => {
    it('R-CLAIM-3 a reviewer takes a queued claim; another reviewer can neither take nor check it; taking it again is nothing', () => {
      const taken = history(ready(), assign(REVIEWER_ID, REVIEWER_ID, ['REVIEWER']));
      expect(reviewOf(fold(claimDecider, taken))?.assignee).toBe(REVIEWER_ID);
      given(claimDecider, taken).when(assign(REVIEWER_ID, REVIEWER_ID, ['REVIEWER'])).thenNothingHappens();
      given(claimDecider, taken).when(assign(SECOND_REVIEWER_ID, SECOND_REVIEWER_ID, ['REVIEWER'])).thenThrows('REVIEW.ASSIGNED_TO_ANOTHER');
      given(claimDecider, taken).when(check(SECOND_REVIEWER_ID)).thenThrows('REVIEW.ASSIGNED_TO_ANOTHER');
      given(claimDecider, taken).when(unassign(SECOND_REVIEWER_ID)).thenThrows('REVIEW.NOT_YOUR_ASSIGNMENT');
      const released = history(taken, unassign(REVIEWER_ID));
      expect(reviewOf(fold(claimDecider, released))?.assignee).toBeNull();
      given(claimDecider, released).when(unassign(REVIEWER_ID)).thenNothingHappens();
    });

    it('R-CLAIM-3 an administrator reassigns to another reviewer, never to the submitter or to an approver while it waits for its check', () => {
      const taken = history(ready(), assign(REVIEWER_ID, REVIEWER_ID, ['REVIEWER']));
      given(claimDecider, taken)
        .when(assign(ADMIN_ID, SECOND_REVIEWER_ID, ['ADMIN']))
        .then([{ type: 'ClaimReviewerAssigned', data: { claimId: CLAIM_ID, round: 1, level: 'CHECK', assignee: SECOND_REVIEWER_ID, previousAssignee: REVIEWER_ID, assignedBy: ADMIN_ID, assignedOn: '2021-05-11' } }]);
      given(claimDecider, taken).when(assign(ADMIN_ID, APPROVER_ID, ['ADMIN'], ['APPROVER'])).thenThrows('REVIEW.ASSIGNEE_LACKS_ROLE');
      given(claimDecider, taken).when(assign(ADMIN_ID, ACCOUNT_ID, ['ADMIN'], ['REVIEWER'])).thenThrows('REVIEW.ASSIGNEE_MAY_NOT_REVIEW');
      given(claimDecider, taken).when(assign(REVIEWER_ID, SECOND_REVIEWER_ID, ['REVIEWER'])).thenThrows('REVIEW.ROLE_REQUIRED');
    });

    it('R-CLAIM-3 a checked claim waits for an approver: taken by one, never by its checker; the check clears the assignment', () => {
      const taken = history(ready(), assign(REVIEWER_ID, REVIEWER_ID, ['REVIEWER']), check());
      expect(reviewOf(fold(claimDecider, taken))?.assignee).toBeNull();
      given(claimDecider, taken).when(assign(APPROVER_ID, APPROVER_ID, ['APPROVER'], ['APPROVER'])).then([expect.objectContaining({ data: expect.objectContaining({ level: 'APPROVAL', assignee: APPROVER_ID }) })]);
      const both = ['REVIEWER', 'APPROVER'];
      given(claimDecider, history(ready(), check(BOTH_ROLES_ID, both))).when(assign(ADMIN_ID, BOTH_ROLES_ID, ['ADMIN'], both)).thenThrows('REVIEW.ASSIGNEE_MAY_NOT_REVIEW');
    });
  });

  describe('adjustment claims', () => {
    it('R-CLAIM-3 R-GATE-4 an adjustment claim is queued as raised and goes through the same review: 30000 fen approved', () => {
      expect(statusAfter(adjustmentHistory())).toBe('READY_FOR_REVIEW');
      const events = history(adjustmentHistory(), check(), { ...approveClaim(), adjustedClaimStatus: 'RELEASED_FOR_PAYMENT' });
      expect(events[events.length - 1]).toMatchObject({ type: 'ClaimApproved', data: { totalFen: 30_000, noticeEndsOn: '2021-05-20' } });
      given(claimDecider, history(adjustmentHistory(), check())).when(approveClaim(ACCOUNT_ID)).thenThrows('REVIEW.SUBMITTER_MAY_NOT_REVIEW');
    });

    it('R-CLAIM-3 an adjustment claim cannot be returned (there is nothing to resubmit), only approved or rejected', () => {
      given(claimDecider, adjustmentHistory()).when(returnClaim()).thenThrows('REVIEW.ADJUSTMENT_NOT_RETURNABLE');
      given(claimDecider, adjustmentHistory()).when(rejectClaim()).then([expect.objectContaining({ type: 'ClaimRejected', data: expect.objectContaining({ paymentKeysReleased: 1 }) })]);
    });
  });

  describe('late changes (R-GATE-4) after review', () => {
    const blockedLate = { claimId: CLAIM_ID, detectedOn: '2021-06-01', sequence: 1, before: { status: 'READY_FOR_REVIEW' as const, tier: null, gates: [] }, after: { status: 'BLOCKED' as const, tier: null, gates: [] }, message: 'a late fact' };
    const submittedState = (events: readonly ClaimEvent[]) => fold(claimDecider, events) as Extract<ClaimState, { status: 'submitted' }>;

    it('R-GATE-4 R-CLAIM-3 an approved claim gets its clawback claim; one in review, rejected or returned does not (decided in its review, pays nothing, or is computed again)', () => {
      expect(lateAdjustmentPlan(submittedState(inNotice()), blockedLate)).toEqual({ priceAt: null });
      expect(lateAdjustmentPlan(submittedState(checked()), blockedLate)).toBeNull();
      expect(lateAdjustmentPlan(submittedState(history(ready(), rejectClaim())), blockedLate)).toBeNull();
      expect(lateAdjustmentPlan(submittedState(history(ready(), returnClaim())), blockedLate)).toBeNull();
    });
  });

  describe('stored events', () => {
    const catalogue = new EventCatalogue().register(...claimEvents);

    it('R-CLAIM-3 every review event of a claim\'s life round-trips through the catalogue', () => {
      const events = history(ready(), assign(REVIEWER_ID, REVIEWER_ID, ['REVIEWER']), check(), approveClaim(), objection(), check(), approveClaim(APPROVER_ID, 0));
      for (const event of events) expect(catalogue.deserialise(catalogue.serialise(event))).toEqual(event);
    });

    it('R-CLAIM-3 an approval carries its notice end exactly when it has a notice period', () => {
      const data = { claimId: CLAIM_ID, round: 1, approvedBy: APPROVER_ID, approvedOn: '2021-05-13', policyVersion: 'JCCQ-2020-12.v1', noticeDays: 7, totalFen: 1 };
      expect(() => catalogue.serialise({ type: 'ClaimApproved', data })).toThrow(InvalidEventPayloadError);
      expect(() => catalogue.serialise({ type: 'ClaimApproved', data: { ...data, noticeDays: 0, noticeEndsOn: '2021-05-19' } })).toThrow(InvalidEventPayloadError);
    });

    it('R-CLAIM-3 a reason note cannot carry the text itself (strict events)', () => {
      const [event] = claimDecider.decide(returnClaim(), fold(claimDecider, ready()));
      const withText = { ...event!, data: { ...(event!.data as object), reason: { code: 'OTHER', note: { vaultKey: NOTE_ID, digest: NOTE_DIGEST, length: 3, text: NOTE } } } };
      expect(() => catalogue.serialise(withText)).toThrow(InvalidEventPayloadError);
    });
  });
});
