import { DomainError, type CalendarDate } from '@skills/domain';
import type { LineExplanation } from '../line-explanation';
import { policyVersionOf } from '../parse-policy-document';
import type { PolicyDocument, PolicyParameters } from '../policy-document.schema';
import { addDays } from './calendar-days';
import { baseMembership, cohortStart, cutoffTrainingDays, withdrawalKnownOn, type BaseMembership } from './cohort-base';
import { exactFraction, percentText, type ExactFraction } from './exact-fraction';
import { AWAITING_VERIFICATION, countCertification, countEmployment, countPass, type CountDecision, type CountingWindow } from './gate-counting';
import { evaluateGateState, rateArithmetic, type GateState } from './gate-state';
import { outcomeFactsSchema, type CohortFacts, type OutcomeFacts } from './outcome-facts';

/** The policy version the caller chose for the cohort (for example the one in force on its start). */
export type GatesPolicy = Pick<PolicyDocument, 'id' | 'version'> & { readonly parameters: Pick<PolicyParameters, 'gates'> };
export type OutcomeRatesInput = OutcomeFacts & { readonly policy: GatesPolicy };

export type GateId = 'PASS' | 'CERTIFICATION' | 'EMPLOYMENT' | 'EMPLOYMENT_FALLBACK';

export interface GateResult {
  readonly gate: GateId;
  readonly ruleId: 'R-GATE-1' | 'R-GATE-2' | 'R-GATE-3';
  readonly thresholdPercent: number;
  readonly rate: ExactFraction;
  /** Two decimals, rounded down; null for an empty base. */
  readonly percent: string | null;
  readonly window: { readonly from: CalendarDate; readonly to: CalendarDate; readonly provisional: boolean };
  readonly state: GateState;
  /** R-GATE-5: the trainees the rate counted, each with the record that counted. */
  readonly counted: readonly { readonly labourerId: string; readonly evidenceId?: string }[];
  readonly explanation: LineExplanation;
}

export interface TraineeExplanation {
  readonly labourerId: string;
  readonly base: BaseMembership;
  readonly pass: CountDecision;
  readonly certification: CountDecision;
  readonly employment: CountDecision;
}

export interface OutcomeRates {
  readonly cohortId: string;
  readonly policyVersion: string;
  readonly asOf: CalendarDate;
  readonly base: { readonly size: number; readonly cutoffTrainingDays: number; readonly labourerIds: readonly string[] };
  /** `employmentFallback` only for employment-oriented cohorts: the general threshold of the R-FREE-4 fallback tier. */
  readonly gates: { readonly pass: GateResult; readonly certification: GateResult; readonly employment: GateResult; readonly employmentFallback?: GateResult };
  readonly trainees: readonly TraineeExplanation[];
}

const EMPLOYMENT_ORIENTED = new Set(['ORDER_BASED', 'MENU_BASED', 'PROJECT_BASED']);

/**
 * R-GATE-1..3 and R-GATE-5: the pass, certification and employment rates of one cohort over its base, each an
 * exact fraction with its gate state, and for every trainee why it is or is not in the base and counted.
 * Windows run from the cohort's start to its end plus the window days (both ends included); the end is the
 * completion date, or the planned end while the cohort has none (then the window is provisional and cannot close).
 * The pass gate's window ends on the day the completion was recorded (see passWindowEnd). The facts are taken as
 * known on asOf: a completion, assessment, certificate or employment recorded after it, or a verification or
 * rejection after it, does not count yet; one recorded after its window never counts.
 */
export function calculateOutcomeRates(input: OutcomeRatesInput): OutcomeRates {
  const { cohort: recorded, trainees, asOf } = parseFacts(input);
  const cohort = completionKnownOn(recorded, asOf);
  const gates = input.policy.parameters.gates;
  const policyVersion = policyVersionOf(input.policy);
  const start = cohortStart(cohort);
  const end = cohort.completedOn ?? cohort.plannedEnd;
  const provisional = cohort.completedOn === undefined;
  const windowOf = (days: number): CountingWindow => ({ from: start, to: addDays(end, days), end, days });
  const certificationWindow = windowOf(gates.certificationWindowDays);
  const employmentWindow = windowOf(gates.employmentWindowDays);
  const passEnd = cohort.completedOn === undefined ? end : passWindowEnd(cohort.completedOn, cohort.completionRecordedOn);
  const passWindow: CountingWindow = { from: start, to: passEnd, end: passEnd, days: 0 };

  const explained: TraineeExplanation[] = trainees.map((trainee) => {
    const base = baseMembership(withdrawalKnownOn(trainee, asOf), cohort, gates.baseCutoffPercentOfPlannedDays);
    return {
      labourerId: trainee.labourerId,
      base,
      pass: countPass(trainee, base, provisional ? undefined : passEnd, asOf),
      certification: countCertification(trainee, base, cohort.occupation, certificationWindow, asOf),
      employment: countEmployment(trainee, base, employmentWindow, asOf),
    };
  });
  const baseIds = explained.filter((t) => t.base.inBase).map((t) => t.labourerId);
  const context = { cohort, asOf, policyVersion, provisional, explained, base: baseIds.length };
  const employmentOriented = EMPLOYMENT_ORIENTED.has(cohort.programmeType);
  const employmentThreshold = gates.employmentRatePercent[employmentOriented ? 'EMPLOYMENT_ORIENTED' : 'GENERAL'];
  const employmentGate = (gate: GateId, threshold: number) => gateResult(gate, 'R-GATE-3', threshold, employmentWindow, (t) => t.employment, context);
  return {
    cohortId: cohort.cohortId,
    policyVersion,
    asOf,
    base: { size: baseIds.length, cutoffTrainingDays: cutoffTrainingDays(cohort.plannedDays, gates.baseCutoffPercentOfPlannedDays), labourerIds: baseIds },
    gates: {
      pass: gateResult('PASS', 'R-GATE-1', gates.passRatePercent, passWindow, (t) => t.pass, context),
      certification: gateResult('CERTIFICATION', 'R-GATE-2', gates.certificationRatePercent, certificationWindow, (t) => t.certification, context),
      employment: employmentGate('EMPLOYMENT', employmentThreshold),
      ...(employmentOriented ? { employmentFallback: employmentGate('EMPLOYMENT_FALLBACK', gates.employmentRatePercent.GENERAL) } : {}),
    },
    trainees: explained,
  };
}

/**
 * R-GATE-5: the cohort as known on asOf. A completion recorded after that day was not known then: the cohort is
 * evaluated as still running (windows provisional, from the planned end), as it was shown that day, and a completion
 * entered later cannot close a window, or fail a gate, in an evaluation as of an earlier day.
 */
export function completionKnownOn(cohort: CohortFacts, asOf: CalendarDate): CohortFacts {
  if (cohort.completedOn === undefined) return cohort;
  // Recorded on the later of completedOn and completionRecordedOn (absent: on completedOn), as passWindowEnd reads it.
  if (passWindowEnd(cohort.completedOn, cohort.completionRecordedOn) <= asOf) return cohort;
  const { completedOn: _notKnownYet, completionRecordedOn: _neither, ...running } = cohort;
  return running;
}

/**
 * R-GATE-1 is decided at the end of the day the cohort's completion was recorded. The notice asks for the pass rate
 * "after each training" (每次培训后合格率要达到95%以上,并颁发培训合格证) and gives no period for assessing after it:
 * the final assessment is part of the training, so the gate is final once the provider records the training as
 * over, and the assessments and corrections recorded by then are what it counts (R-GATE-4). That day, not
 * completedOn: a completion is often entered days after the last training day and dated back to it, and the
 * assessments entered before it must count; otherwise a truthful date would fail the gate, and a provider would be
 * pushed to date the completion later, which would also move the certification and employment windows.
 */
function passWindowEnd(completedOn: CalendarDate, recordedOn: CalendarDate | undefined): CalendarDate {
  return recordedOn !== undefined && recordedOn > completedOn ? recordedOn : completedOn;
}

interface GateContext {
  readonly cohort: CohortFacts;
  readonly asOf: CalendarDate;
  readonly policyVersion: string;
  readonly provisional: boolean;
  readonly explained: readonly TraineeExplanation[];
  readonly base: number;
}

function gateResult(
  gate: GateId,
  ruleId: GateResult['ruleId'],
  thresholdPercent: number,
  window: CountingWindow,
  decision: (trainee: TraineeExplanation) => CountDecision,
  context: GateContext,
): GateResult {
  const counted = context.explained
    .filter((t) => decision(t).counted)
    .map((t) => ({ labourerId: t.labourerId, ...(decision(t).evidenceId === undefined ? {} : { evidenceId: decision(t).evidenceId }) }));
  const rate = exactFraction(counted.length, context.base);
  // R-GATE-4: trainees whose record was made in time and awaits verification keep a closed gate from failing.
  const pending = context.explained.filter((t) => decision(t).reason === AWAITING_VERIFICATION).length;
  const state = evaluateGateState(rate, thresholdPercent, { end: window.to, provisional: context.provisional }, context.asOf, pending);
  return {
    gate,
    ruleId,
    thresholdPercent,
    rate,
    percent: percentText(rate),
    window: { from: window.from, to: window.to, provisional: context.provisional },
    state,
    counted,
    explanation: {
      ruleId,
      policyVersion: context.policyVersion,
      inputs: {
        cohortId: context.cohort.cohortId,
        counted: rate.numerator,
        base: rate.denominator,
        thresholdPercent,
        windowFrom: window.from,
        windowTo: window.to,
        asOf: context.asOf,
        state: state.status,
        ...(pending > 0 ? { awaitingVerification: pending } : {}),
      },
      arithmetic: `${rateArithmetic(rate, thresholdPercent)}: ${stateText(state)}`,
    },
  };
}

function stateText(state: GateState): string {
  switch (state.status) {
    case 'HOLDING':
      return 'HOLDING';
    case 'OPEN':
      return `OPEN until ${state.windowEnd}${state.provisional ? ' (provisional: the cohort has not completed)' : ''}`;
    case 'AWAITING_VERIFICATION':
      return `AWAITING_VERIFICATION: the window closed on ${state.windowEnd}, ${state.shortBy} trainee(s) short; ${state.pendingVerification} trainee(s) with a record made in time await the bureau's verification`;
    case 'FAILED':
      return `FAILED: the window closed on ${state.windowEnd}${state.emptyBase ? ' with an empty base' : `, ${state.shortBy} trainee(s) short`}`;
  }
}

function parseFacts(input: OutcomeRatesInput): OutcomeFacts {
  const result = outcomeFactsSchema.safeParse({ cohort: input.cohort, trainees: input.trainees, asOf: input.asOf });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  throw new DomainError('GATES.INVALID_FACTS', `the cohort's outcome facts have ${issues.length} problem(s)`, 'validation', {}, issues);
}
