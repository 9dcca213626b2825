import {
  claimDecider,
  lifecycleStatusOf,
  payoutDecider,
  payoutEvents,
  reviewOf,
  toClaimStreamId,
  toPayoutStreamId,
  type CalendarDate,
  type ClaimAdjustmentRaised,
  type ClaimEvent,
  type ClaimGateId,
  type ClaimReleasedForPayment,
  type ClaimState,
  type PayoutEvent,
  type PayoutState,
  type PayoutStatus,
  type SubmitterKind,
} from '@skills/domain';
import type { HistoryEvent } from '@skills/platform';
import type { PayeeType } from '../evaluation-report';
import type { HistoryFold } from './history-fold';

/** Every event of a payout's stream, as the domain lists them (PayoutFailureReversed too): the decider's evolve folds each. */
const PAYOUT_EVENTS: readonly string[] = payoutEvents.map((definition) => definition.type);
/**
 * The claim events that move a claim into or out of waiting on its gates (R-GATE-4: submission, gate decisions, an
 * approved gate override, the review that follows), its release for payment (R-PAY-1), and an adjustment claim's own
 * first event (R-GATE-4), which the simulation does not read but which is paid like any claim.
 */
const CLAIM_EVENTS = [
  'ClaimSubmitted',
  'ClaimAdjustmentRaised',
  'ClaimTierDecided',
  'ClaimGatesHeld',
  'ClaimBlocked',
  'ClaimOverrideProposed',
  'ClaimOverrideApproved',
  'ClaimOverrideRejected',
  'ClaimChecked',
  'ClaimApproved',
  'ClaimReleasedForPayment',
  'ClaimReturned',
  'ClaimRejected',
  'ClaimResubmitted',
  'ClaimObjectionReturned',
];

export const PAYOUT_HISTORY_EVENT_TYPES: readonly string[] = [...PAYOUT_EVENTS, ...CLAIM_EVENTS];

const payoutEventTypes = new Set(PAYOUT_EVENTS);
const claimEvents = new Set(CLAIM_EVENTS);

export const PAYEE_TYPES: readonly PayeeType[] = ['PERSON', 'ORGANISATION'];

/** R-EVAL-1 "per payee type": a labourer is a person; a provider, an enterprise, a subdistrict or any organisation is not. */
export const payeeTypeOf = (kind: string): PayeeType => (kind === 'LABOURER' ? 'PERSON' : 'ORGANISATION');

/** One payout (a claim's payment to one payee, R-PAY-1) as finance last answered it, by the payout decider's evolve. */
export interface PayoutRecord {
  readonly idempotencyKey: string;
  readonly streamId: string;
  readonly claimId: string;
  readonly payee: { readonly kind: string; readonly id: string };
  readonly payeeType: PayeeType;
  readonly scheme: string;
  readonly amountFen: number;
  /** As known on asOf: PAID once any attempt was paid, even after a failure or a cancellation (the decider's rule). */
  readonly status: PayoutStatus;
  /**
   * Finance's day of payment, when the payout is PAID: the paid attempt's own paidOn, whichever attempt it was (a
   * re-instructed one, or one first answered FAILED then PAID, PayoutFailureReversed); the earliest if several were.
   */
  readonly paidOn: CalendarDate | null;
  /** The day an approver cancelled it (R-PAY-1), when it was; it stays set if a reversal paid it later. */
  readonly cancelledOn: CalendarDate | null;
}

/**
 * The release of a claim for payment (R-PAY-1): its own day (releasedOn, what a report's period selects by, THE RULE
 * in report-context.ts), the day it was recorded (the fold already drops one recorded after asOf), and what it
 * released per payee type: the claim's payable lines as they stood at the release (AMOUNT lines after
 * overrides and gate decisions; an adjustment claim's TOP_UP lines), which is exactly how the release's payout
 * instructions are split (libs/messaging payoutInstructionsOnRelease refuses a release whose lines disagree with it).
 */
export interface ReleaseRecord {
  readonly recordedOn: CalendarDate;
  readonly releasedOn: CalendarDate;
  readonly totalFen: number;
  /** Sorted PERSON first; only payee types with money. */
  readonly byPayeeType: readonly { readonly payeeType: PayeeType; readonly fen: number }[];
}

/** What a claim waits on while R-GATE-4 keeps it from review: its gates still open, and what it pays so far. */
export interface WaitingSnapshot {
  readonly gates: readonly ClaimGateId[];
  readonly totalFen: number;
}

/** What the money section needs of a claim, original or adjustment, from its own stream. */
export interface ClaimMoneyRecord {
  readonly claimId: string;
  readonly streamId: string;
  readonly scheme: string;
  /** The organisation that submitted it (an adjustment claim: the original's), which places it in a unit. */
  readonly organisation: { readonly kind: SubmitterKind; readonly id: string };
  readonly submittedOn: CalendarDate;
  readonly adjustment: boolean;
  release: ReleaseRecord | null;
  /** Each change of its waiting on gates, by the day recorded; null: not waiting from that day on. */
  readonly waiting: { on: CalendarDate; snapshot: WaitingSnapshot | null }[];
}

/**
 * R-PAY-1 and R-GATE-4 for the money section: every payout folded by the payout decider's own evolve (so every
 * payout event it knows, PayoutFailureReversed included), with its paid and cancelled days, and per claim its release
 * and its spells of waiting on gates, by recorded day. The simulation's claim fold keeps only the state as of asOf,
 * so a report whose period ended before asOf needs these days to ask "released in the period", "paid by its end" and
 * "waiting at its end". A claim's own state is kept only until its release or rejection, for the lines its release
 * pays.
 */
export class PayoutHistory implements HistoryFold {
  readonly eventTypes = PAYOUT_HISTORY_EVENT_TYPES;
  private readonly payouts = new Map<string, { claimId: string; state: PayoutState }>();
  private readonly payoutsByClaim = new Map<string, string[]>();
  readonly claims = new Map<string, ClaimMoneyRecord>();
  /** Claim states not yet released nor rejected. */
  private readonly open = new Map<string, ClaimState>();

  fold({ event, recordedOn }: HistoryEvent): void {
    if (payoutEventTypes.has(event.type)) this.foldPayout(event as PayoutEvent);
    else if (claimEvents.has(event.type)) this.foldClaim(event as ClaimEvent, recordedOn);
  }

  /** The payouts instructed for a claim, by payee kind and id. */
  payoutsOf(claimId: string): PayoutRecord[] {
    const keys = this.payoutsByClaim.get(claimId.toLowerCase()) ?? [];
    return keys
      .map((key) => this.recordOf(key))
      .filter((p): p is PayoutRecord => p !== null)
      .sort((a, b) => compare(`${a.payee.kind}:${a.payee.id}`, `${b.payee.kind}:${b.payee.id}`));
  }

  /** Every payout folded, by idempotency key. */
  allPayouts(): PayoutRecord[] {
    return [...this.payouts.keys()]
      .sort()
      .map((key) => this.recordOf(key))
      .filter((p): p is PayoutRecord => p !== null);
  }

  /** What the claim waited on at the end of `day`, or null when it was not waiting (or not yet submitted). */
  waitingOn(claimId: string, day: CalendarDate): WaitingSnapshot | null {
    const spells = this.claims.get(claimId.toLowerCase())?.waiting ?? [];
    let found: WaitingSnapshot | null = null;
    for (const spell of spells) {
      if (spell.on > day) break;
      found = spell.snapshot;
    }
    return found;
  }

  private foldPayout(event: PayoutEvent): void {
    const key = event.data.idempotencyKey;
    const known = this.payouts.get(key);
    if (event.type === 'PayoutInstructed') {
      const claimId = event.data.claimId.toLowerCase();
      if (!known) {
        const list = this.payoutsByClaim.get(claimId);
        if (list) list.push(key);
        else this.payoutsByClaim.set(claimId, [key]);
      }
      this.payouts.set(key, { claimId, state: payoutDecider.evolve(known?.state ?? payoutDecider.initialState(), event) });
      return;
    }
    // An answer for a payout not instructed (yet) changes nothing, as in the decider.
    if (known) known.state = payoutDecider.evolve(known.state, event);
  }

  private recordOf(key: string): PayoutRecord | null {
    const known = this.payouts.get(key);
    if (!known || known.state.status === 'absent') return null;
    const { state } = known;
    let paidOn: CalendarDate | null = null;
    for (const { answer } of state.attempts) if (answer?.outcome === 'PAID' && (paidOn === null || answer.paidOn < paidOn)) paidOn = answer.paidOn;
    const { payee, scheme, amountFen } = state.instruction;
    return {
      idempotencyKey: key,
      streamId: toPayoutStreamId(key),
      claimId: known.claimId,
      payee,
      payeeType: payeeTypeOf(payee.kind),
      scheme,
      amountFen,
      status: state.status,
      paidOn: state.status === 'PAID' ? paidOn : null,
      cancelledOn: state.cancellation?.cancelledOn ?? null,
    };
  }

  private foldClaim(event: ClaimEvent, recordedOn: CalendarDate): void {
    const claimId = event.data.claimId.toLowerCase();
    if (event.type === 'ClaimSubmitted' || event.type === 'ClaimAdjustmentRaised') {
      if (this.claims.has(claimId)) return;
      this.claims.set(claimId, recordOfFirst(event, claimId));
    }
    const record = this.claims.get(claimId);
    if (!record) return;
    const before = this.open.get(claimId) ?? (event.type === 'ClaimSubmitted' || event.type === 'ClaimAdjustmentRaised' ? claimDecider.initialState() : undefined);
    if (!before) return;
    const state = claimDecider.evolve(before, event);
    if (event.type === 'ClaimReleasedForPayment' && record.release === null) record.release = releaseOf(state, event, recordedOn);
    const snapshot = waitingOf(state);
    const last = record.waiting[record.waiting.length - 1];
    if (!sameSnapshot(last?.snapshot ?? null, snapshot)) {
      // Several events of a day: the end of the day is what counts.
      if (last && last.on === recordedOn) last.snapshot = snapshot;
      else record.waiting.push({ on: recordedOn, snapshot });
    }
    const stage = state.status === 'absent' ? null : reviewOf(state)?.stage;
    if (stage === 'RELEASED_FOR_PAYMENT' || stage === 'REJECTED') this.open.delete(claimId);
    else this.open.set(claimId, state);
  }
}

function recordOfFirst(event: ClaimEvent & { type: 'ClaimSubmitted' | 'ClaimAdjustmentRaised' }, claimId: string): ClaimMoneyRecord {
  const data = event.data;
  const organisation = { kind: data.submittedBy.organisation.kind, id: data.submittedBy.organisation.id.toLowerCase() };
  const submittedOn = event.type === 'ClaimSubmitted' ? event.data.submittedOn : (event.data as ClaimAdjustmentRaised['data']).raisedOn;
  return { claimId, streamId: toClaimStreamId(claimId), scheme: data.scheme, organisation, submittedOn, adjustment: event.type === 'ClaimAdjustmentRaised', release: null, waiting: [] };
}

function releaseOf(state: ClaimState, event: ClaimReleasedForPayment, recordedOn: CalendarDate): ReleaseRecord {
  const lines =
    state.status === 'submitted'
      ? state.claim.lines.flatMap((line) => (line.outcome === 'AMOUNT' ? [{ kind: line.payee.kind, fen: line.amountFen }] : []))
      : state.status === 'adjustment'
        ? state.adjustment.lines.flatMap((line) => (line.direction === 'TOP_UP' ? [{ kind: line.payee.kind, fen: line.amountFen }] : []))
        : [];
  const sums = new Map<PayeeType, number>();
  for (const { kind, fen } of lines) sums.set(payeeTypeOf(kind), (sums.get(payeeTypeOf(kind)) ?? 0) + fen);
  const byPayeeType = PAYEE_TYPES.flatMap((payeeType) => ((sums.get(payeeType) ?? 0) > 0 ? [{ payeeType, fen: sums.get(payeeType)! }] : []));
  return { recordedOn, releasedOn: event.data.releasedOn, totalFen: event.data.totalFen, byPayeeType };
}

/** R-GATE-4: waiting while its status is WAITING_ON_OUTCOMES (not yet in review); the gates neither holding nor failed. */
function waitingOf(state: ClaimState): WaitingSnapshot | null {
  if (state.status !== 'submitted' || lifecycleStatusOf(state) !== 'WAITING_ON_OUTCOMES') return null;
  return { gates: state.claim.gates.filter((g) => g.status === 'OPEN' || g.status === 'AWAITING_VERIFICATION').map((g) => g.gate), totalFen: state.claim.totalFen };
}

function sameSnapshot(a: WaitingSnapshot | null, b: WaitingSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.totalFen === b.totalFen && a.gates.length === b.gates.length && a.gates.every((g, i) => g === b.gates[i]);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
