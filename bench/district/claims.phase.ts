/**
 * Claims phase: most completed GENERAL (R-FREE-3) and ORDER_BASED (R-FREE-4) cohorts are claimed by their provider,
 * some working days after the cohort's last record, and the gate evaluator then moves each claim as the facts
 * arrive and the windows close (claim-gate-replay.ts). Every line goes the way a real submission goes: the facts
 * the claim source reads (claim-facts.ts, from the district's own events), the scheme's calculator, the api's
 * claim-line mapping and payment keys, the domain's decideClaimSubmission; then toEventsToAppend, as appendClaim
 * writes them. No amount, status or gate is written by hand.
 *
 * It runs once every wave is done: a cohort's gates count certificates and jobs a trainee got in later trainings too.
 */
import {
  claimDecider,
  decideClaimSubmission,
  toClaimStreamId,
  toPaymentKeyStreamId,
  type CalendarDate,
  type ClaimLine,
  type ClaimScheme,
  type CohortState,
  type EventCatalogue,
  type PaymentKeyState,
  type SubmitClaim,
} from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import { POLICY_DOCUMENTS, calculateEmploymentOrientedTraining, calculateGeneralTraining, calculateOutcomeRates, policyInForceOn, policyVersionOf, type LineExplanation, type OutcomeRates, type PolicyDocument } from '@skills/policy';
import { claimGatesOf, deterministicUuid, hashCommand, toEventsToAppend, type CommandEnvelope } from '@skills/platform';
import { claimLinesOf, pendingLine, refusedLine, type LineContext } from '../../apps/api/src/claims/schemes/claim-lines';
import { replayGateEvaluations } from './claim-gate-replay';
import type { ClaimFacts } from './claim-facts';
import { isWeekday, toDay, isoOf } from './district-calendar';
import type { Prng } from './prng';
import { recordedAt } from './recording-lags';

export const CLAIMED_PROGRAMMES: ReadonlySet<string> = new Set(['GENERAL', 'ORDER_BASED']);
/** Share of completed GENERAL and ORDER_BASED cohorts whose provider claims them. */
const CLAIMED_SHARE = 0.9;

export interface ClaimsContext {
  /** Its own PRNG (from the seed), so the claims draw nothing from the rest of the district's sequence. */
  readonly rng: Prng;
  readonly catalogue: EventCatalogue;
  readonly facts: ClaimFacts;
}

type Completed = Extract<CohortState, { status: 'completed' }>;

/** The claim of one cohort, as appends (the claim stream, then its payment keys), or none when it is not claimed. */
export function claimCohort(ctx: ClaimsContext, cohortId: string): StreamAppend[] {
  const record = ctx.facts.cohorts.get(cohortId);
  const state = record?.state;
  if (!record || state?.status !== 'completed' || !CLAIMED_PROGRAMMES.has(state.programmeType) || !ctx.rng.chance(CLAIMED_SHARE)) return [];
  const { rng } = ctx;
  // After the last attendance day, result and completion are in: the claim reads them all, as the api would.
  const submittedOn = workingDayFrom(toDay(record.lastRecordedOn > (record.completionRecordedOn ?? '') ? record.lastRecordedOn : record.completionRecordedOn!) + rng.int(1, 20));
  const scheme: ClaimScheme = state.programmeType === 'GENERAL' ? 'R-FREE-3' : 'R-FREE-4';
  const policy = policyInForceOn(POLICY_DOCUMENTS, state.startedOn);
  const key = rng.uuid();
  const claimId = deterministicUuid(key, 'claim');
  const subject = { kind: 'COHORT', id: cohortId } as const;
  const period = { from: state.startedOn, to: state.completedOn };
  const organisation = { kind: 'PROVIDER', id: state.providerId.toLowerCase() } as const;
  const submittedBy = { organisation, accountId: deterministicUuid('district-provider-account', organisation.id) };
  const rates = ratesOf(ctx.facts, cohortId, state, isoOf(submittedOn), policy);
  const lines = linesOf(ctx.facts, { claimId, scheme, subject, period }, state, record.daysHeld.size, rates, policy);
  const now = new Date(recordedAt(rng, submittedOn)).toISOString();
  const command: SubmitClaim = { type: 'SubmitClaim', claimId, scheme, subject, period, submittedBy, gates: claimGatesOf(rates), lines, context: { actor: submittedBy.accountId, now } };
  const free: PaymentKeyState = { status: 'free' };
  const decision = decideClaimSubmission(command, { claim: claimDecider.initialState(), keys: new Map(lines.flatMap((l) => (l.outcome === 'REFUSED' ? [] : [[l.paymentKey, free] as const]))) });
  const envelope: CommandEnvelope = { actor: submittedBy.accountId, correlationId: rng.uuid(), causationId: key, now, idempotencyKey: key };
  const commandHash = hashCommand({ type: 'SubmitClaim', scheme, subject, period: null, organisation });
  const claimStream = toClaimStreamId(claimId);
  const submitted = toEventsToAppend(ctx.catalogue, envelope, claimStream, decision.claimEvents, policyVersionOf(policy), commandHash);
  const later = replayGateEvaluations(ctx, { claimId, cohortId, state, daysHeld: record.daysHeld.size, policy, submitted: decision.claimEvents, version: submitted.length });
  return [
    { streamId: claimStream, expectedVersion: 'no_stream', events: [...submitted, ...later] },
    ...decision.keyEvents.map((k) => {
      const streamId = toPaymentKeyStreamId(k.paymentKey);
      return { streamId, expectedVersion: 'no_stream' as const, events: toEventsToAppend(ctx.catalogue, envelope, streamId, k.events, policyVersionOf(policy), commandHash) };
    }),
  ];
}

/** The cohort's rates as of a day, as cohortOutcomeRates computes them from the read model. */
export function ratesOf(facts: ClaimFacts, cohortId: string, state: Completed, asOf: CalendarDate, policy: PolicyDocument, trainees = facts.traineeFacts(cohortId)): OutcomeRates {
  const record = facts.cohorts.get(cohortId)!;
  return calculateOutcomeRates({
    cohort: {
      cohortId,
      programmeType: state.programmeType as 'GENERAL' | 'ORDER_BASED',
      occupation: state.occupation,
      plannedStart: state.plannedStartOn,
      plannedEnd: state.plannedEndOn,
      plannedDays: state.plannedDays,
      actualStart: state.startedOn,
      completedOn: state.completedOn,
      ...(record.completionRecordedOn ? { completionRecordedOn: record.completionRecordedOn } : {}),
    },
    trainees,
    asOf,
    policy,
  });
}

/** The roster as the claim sources read it: enrolled, then withdrawn, each with the days attended. */
function rosterOf(facts: ClaimFacts, cohortId: string, state: Completed): { labourerId: string; attendedDays: number; withdrawnOn?: CalendarDate }[] {
  const days = (labourerId: string) => facts.attendedDays(cohortId, labourerId.toLowerCase());
  return [
    ...state.trainees.map((t) => ({ labourerId: t.labourerId.toLowerCase(), attendedDays: days(t.labourerId) })),
    ...state.withdrawn.map((t) => ({ labourerId: t.labourerId.toLowerCase(), attendedDays: days(t.labourerId), withdrawnOn: t.withdrawnOn })),
  ];
}

/** R-FREE-3 lines, or R-FREE-4 lines at the tier its 80% gate has decided, or PENDING until it does. */
function linesOf(facts: ClaimFacts, context: LineContext, state: Completed, trainingDaysHeld: number, rates: OutcomeRates, policy: PolicyDocument): ClaimLine[] {
  const common = { policy, serviceDate: state.startedOn, cohortId: context.subject.id, providerId: state.providerId.toLowerCase(), trainingDaysHeld };
  const roster = rosterOf(facts, context.subject.id, state);
  if (context.scheme === 'R-FREE-3') return claimLinesOf(calculateGeneralTraining({ ...common, trainees: roster.map(({ labourerId, attendedDays }) => ({ labourerId, attendedDays })) }), context);
  const gate = rates.gates.employment;
  if (gate.state.status === 'HOLDING' || gate.state.status === 'FAILED') {
    const employmentGate = { thresholdPercent: gate.thresholdPercent, rate: gate.rate, state: { status: gate.state.status } };
    return claimLinesOf(calculateEmploymentOrientedTraining({ ...common, approvedPerPersonFen: state.approvedPerPersonAmountFen!, employmentGate, trainees: roster }), context);
  }
  // As employment-oriented-training.claim.ts's undecidedLines: the inputs decidedTierLines prices them from later.
  const payee = { kind: 'PROVIDER', id: common.providerId } as const;
  const waiting = `the ${gate.thresholdPercent}% employment gate is ${gate.state.status}, so the tier is not known`;
  return roster.map((trainee, index) => {
    const inputs: Record<string, string | number> = {
      serviceDate: common.serviceDate,
      payee: `${payee.kind}:${payee.id}`,
      labourerId: trainee.labourerId,
      cohortId: common.cohortId,
      attendedDays: trainee.attendedDays,
      employed: gate.rate.numerator,
      base: gate.rate.denominator,
      employmentThresholdPercent: gate.thresholdPercent,
      gateStatus: gate.state.status,
    };
    if (trainee.withdrawnOn !== undefined) inputs['withdrawnOn'] = trainee.withdrawnOn;
    const arithmetic = trainee.attendedDays === 0 ? 'no attended training day: nothing is paid for a trainee who never attended' : `employment ${gate.explanation.arithmetic}: ${waiting}`;
    const explanation: LineExplanation = { ruleId: 'R-FREE-4', policyVersion: policyVersionOf(policy), inputs, arithmetic };
    const line = { ruleId: 'R-FREE-4', labourerId: trainee.labourerId, payee, explanation } as const;
    if (trainee.attendedDays === 0) return refusedLine(context, line, { code: 'NO_ATTENDED_DAYS', message: arithmetic }, index);
    return pendingLine(context, line, { code: 'TIER_UNDECIDED', message: waiting }, index);
  });
}

/** The first working day on or after `day`. */
function workingDayFrom(day: number): number {
  while (!isWeekday(day)) day++;
  return day;
}
