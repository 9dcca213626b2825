/**
 * The gate evaluator's work on one district claim (R-GATE-4), replayed day by day after its submission: on every day
 * a fact of the cohort's trainees became known, and on the days its windows close, the cohort's gates as of that day
 * (claimGatesOf over calculateOutcomeRates, as evaluateClaimGates reads them) go through the claim decider, with the
 * R-FREE-4 lines priced by decidedTierLines once its tier is known. Whatever the decider decides is written as the
 * worker writes it (ids from the claim and its stream version, the evaluator as actor), up to the district's last day.
 */
import {
  claimDecider,
  gateDecisionKey,
  tierToDecide,
  type CalendarDate,
  type ClaimGateEvent,
  type ClaimState,
  type ClaimSubmitted,
  type CohortState,
  type EvaluateClaimGates,
} from '@skills/domain';
import type { EventToAppend } from '@skills/event-store';
import { addDays, type PolicyDocument, type TraineeFacts } from '@skills/policy';
import { GATE_EVALUATOR_ACTOR, claimGatesOf, decidedTierLines, deterministicUuid } from '@skills/platform';
import type { ClaimsContext } from './claims.phase';
import { ratesOf } from './claims.phase';

export interface SubmittedDistrictClaim {
  readonly claimId: string;
  readonly cohortId: string;
  readonly state: Extract<CohortState, { status: 'completed' }>;
  readonly daysHeld: number;
  readonly policy: PolicyDocument;
  readonly submitted: readonly ClaimSubmitted[];
  /** The claim stream's version after the submission. */
  readonly version: number;
}

/** The evaluator runs late in the afternoon (Shanghai), after the day's records are in. */
const instantOf = (day: CalendarDate): string => `${day}T09:00:00.000Z`;

export function replayGateEvaluations(ctx: ClaimsContext, input: SubmittedDistrictClaim): EventToAppend[] {
  let claim: ClaimState = input.submitted.reduce<ClaimState>((s, e) => claimDecider.evolve(s, e), claimDecider.initialState());
  if (claim.status !== 'submitted') throw new Error(`claim ${input.claimId} did not fold to a submitted claim`);
  const appended: EventToAppend[] = [];
  let version = input.version;
  // The facts as finally recorded: each day's rates take only those known by then (calculateOutcomeRates's asOf).
  const trainees = ctx.facts.traineeFacts(input.cohortId);
  for (const day of evaluationDays(trainees, input, claim.claim.submittedOn, ctx.facts.lastDay)) {
    const rates = ratesOf(ctx.facts, input.cohortId, input.state, day, input.policy, trainees);
    const gates = claimGatesOf(rates);
    const tier = tierToDecide(claim.claim, gates);
    const priced = tier
      ? decidedTierLines({
          claim: claim.claim,
          employmentGate: gates.find((g) => g.gate === 'EMPLOYMENT')!,
          policy: input.policy,
          providerId: input.state.providerId.toLowerCase(),
          approvedPerPersonFen: input.state.approvedPerPersonAmountFen!,
          trainingDaysHeld: input.daysHeld,
        })
      : undefined;
    const command: EvaluateClaimGates = { type: 'EvaluateClaimGates', claimId: input.claimId, gates, ...(priced ? { decidedTierLines: priced } : {}), context: { actor: GATE_EVALUATOR_ACTOR, now: instantOf(day) } };
    const events = claimDecider.decide(command, claim) as ClaimGateEvent[];
    for (const event of events) {
      const serialised = ctx.catalogue.serialise(event);
      appended.push({
        eventId: deterministicUuid('claim-gates', input.claimId, String(version), gateDecisionKey(event)),
        type: serialised.type,
        schemaVersion: serialised.schemaVersion,
        data: serialised.data,
        metadata: { actor: GATE_EVALUATOR_ACTOR, correlationId: deterministicUuid('claim-gates', input.claimId), causationId: null, occurredAt: instantOf(day), policyVersion: rates.policyVersion },
      });
      claim = claimDecider.evolve(claim, event);
    }
    version += events.length;
    if (claim.status !== 'submitted') throw new Error(`claim ${input.claimId} folded out of its submitted state`);
  }
  return appended;
}

/**
 * The days the worker would look at the claim: each day a result, certificate, employment, verification or rejection
 * of one of its trainees became known (gate-watch's touching facts), and each window's last day and the day after,
 * after the submission and up to the district's last day.
 */
function evaluationDays(trainees: readonly TraineeFacts[], input: SubmittedDistrictClaim, submittedOn: CalendarDate, lastDay: CalendarDate): CalendarDate[] {
  const days = new Set<CalendarDate>();
  for (const t of trainees) {
    for (const a of t.assessments) days.add(a.recordedOn);
    for (const c of t.certificates) days.add(c.recordedOn);
    for (const e of t.employments) {
      days.add(e.recordedOn);
      if (e.verifiedOn) days.add(e.verifiedOn);
      if (e.rejection) days.add(e.rejection.on);
    }
  }
  for (const gate of input.submitted[0]!.data.gates) {
    days.add(gate.windowEnd);
    days.add(addDays(gate.windowEnd, 1));
  }
  return [...days].filter((d) => d > submittedOn && d <= lastDay).sort();
}
