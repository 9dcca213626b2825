import {
  claimDecider,
  cohortDecider,
  figuresTakenOn,
  gateDecisionKey,
  shanghaiDateOf,
  tierToDecide,
  toClaimStreamId,
  toCohortStreamId,
  toPaymentKeyStreamId,
  type CalendarDate,
  type ClaimGate,
  type ClaimGateEvent,
  type DomainEvent,
  type EvaluateClaimGates,
  type EventCatalogue,
  type LateAdjustmentDecision,
  type SubmittedClaim,
} from '@skills/domain';
import { WrongExpectedVersionError, type EventStore, type EventToAppend, type StreamAppend } from '@skills/event-store';
import type { PolicyDocument } from '@skills/policy';
import { cohortOutcomeRates, findCohortAttendance } from '@skills/projections';
import type { SqlExecutor } from '@skills/sql';
import { loadStream } from '../commands/decide-and-append';
import { deterministicUuid } from '../commands/deterministic-id';
import { claimGatesOf } from './claim-gates-of';
import { decidedTierLines } from './decided-tier-lines';
import { lateAdjustmentFor } from './late-adjustment';

export interface GateEvaluationDeps {
  readonly db: SqlExecutor;
  readonly store: EventStore;
  readonly catalogue: EventCatalogue;
  /** The policy version in force on a day: the cohort's start sets its gates and prices its lines. */
  policyOn(date: CalendarDate): PolicyDocument;
}

/** metadata.actor of the evaluator's events: no person decided them. */
export const GATE_EVALUATOR_ACTOR = 'system:gate-evaluator';
const ATTEMPTS = 5;

/** DECIDED: evaluated on the day, with what it recorded (often nothing). CLOCK_BEHIND: the clock is before the claim's own figures. */
export type ClaimGateEvaluation = { readonly outcome: 'DECIDED'; readonly events: readonly ClaimGateEvent[] } | { readonly outcome: 'CLOCK_BEHIND' };

/**
 * R-GATE-4 for one claim: its cohort's gates as of `now`'s day from the cohort-outcomes read model (the caller makes
 * sure that has caught up), the claim decider's verdict, appended with the stream's expected version. Event ids come
 * from the claim id and the decision (gateDecisionKey), so an evaluation repeated after a crash or by a second worker
 * appends nothing twice; a version conflict (a reviewer's override meanwhile) reloads and decides again.
 */
export async function evaluateClaimGates(deps: GateEvaluationDeps, claimId: string, now: Date): Promise<ClaimGateEvaluation> {
  const streamId = toClaimStreamId(claimId);
  const day = shanghaiDateOf(now.toISOString());
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await loadStream(deps.store, deps.catalogue, claimDecider, streamId);
    if (state.status !== 'submitted') throw new Error(`claim ${claimId} is watched but its stream holds no submission`);
    const { claim } = state;
    if (day < figuresTakenOn(claim)) return { outcome: 'CLOCK_BEHIND' };
    const found = await cohortOutcomeRates(deps.db, claim.subject.id, day, (start) => deps.policyOn(start));
    if (!found) throw new Error(`cohort ${claim.subject.id} of claim ${claimId} is not in the cohort-outcomes read model`);
    const gates = claimGatesOf(found.rates);
    const tier = tierToDecide(claim, gates);
    const command: EvaluateClaimGates = {
      type: 'EvaluateClaimGates',
      claimId,
      gates,
      ...(tier ? { decidedTierLines: await priceAtDecidedTier(deps, claim, gates) } : {}),
      context: { actor: GATE_EVALUATOR_ACTOR, now: now.toISOString() },
    };
    const decided = claimDecider.decide(command, state) as ClaimGateEvent[];
    if (decided.length === 0) return { outcome: 'DECIDED', events: decided };
    const adjustment = await lateAdjustmentFor(state, decided, gates, (moved, at) => priceAtDecidedTier(deps, moved, at));
    const events = [...decided, ...(adjustment?.claimEvents ?? [])];
    const policyVersion = found.rates.policyVersion;
    try {
      // One atomic append: the flag, its adjustment claim and the adjustment's payment keys are recorded together or not at all.
      await deps.store.appendMany([
        { streamId, expectedVersion: version, events: events.map((event) => toAppend(deps.catalogue, claim.claimId, version, event, policyVersion, now)) },
        ...(adjustment ? adjustmentAppends(deps.catalogue, adjustment, policyVersion, now) : []),
      ]);
      return { outcome: 'DECIDED', events: [...events, ...(adjustment?.adjustmentEvents ?? [])] };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** R-FREE-4: the facts its calculator needs beside the claim: the cohort's approved amount, provider and training days. */
async function priceAtDecidedTier(deps: GateEvaluationDeps, claim: SubmittedClaim, gates: readonly ClaimGate[]) {
  const { state: cohort } = await loadStream(deps.store, deps.catalogue, cohortDecider, toCohortStreamId(claim.subject.id));
  if (cohort.status !== 'completed' || cohort.approvedPerPersonAmountFen === null) {
    throw new Error(`cohort ${claim.subject.id} of R-FREE-4 claim ${claim.claimId} is ${cohort.status}, without an approved per-person amount`);
  }
  const attendance = await findCohortAttendance(deps.db, claim.subject.id);
  return decidedTierLines({
    claim,
    // tierToDecide found it, through releaseOf.
    employmentGate: gates.find((g) => g.gate === 'EMPLOYMENT')!,
    policy: deps.policyOn(claim.period.from),
    providerId: cohort.providerId,
    approvedPerPersonFen: cohort.approvedPerPersonAmountFen,
    trainingDaysHeld: attendance.days.length,
  });
}

/**
 * R-GATE-4, R-CLAIM-2: the adjustment claim's own stream and its payment keys, each new ('no_stream'): a second
 * evaluation of the same change derives the same ids and cannot add a second adjustment.
 */
function adjustmentAppends(catalogue: EventCatalogue, decision: LateAdjustmentDecision, policyVersion: string, now: Date): StreamAppend[] {
  const [raised] = decision.adjustmentEvents;
  const adjustmentId = raised.data.claimId;
  const append = (streamId: string, events: readonly DomainEvent[], key: string): StreamAppend => ({
    streamId,
    expectedVersion: 'no_stream',
    events: events.map((event, index) => withId(catalogue, deterministicUuid('claim-adjustment', adjustmentId, key, String(index)), event, raised.data.adjusts.claimId, policyVersion, now)),
  });
  return [append(toClaimStreamId(adjustmentId), decision.adjustmentEvents, 'claim'), ...decision.keyEvents.map((k) => append(toPaymentKeyStreamId(k.paymentKey), k.events, k.paymentKey))];
}

/**
 * The event id names the claim, the stream version the decision was taken on and the decision: a retry of the same
 * decision (a crash before the append) gets the same ids and appends nothing twice, while a later decision of the
 * same type (blocked again after an override reopened the claim) is a new event, not mistaken for a retry.
 */
function toAppend(catalogue: EventCatalogue, claimId: string, version: number, event: ClaimGateEvent, policyVersion: string, now: Date): EventToAppend {
  return withId(catalogue, deterministicUuid('claim-gates', claimId, String(version), gateDecisionKey(event)), event, claimId, policyVersion, now);
}

/** Every event of one claim's evaluations shares its correlation id, its adjustments' included. */
function withId(catalogue: EventCatalogue, eventId: string, event: DomainEvent, claimId: string, policyVersion: string, now: Date): EventToAppend {
  const serialised = catalogue.serialise(event);
  const correlationId = deterministicUuid('claim-gates', claimId);
  return {
    eventId,
    type: serialised.type,
    schemaVersion: serialised.schemaVersion,
    data: serialised.data,
    metadata: { actor: GATE_EVALUATOR_ACTOR, correlationId, causationId: null, occurredAt: now.toISOString(), policyVersion },
  };
}
