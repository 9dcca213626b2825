import type { CalendarDate, ClaimGate, ClaimLine, ClaimPayee, ClaimScheme, ClaimTier, CohortState, LineOutcome } from '@skills/domain';
import type { OutcomeRates, PolicyDocument, SchemeLine } from '@skills/policy';
import { claimGatesOf } from '../../gates/claim-gates-of';
import type { CohortHistory } from '../cohort-history';
import type { ClaimHistory, SimulationHistory, SubmissionFacts } from '../simulation-history';

/** Why a claim is carried at its live figures instead of being simulated. */
export type NotSimulatedReason = 'NO_SIMULATOR' | 'SUBJECT_NOT_FOUND' | 'FACTS_INCOMPLETE' | 'CALCULATION_FAILED';

export class NotSimulated extends Error {
  constructor(
    readonly reason: NotSimulatedReason,
    message: string,
  ) {
    super(message);
    this.name = 'NotSimulated';
  }
}

/** What every simulator may ask of the replayed history, under the candidate. */
export interface SimulationContext {
  readonly asOf: CalendarDate;
  readonly history: SimulationHistory;
  /** The version in force on a day: the candidate within its window, the live registry elsewhere. */
  policyOn(date: CalendarDate): PolicyDocument;
  /** R-GATE-1..3 of a gated cohort as of asOf, under the version in force on its start; undefined for none. */
  cohortRates(cohortId: string): OutcomeRates | undefined;
}

/** One line as simulated: who it pays and how much (0 unless it pays). */
export interface SimulatedLine {
  readonly labourerId?: string;
  readonly payee: ClaimPayee;
  readonly outcome: LineOutcome;
  readonly amountFen: number;
}

/** A claim recomputed: its tier and the gates that apply (releaseOf), its lines, the version that priced them. */
export interface SchemeSimulation {
  readonly tier: ClaimTier | null;
  readonly gates: readonly ClaimGate[];
  readonly lines: readonly SimulatedLine[];
  readonly policyVersion: string;
}

/**
 * One scheme's way to recompute a claim from the replayed facts with the live path's own pure functions. A new
 * scheme's claims are simulated by one more file implementing this, listed in scheme-simulators.ts; until then they
 * are carried at their live figures and listed as not simulated. Throws NotSimulated when the facts are missing.
 */
export interface SchemeSimulator {
  readonly scheme: ClaimScheme;
  simulate(claim: ClaimHistory, context: SimulationContext): SchemeSimulation;
}

export const linesOfCalculation = (lines: readonly (SchemeLine | ClaimLine)[]): SimulatedLine[] =>
  lines.map((line) => ({
    ...(line.labourerId === undefined ? {} : { labourerId: line.labourerId.toLowerCase() }),
    payee: line.payee,
    outcome: line.outcome,
    amountFen: line.outcome === 'AMOUNT' ? line.amountFen : 0,
  }));

export type CompletedCohort = Extract<CohortState, { status: 'completed' }>;

/** What the cohort schemes (R-FREE-3/4/5) compute from, as cohortClaimFacts gathers it for the live claim. */
export interface CohortClaimInputs {
  readonly cohort: CompletedCohort;
  readonly record: CohortHistory;
  readonly atSubmission: SubmissionFacts;
  /** The start: its version prices the lines and sets the gates. */
  readonly serviceDate: CalendarDate;
  readonly policy: PolicyDocument;
  readonly rates: OutcomeRates;
  /** Every gate of the cohort as of asOf, as the gate evaluator records them. */
  readonly gates: readonly ClaimGate[];
}

export function cohortClaimInputs(claim: ClaimHistory, context: SimulationContext): CohortClaimInputs {
  const { subject, period } = claim.submitted;
  const record = context.history.cohorts.get(subject.id);
  if (!record || record.decider.status === 'absent') throw new NotSimulated('SUBJECT_NOT_FOUND', `cohort ${subject.id} is not in the history up to the day simulated`);
  if (record.decider.status !== 'completed') throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${subject.id} is ${record.decider.status}, not completed`);
  if (!claim.atSubmission) throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${subject.id} was not in the history when the claim was submitted`);
  const rates = context.cohortRates(subject.id);
  if (!rates) throw new NotSimulated('FACTS_INCOMPLETE', `cohort ${subject.id} has no outcome gates in the history`);
  return {
    cohort: record.decider,
    record,
    atSubmission: claim.atSubmission,
    serviceDate: period.from,
    policy: context.policyOn(period.from),
    rates,
    gates: claimGatesOf(rates),
  };
}
