import { DomainError } from '../shared/domain-error';
import type { OverrideTargetRequest } from './override.commands';
import { OVERRIDE_REJECTION_REASON } from './override.events';

/**
 * Errors of R-CLAIM-4 overrides. None echoes the justification: it is free text that may name a person, and errors
 * reach responses and logs.
 */
const RULE = { ruleId: 'R-CLAIM-4' } as const;
const named = (target: OverrideTargetRequest) => (target.kind === 'LINE' ? `line ${target.lineId}` : `the ${target.gate} gate`);
const field = (target: OverrideTargetRequest) => (target.kind === 'LINE' ? 'target.lineId' : 'target.gate');

export const roleRequired = (role: string, action: 'propose' | 'approve' | 'reject') =>
  new DomainError('OVERRIDE.ROLE_REQUIRED', `only a bureau account with the ${role} role may ${action} an override (R-CLAIM-4): ask one to do it`, 'forbidden', { ...RULE, role });

/** R-CLAIM-3: the submitter and the reviewers are different people. */
export const submitterMayNotReview = () =>
  new DomainError('OVERRIDE.SUBMITTER_MAY_NOT_REVIEW', 'you submitted this claim, so you cannot propose or decide an override of it (R-CLAIM-3): another bureau reviewer must', 'rule', {
    ruleId: 'R-CLAIM-3',
  });

/** R-CLAIM-4 with R-CLAIM-3: the override's approval is the second reviewer's, never the claim's checker's. */
export const checkerMayNotApprove = () =>
  new DomainError('OVERRIDE.CHECKER_MAY_NOT_APPROVE', 'you checked this claim, so a second, different approver must approve its overrides (R-CLAIM-4): the submitter, the checker and the approver are three different people', 'rule', RULE);

/** R-CLAIM-4: the approval is the second reviewer's, so the proposer never decides their own override. */
export const proposerMayNotDecide = (overrideId: string) =>
  new DomainError('OVERRIDE.PROPOSER_MAY_NOT_DECIDE', 'you proposed this override, so you cannot approve or reject it (R-CLAIM-4): a second approver must decide it', 'rule', { ...RULE, overrideId });

export const justificationTooShort = (minimum: number) =>
  new DomainError('OVERRIDE.JUSTIFICATION_REQUIRED', `an override needs a written justification of at least ${minimum} characters (R-CLAIM-4)`, 'validation', RULE, [
    { field: 'justification', message: `write at least ${minimum} characters: why the rule should give way here and what evidence supports it` },
  ]);

export const justificationTooLong = (maximum: number) =>
  new DomainError('OVERRIDE.JUSTIFICATION_TOO_LONG', `a justification is at most ${maximum} characters`, 'validation', RULE, [
    { field: 'justification', message: `shorten it to ${maximum} characters; attach longer evidence to the claim's file instead` },
  ]);

export const amountInvalid = () =>
  new DomainError('OVERRIDE.AMOUNT_INVALID', 'the proposed amount must be a whole number of fen, zero or more', 'validation', RULE, [
    { field: 'target.amountFen', message: 'give the amount in fen (1 yuan = 100 fen) as a whole number, 0 or more' },
  ]);

export const amountAboveCap = (lineId: string, capFen: number, description: string) =>
  new DomainError('OVERRIDE.AMOUNT_ABOVE_CAP', `the proposed amount is above the cap the line's policy version sets (${description}): an override cannot pay more than the cap`, 'rule', { ...RULE, lineId, capFen }, [
    { field: 'target.amountFen', message: `propose at most ${capFen} fen` },
  ]);

export const amountOnlyForLines = () =>
  new DomainError('OVERRIDE.AMOUNT_ONLY_FOR_LINES', 'an override of a gate has no amount: the lines keep the amounts their rules computed', 'validation', RULE, [
    { field: 'target.amountFen', message: 'leave it out when overriding a gate' },
  ]);

export const lineNotOnClaim = (lineId: string) =>
  new DomainError('OVERRIDE.LINE_NOT_ON_CLAIM', 'this claim has no line with this id: check the line id in the claim', 'rule', { ...RULE, lineId }, [
    { field: 'target.lineId', message: 'use the lineId of one of the claim\'s lines' },
  ]);

export const lineNotNoRule = (lineId: string, outcome: string) =>
  new DomainError(
    'OVERRIDE.LINE_NOT_NO_RULE',
    `this line is ${outcome}, computed by its rule: only a "no rule" line (NO_RULE, no amount in the notice) can be overridden (R-CLAIM-4); a line that looks wrong is corrected by returning the claim for correction`,
    'rule',
    { ...RULE, lineId, outcome },
    [{ field: 'target.lineId', message: 'choose a line whose outcome is NO_RULE' }],
  );

export const gateNotOnClaim = (gate: string, gates: readonly string[]) =>
  new DomainError('OVERRIDE.GATE_NOT_ON_CLAIM', `the ${gate} gate does not apply to this claim${gates.length ? `; its gates are ${gates.join(', ')}` : ': it has no outcome gates'}`, 'rule', { ...RULE, gate, gates }, [
    { field: 'target.gate', message: gates.length ? `choose one of ${gates.join(', ')}` : 'this claim has no gate to override' },
  ]);

export const gateNotFailed = (gate: string, status: string) =>
  new DomainError(
    'OVERRIDE.GATE_NOT_FAILED',
    `the ${gate} gate is ${status}${status === 'HOLDING' ? ' already' : ': it may still hold, so wait until its window closes'}; only a gate that has failed can be overridden (R-CLAIM-4)`,
    'rule',
    { ...RULE, gate, status },
    [{ field: 'target.gate', message: 'choose a gate whose status is FAILED' }],
  );

/** R-FREE-4's 80% gate decides the tier and so every amount: overriding it would need the lines computed again. */
export const tierGateNotOverridable = () =>
  new DomainError(
    'OVERRIDE.TIER_GATE',
    'the 80% employment gate decides the R-FREE-4 tier, and so every line\'s amount: an override moves a claim\'s status, it does not compute lines again. Override the fallback tier\'s gates instead, or submit a corrected claim',
    'rule',
    { ...RULE, gate: 'EMPLOYMENT' },
    [{ field: 'target.gate', message: 'choose a failed gate other than the R-FREE-4 80% employment gate' }],
  );

export const alreadyOpen = (target: OverrideTargetRequest, openOverrideId: string) =>
  new DomainError('OVERRIDE.ALREADY_OPEN', `${named(target)} has an override waiting for approval already: approve or reject it before proposing another (R-CLAIM-4: one open override per target)`, 'conflict', {
    ...RULE,
    overrideId: openOverrideId,
  }, [{ field: field(target), message: 'this target has an open override' }]);

export const alreadyOverridden = (target: OverrideTargetRequest, approvedOverrideId: string) =>
  new DomainError('OVERRIDE.ALREADY_APPROVED', `${named(target)} is overridden already by an approved override: nothing is left to override`, 'conflict', { ...RULE, overrideId: approvedOverrideId }, [
    { field: field(target), message: 'this target is overridden already' },
  ]);

export const overrideIdTaken = (overrideId: string) =>
  new DomainError('OVERRIDE.ID_TAKEN', 'another override of this claim has this id already: send a new Idempotency-Key for a new proposal', 'conflict', { overrideId });

export const overrideNotFound = (overrideId: string) =>
  new DomainError('OVERRIDE.NOT_FOUND', 'this claim has no override with this id: check the id', 'not_found', { overrideId });

export const alreadyDecided = (overrideId: string, status: string) =>
  new DomainError('OVERRIDE.ALREADY_DECIDED', `this override is ${status} already: a decision is final; propose a new override if needed`, 'conflict', { ...RULE, overrideId, status });

export const rejectionReasonRequired = () =>
  new DomainError('OVERRIDE.REJECTION_REASON_REQUIRED', `say why with one of: ${OVERRIDE_REJECTION_REASON.options.join(', ')}`, 'validation', RULE, [
    { field: 'reason', message: 'choose a reason from the list' },
  ]);
