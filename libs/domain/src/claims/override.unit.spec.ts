import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { fold } from '../shared/decider';
import { given } from '../shared/testing/given-when-then';
import { claimDecider, type ClaimState } from './claim.decider';
import type { ClaimEvent } from './claim.events';
import { claimEvents } from './claims.catalogue';
import { overrideFlagsOf } from './override-flags';
import { ACCOUNT_ID, CLAIM_ID, PROVIDER_ID, amountLine, gate, pendingLine, refusedLine, submitClaim } from './testing/claim-fixtures';
import { BOTH_ROLES_ID, check, resubmit, returnClaim } from './testing/review-fixtures';
import {
  APPROVER_ID,
  DIGEST,
  JUSTIFICATION,
  NO_RULE_LINE_ID,
  OTHER_APPROVER_ID,
  OVERRIDE_ID,
  REVIEWER_ID,
  SECOND_OVERRIDE_ID,
  approve,
  blockedClaim,
  certificationClaim,
  history,
  noRuleLine,
  propose,
  reject,
  submitted,
} from './testing/override-fixtures';

const stateOf = (events: readonly ClaimEvent[]) => fold(claimDecider, events) as Extract<ClaimState, { status: 'submitted' }>;
const gateTarget = (gateId: 'PASS' | 'CERTIFICATION' | 'EMPLOYMENT' | 'EMPLOYMENT_FALLBACK') => ({ kind: 'GATE' as const, gate: gateId });

describe('claim overrides (R-CLAIM-4)', () => {
  describe('proposing', () => {
    it('R-CLAIM-4 records the "no rule" line, the amount, the justification by vault key and digest, and the proposer: never the text', () => {
      const [event] = given(claimDecider, submitted(certificationClaim())).when(propose()).then([
        {
          type: 'ClaimOverrideProposed',
          data: {
            overrideId: OVERRIDE_ID,
            claimId: CLAIM_ID,
            target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 45_000 },
            justification: { vaultKey: OVERRIDE_ID, digest: DIGEST, length: [...JUSTIFICATION].length },
            proposedBy: REVIEWER_ID,
            proposedOn: '2021-05-12',
          },
        },
      ]);
      const stored = JSON.stringify(new EventCatalogue().register(...claimEvents).serialise(event!));
      expect(stored).not.toContain(JUSTIFICATION.slice(0, 5));
    });

    it('R-CLAIM-4 the stored proposal refuses a justification text or a fractional amount (strict schema)', () => {
      const catalogue = new EventCatalogue().register(...claimEvents);
      const [event] = claimDecider.decide(propose(), stateOf(submitted(certificationClaim())));
      const data = event!.data as Record<string, unknown>;
      expect(() => catalogue.serialise({ type: 'ClaimOverrideProposed', data: { ...data, justification: { ...(data['justification'] as object), text: JUSTIFICATION } } })).toThrow(InvalidEventPayloadError);
      expect(() => catalogue.serialise({ type: 'ClaimOverrideProposed', data: { ...data, target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 450.5 } } })).toThrow(InvalidEventPayloadError);
      expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event!))))).toEqual(event);
    });

    it('R-CLAIM-4 a proposal alone changes nothing on the claim: the line stays "no rule" and the total stays 300.00 yuan', () => {
      const state = stateOf(history(submitted(certificationClaim()), propose()));
      expect(state.claim.lines[1]).toMatchObject({ outcome: 'NO_RULE' });
      expect(state.claim.totalFen).toBe(30_000);
      expect(overrideFlagsOf(state.overrides)).toEqual({ overridden: false, overriddenLineIds: [], overriddenGates: [], awaitingApproval: [OVERRIDE_ID] });
    });

    it('R-CLAIM-4 only an account with the REVIEWER role may propose: an approver or an admin alone may not', () => {
      const claim = submitted(certificationClaim());
      for (const roles of [['APPROVER'], ['ADMIN'], ['PROVIDER']]) {
        const error = given(claimDecider, claim).when(propose({ actorRoles: roles })).thenThrows('OVERRIDE.ROLE_REQUIRED');
        expect(error.kind).toBe('forbidden');
      }
    });

    it('R-CLAIM-3 the claim\'s submitter may not propose an override of it, whatever their roles', () => {
      given(claimDecider, submitted(certificationClaim())).when(propose({ actorRoles: ['REVIEWER'], context: { actor: ACCOUNT_ID, now: '2021-05-12T02:00:00.000Z' } })).thenThrows('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW');
    });

    it('R-CLAIM-4 needs a written justification of at least 20 characters, counted as characters, and never echoes it', () => {
      const claim = submitted(certificationClaim());
      const short = 'x'.repeat(19);
      const error = given(claimDecider, claim).when(propose({ justification: { text: short, digest: DIGEST } })).thenThrows('OVERRIDE.JUSTIFICATION_REQUIRED');
      expect(error.issues.map((i) => i.field)).toEqual(['justification']);
      expect(JSON.stringify({ message: error.message, details: error.details, issues: error.issues })).not.toContain(short);
      given(claimDecider, claim).when(propose({ justification: { text: `  ${' '.repeat(30)}  `, digest: DIGEST } })).thenThrows('OVERRIDE.JUSTIFICATION_REQUIRED');
      // Twenty Chinese characters are 60 bytes but 20 characters: enough.
      const [event] = claimDecider.decide(propose({ justification: { text: '核'.repeat(20), digest: DIGEST } }), stateOf(claim));
      expect(event!.data).toMatchObject({ justification: { length: 20 } });
    });

    it('R-CLAIM-4 the amount is whole fen, zero or more: -1 and 450.5 are refused naming target.amountFen, 0 is accepted', () => {
      const claim = submitted(certificationClaim());
      for (const amountFen of [-1, 450.5, Number.NaN]) {
        const error = given(claimDecider, claim).when(propose({ target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen } })).thenThrows('OVERRIDE.AMOUNT_INVALID');
        expect(error.issues.map((i) => i.field)).toEqual(['target.amountFen']);
      }
      expect(claimDecider.decide(propose({ target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 0 } }), stateOf(claim))).toHaveLength(1);
    });

    it('R-CLAIM-4 a line whose explanation records a cap cannot be overridden above it: at the cap passes, one fen over fails', () => {
      const claim = submitted(certificationClaim({ lines: [amountLine(0, 30_000, 'R-CERT-2'), noRuleLine(1, { limitFen: 100_000 })] }));
      expect(claimDecider.decide(propose({ target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 100_000 } }), stateOf(claim))).toHaveLength(1);
      const error = given(claimDecider, claim).when(propose({ target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 100_001 } })).thenThrows('OVERRIDE.AMOUNT_ABOVE_CAP');
      expect(error.details).toMatchObject({ capFen: 100_000 });
      expect(error.issues).toEqual([{ field: 'target.amountFen', message: 'propose at most 100000 fen' }]);
    });

    it('R-CLAIM-4 refuses to override a line its rule computed (an amount or a refusal), naming target.lineId and the fix', () => {
      const claim = submitted(certificationClaim({ lines: [amountLine(0, 30_000, 'R-CERT-2'), noRuleLine(1), { ...refusedLine(2), ruleId: 'R-CERT-2' }] }));
      const amount = given(claimDecider, claim).when(propose({ target: { kind: 'LINE', lineId: '00000000-0000-4000-8000-000000000000', amountFen: 1 } })).thenThrows('OVERRIDE.LINE_NOT_NO_RULE');
      expect(amount.details).toMatchObject({ outcome: 'AMOUNT' });
      expect(amount.issues).toEqual([{ field: 'target.lineId', message: 'choose a line whose outcome is NO_RULE' }]);
      given(claimDecider, claim).when(propose({ target: { kind: 'LINE', lineId: '00000000-0000-4000-8000-000000000002', amountFen: 1 } })).thenThrows('OVERRIDE.LINE_NOT_NO_RULE');
      given(claimDecider, claim).when(propose({ target: { kind: 'LINE', lineId: '00000000-0000-4000-8000-000000000009', amountFen: 1 } })).thenThrows('OVERRIDE.LINE_NOT_ON_CLAIM');
    });

    it('R-CLAIM-4 refuses to override a gate that holds or is still open, or one the claim does not have', () => {
      const open = submitted(blockedClaim({ gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'OPEN'), gate('EMPLOYMENT', 'FAILED', 30)] }));
      const holding = given(claimDecider, open).when(propose({ target: gateTarget('PASS') })).thenThrows('OVERRIDE.GATE_NOT_FAILED');
      expect(holding.issues.map((i) => i.field)).toEqual(['target.gate']);
      expect(given(claimDecider, open).when(propose({ target: gateTarget('CERTIFICATION') })).thenThrows('OVERRIDE.GATE_NOT_FAILED').message).toContain('wait until its window closes');
      const none = given(claimDecider, submitted(certificationClaim())).when(propose({ target: gateTarget('CERTIFICATION') })).thenThrows('OVERRIDE.GATE_NOT_ON_CLAIM');
      expect(none.issues.map((i) => i.field)).toEqual(['target.gate']);
    });

    it('R-FREE-4 the 80% gate decides the amounts, so it is not overridden; the fallback tier\'s failed gate is', () => {
      const undecided = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'FAILED', 80), gate('EMPLOYMENT_FALLBACK', 'FAILED', 30)];
      const fellBack = submitted(submitClaim({ scheme: 'R-FREE-4', gates: undecided, lines: [amountLine(0, 100_000, 'R-FREE-3')] }));
      given(claimDecider, fellBack).when(propose({ target: gateTarget('EMPLOYMENT') })).thenThrows('OVERRIDE.GATE_NOT_ON_CLAIM');
      const open = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING'), gate('EMPLOYMENT', 'OPEN', 80), gate('EMPLOYMENT_FALLBACK', 'OPEN', 30)];
      const waiting = stateOf(submitted(submitClaim({ scheme: 'R-FREE-4', gates: open, lines: [pendingLine(0)] })));
      // As a gate evaluator could leave it: the 80% gate failed on a claim still at the undecided tier.
      const failedTierGate = { ...waiting, claim: { ...waiting.claim, gates: waiting.claim.gates.map((g) => (g.gate === 'EMPLOYMENT' ? { ...g, status: 'FAILED' as const } : g)) } };
      expect(() => claimDecider.decide(propose({ target: gateTarget('EMPLOYMENT') }), failedTierGate)).toThrow('the 80% employment gate decides the R-FREE-4 tier');
      expect(claimDecider.decide(propose({ target: gateTarget('EMPLOYMENT_FALLBACK') }), stateOf(fellBack))).toHaveLength(1);
    });

    it('R-CLAIM-4 one open override per target: a second is refused naming the open one; another target is free', () => {
      const open = history(submitted(certificationClaim()), propose());
      const error = given(claimDecider, open).when(propose({ overrideId: SECOND_OVERRIDE_ID, target: { kind: 'LINE', lineId: NO_RULE_LINE_ID.toUpperCase(), amountFen: 60_000 } })).thenThrows('OVERRIDE.ALREADY_OPEN');
      expect(error.details).toMatchObject({ overrideId: OVERRIDE_ID });
      const blocked = history(submitted(blockedClaim()), propose({ target: gateTarget('CERTIFICATION') }));
      given(claimDecider, blocked).when(propose({ overrideId: SECOND_OVERRIDE_ID, target: gateTarget('CERTIFICATION') })).thenThrows('OVERRIDE.ALREADY_OPEN');
    });

    it('R-CLAIM-4 after a rejection the target may be proposed again; after an approval it is overridden already', () => {
      const rejected = history(submitted(certificationClaim()), propose(), reject());
      expect(claimDecider.decide(propose({ overrideId: SECOND_OVERRIDE_ID }), stateOf(rejected))).toHaveLength(1);
      const approved = history(submitted(certificationClaim()), propose(), approve());
      // The line is an amount now, so the rule that names it is "already approved", not "not a no-rule line".
      given(claimDecider, approved).when(propose({ overrideId: SECOND_OVERRIDE_ID })).thenThrows('OVERRIDE.ALREADY_APPROVED');
    });

    it('R-CLAIM-4 the same proposal again is nothing (a retry); another under the same id is a conflict', () => {
      const open = history(submitted(certificationClaim()), propose());
      given(claimDecider, open).when(propose()).thenNothingHappens();
      given(claimDecider, open).when(propose({ target: { kind: 'LINE', lineId: NO_RULE_LINE_ID, amountFen: 1 } })).thenThrows('OVERRIDE.ID_TAKEN');
    });

    it('R-CLAIM-4 a claim that was never submitted has nothing to override', () => {
      given(claimDecider).when(propose()).thenThrows('CLAIM.NOT_FOUND');
    });
  });

  describe('approving and rejecting', () => {
    it('R-CLAIM-4 an approved "no rule" override sets the line\'s amount and the total, and the claim is flagged', () => {
      const events = history(submitted(certificationClaim()), propose());
      given(claimDecider, events).when(approve()).then([
        {
          type: 'ClaimOverrideApproved',
          data: { overrideId: OVERRIDE_ID, claimId: CLAIM_ID, approvedBy: APPROVER_ID, approvedOn: '2021-05-13', claimStatus: 'READY_FOR_REVIEW', claimTotalFen: 75_000 },
        },
      ]);
      const state = stateOf(history(events, approve()));
      expect(state.claim.lines[1]).toMatchObject({ lineId: NO_RULE_LINE_ID, outcome: 'AMOUNT', amountFen: 45_000, paymentKey: '2'.repeat(64) });
      expect(state.claim.lines[1]).not.toHaveProperty('reason');
      expect(state.claim.totalFen).toBe(75_000);
      expect(overrideFlagsOf(state.overrides)).toEqual({ overridden: true, overriddenLineIds: [NO_RULE_LINE_ID], overriddenGates: [], awaitingApproval: [] });
      expect(state.overrides[0]).toMatchObject({ status: 'APPROVED', proposedBy: REVIEWER_ID, decision: { by: APPROVER_ID, on: '2021-05-13' } });
    });

    it('R-CLAIM-4 R-GATE-4 an approved override of the failed gate moves a blocked claim to ready for review, flagged', () => {
      const events = history(submitted(blockedClaim()), propose({ target: gateTarget('CERTIFICATION') }), approve());
      const state = stateOf(events);
      expect(state.claim.status).toBe('READY_FOR_REVIEW');
      // The gate's figures stay as they failed: the override sets them aside, it does not rewrite them.
      expect(state.claim.gates.find((g) => g.gate === 'CERTIFICATION')).toMatchObject({ status: 'FAILED' });
      expect(state.claim.totalFen).toBe(190_000);
      expect(overrideFlagsOf(state.overrides)).toMatchObject({ overridden: true, overriddenGates: ['CERTIFICATION'] });
    });

    it('R-CLAIM-4 R-GATE-4 with a gate still open the overridden claim waits; with two failed gates each needs its own override', () => {
      const waiting = history(submitted(blockedClaim({ gates: [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'OPEN', 30)] })), propose({ target: gateTarget('CERTIFICATION') }), approve());
      expect(stateOf(waiting).claim.status).toBe('WAITING_ON_OUTCOMES');
      const twoFailed = submitted(blockedClaim({ gates: [gate('PASS', 'FAILED', 95), gate('CERTIFICATION', 'FAILED'), gate('EMPLOYMENT', 'HOLDING', 30)] }));
      const one = history(twoFailed, propose({ target: gateTarget('CERTIFICATION') }), approve());
      expect(stateOf(one).claim.status).toBe('BLOCKED');
      const both = history(one, propose({ overrideId: SECOND_OVERRIDE_ID, target: gateTarget('PASS') }), approve({ overrideId: SECOND_OVERRIDE_ID }));
      expect(stateOf(both).claim.status).toBe('READY_FOR_REVIEW');
      expect(overrideFlagsOf(stateOf(both).overrides).overriddenGates).toEqual(['CERTIFICATION', 'PASS']);
    });

    it('R-CLAIM-4 the proposer may not approve or reject their own override, even holding the approver role', () => {
      const events = history(submitted(certificationClaim()), propose({ actorRoles: ['REVIEWER', 'APPROVER'] }));
      const self = { actorRoles: ['REVIEWER', 'APPROVER'], context: { actor: REVIEWER_ID, now: '2021-05-13T02:00:00.000Z' } };
      given(claimDecider, events).when(approve(self)).thenThrows('OVERRIDE.PROPOSER_MAY_NOT_DECIDE');
      given(claimDecider, events).when(reject(self)).thenThrows('OVERRIDE.PROPOSER_MAY_NOT_DECIDE');
    });

    it('R-CLAIM-3 the claim\'s submitter may not approve an override of it', () => {
      const events = history(submitted(certificationClaim()), propose());
      given(claimDecider, events).when(approve({ context: { actor: ACCOUNT_ID, now: '2021-05-13T02:00:00.000Z' } })).thenThrows('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW');
    });

    it('R-CLAIM-3 whoever resubmitted the claim may neither propose nor decide an override of it, like its submitter', () => {
      const RESUBMITTER = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c21';
      const again = resubmit({ submittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER_ID }, accountId: RESUBMITTER }, gates: [], lines: certificationClaim().lines });
      const events = history(submitted(certificationClaim()), returnClaim(), again);
      const as = (roles: string[]) => ({ actorRoles: roles, context: { actor: RESUBMITTER, now: '2021-05-21T02:00:00.000Z' } });
      given(claimDecider, events).when(propose(as(['REVIEWER']))).thenThrows('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW');
      const proposed = history(events, propose({ context: { actor: REVIEWER_ID, now: '2021-05-21T02:00:00.000Z' } }));
      given(claimDecider, proposed).when(approve(as(['APPROVER']))).thenThrows('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW');
      given(claimDecider, proposed).when(reject(as(['APPROVER']))).thenThrows('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW');
    });

    it('R-CLAIM-4 R-CLAIM-3 the claim\'s checker in this round may not approve its override: the second reviewer is a third person', () => {
      const both = ['REVIEWER', 'APPROVER'];
      const events = history(submitted(certificationClaim()), check(BOTH_ROLES_ID, both), propose());
      given(claimDecider, events).when(approve({ actorRoles: both, context: { actor: BOTH_ROLES_ID, now: '2021-05-13T02:00:00.000Z' } })).thenThrows('OVERRIDE.CHECKER_MAY_NOT_APPROVE');
      given(claimDecider, events).when(approve()).then([expect.objectContaining({ type: 'ClaimOverrideApproved', data: expect.objectContaining({ approvedBy: APPROVER_ID }) })]);
    });

    it('R-CLAIM-4 only an account with the APPROVER role may approve or reject: a second reviewer or an admin may not', () => {
      const events = history(submitted(certificationClaim()), propose());
      for (const actorRoles of [['REVIEWER'], ['ADMIN']]) {
        given(claimDecider, events).when(approve({ actorRoles })).thenThrows('OVERRIDE.ROLE_REQUIRED');
        given(claimDecider, events).when(reject({ actorRoles })).thenThrows('OVERRIDE.ROLE_REQUIRED');
      }
    });

    it('R-CLAIM-4 a rejection records its reason code and leaves the claim as it was', () => {
      const events = history(submitted(certificationClaim()), propose());
      given(claimDecider, events).when(reject()).then([
        { type: 'ClaimOverrideRejected', data: { overrideId: OVERRIDE_ID, claimId: CLAIM_ID, rejectedBy: APPROVER_ID, rejectedOn: '2021-05-13', reason: 'AMOUNT_NOT_SUPPORTED' } },
      ]);
      const state = stateOf(history(events, reject()));
      expect(state.claim).toEqual(stateOf(events).claim);
      expect(overrideFlagsOf(state.overrides)).toEqual({ overridden: false, overriddenLineIds: [], overriddenGates: [], awaitingApproval: [] });
      given(claimDecider, events).when(reject({ reason: 'BECAUSE' as never })).thenThrows('OVERRIDE.REJECTION_REASON_REQUIRED');
    });

    it('R-CLAIM-4 a decision is final: the same decision again is nothing, another is refused', () => {
      const approved = history(submitted(certificationClaim()), propose(), approve());
      given(claimDecider, approved).when(approve()).thenNothingHappens();
      given(claimDecider, approved).when(approve({ context: { actor: OTHER_APPROVER_ID, now: '2021-05-14T02:00:00.000Z' } })).thenThrows('OVERRIDE.ALREADY_DECIDED');
      given(claimDecider, approved).when(reject()).thenThrows('OVERRIDE.ALREADY_DECIDED');
      const rejected = history(submitted(certificationClaim()), propose(), reject());
      given(claimDecider, rejected).when(reject()).thenNothingHappens();
      given(claimDecider, rejected).when(approve()).thenThrows('OVERRIDE.ALREADY_DECIDED');
      given(claimDecider, rejected).when(approve({ overrideId: SECOND_OVERRIDE_ID })).thenThrows('OVERRIDE.NOT_FOUND');
    });
  });
});
