import {
  DomainError,
  calendarDateSchema,
  createEventCatalogue,
  type CalendarDate,
  type ClaimGateId,
  type ClaimLifecycleStatus,
  type ClaimScheme,
  type ClaimStatus,
  type ClaimSubject,
  type ClaimTier,
  type GateStatus,
} from '@skills/domain';
import { POLICY_DOCUMENTS, calculateOutcomeRates, policyVersionOf, validatePolicyDocument, type OutcomeRates, type PolicyDocument } from '@skills/policy';
import type { SqlExecutor } from '@skills/sql';
import { candidatePolicyOn } from './candidate-registry';
import { compareClaim } from './claim-comparison';
import { readHistory } from './history-reader';
import { outcomeFactsOf } from './outcome-facts-of';
import type { NotSimulatedReason, SimulationContext } from './schemes/scheme-simulator';
import { schemeSimulatorFor } from './schemes/scheme-simulators';
import { SIMULATION_EVENT_TYPES, SimulationHistory } from './simulation-history';
import { buildSimulationReport } from './simulation-report';

export type { NotSimulatedReason } from './schemes/scheme-simulator';

/**
 * Policy simulation (issue 4, item 6): replays the whole event history under another policy version and reports
 * what the claims would cost and how they would be released. Read only: no event, no read-model row.
 */
export interface PolicySimulationInput {
  /** The version to simulate: a validated PolicyDocument (draft or published). */
  readonly candidate: PolicyDocument;
  /** Gates are judged as of this Shanghai day (default today); facts recorded after it are ignored. */
  readonly asOf: CalendarDate;
}
export interface SimulationProgress {
  readonly eventsRead: number;
  readonly eventsTotal: number;
}
export interface SimulationOptions {
  readonly onProgress?: (p: SimulationProgress) => void;
  readonly batchSize?: number;
}

/** Money figures of a group of claims, integer fen; differenceFen = simulatedFen - liveFen. */
/**
 * `liveFen` / `simulatedFen`: what the claims' lines compute, whatever their status (the figures rm_claims.total_fen
 * holds). `payable…`: the same without the claims that are BLOCKED, which pay nothing unless overridden, and on both
 * sides without those REJECTED in review (R-CLAIM-3: final, their keys released): the cost a policy change moves,
 * flips included.
 */
export interface CostFigures {
  readonly liveFen: number;
  readonly simulatedFen: number;
  readonly differenceFen: number;
  readonly payableLiveFen: number;
  readonly payableSimulatedFen: number;
  readonly payableDifferenceFen: number;
}
export interface SchemeCost extends CostFigures {
  readonly scheme: ClaimScheme;
  readonly claims: number;
}
/** By the subdistrict of the line's labourer (per-person lines); null for lines of no person or an unknown card. */
export interface SubdistrictCost extends CostFigures {
  readonly subdistrictId: string | null;
  readonly lines: number;
}
/** By the organisation paid: the line's payee, or for a line paid to a labourer (R-FREE-5) the submitting organisation. */
export interface PayeeOrganisationCost extends CostFigures {
  readonly organisation: { readonly kind: 'PROVIDER' | 'ENTERPRISE' | 'SUBDISTRICT' | 'ORGANISATION'; readonly id: string };
  readonly claims: number;
}

/** A claim's outcome: its status by R-GATE-4, its R-FREE-4 tier (null for other schemes), its total. */
export interface ClaimFigures {
  readonly status: ClaimStatus;
  readonly tier: ClaimTier | null;
  readonly totalFen: number;
}
/** The live side: its gate status (R-GATE-4) and, for information, where it stands in review (R-CLAIM-3). */
export interface LiveClaimFigures extends ClaimFigures {
  readonly reviewStatus: ClaimLifecycleStatus;
}
/** A gate that fails (or holds the claim back) under the candidate, with its figures. */
export interface SimulatedGateFigures {
  readonly gate: ClaimGateId;
  readonly ruleId: 'R-GATE-1' | 'R-GATE-2' | 'R-GATE-3';
  readonly status: GateStatus;
  readonly thresholdPercent: number;
  readonly rate: { readonly numerator: number; readonly denominator: number };
  readonly windowEnd: CalendarDate;
  readonly policyVersion: string;
}
/**
 * RELEASED_TO_BLOCKED / BLOCKED_TO_RELEASED: READY_FOR_REVIEW ↔ BLOCKED; WAITING_CHANGED: one side is
 * WAITING_ON_OUTCOMES and the other not; TIER: R-FREE-4's tier differs. Between gate statuses; a claim rejected in
 * review never flips (it pays nothing under any policy).
 */
export type ClaimFlipKind = 'RELEASED_TO_BLOCKED' | 'BLOCKED_TO_RELEASED' | 'WAITING_CHANGED' | 'TIER';
export interface ClaimFlip {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly kinds: readonly ClaimFlipKind[];
  readonly live: LiveClaimFigures;
  readonly simulated: ClaimFigures;
  /** The applying gates under the candidate that are not HOLDING. */
  readonly failingGates: readonly SimulatedGateFigures[];
  /** An approved override (R-CLAIM-4) set a gate aside: its effect on the status is kept. */
  readonly overridden: boolean;
}
export interface NotSimulatedClaim {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly subject: ClaimSubject;
  readonly reason: NotSimulatedReason;
  readonly message: string;
  /** Carried at its live figures in every total. */
  readonly liveFen: number;
  readonly reviewStatus: ClaimLifecycleStatus;
}
/** R-CLAIM-4 "flagged in every report": a claim an approved override changed; its status keeps the override's effect. */
export interface OverriddenClaim {
  readonly claimId: string;
  readonly scheme: ClaimScheme;
  readonly overriddenGates: readonly ClaimGateId[];
  readonly overriddenLineIds: readonly string[];
  readonly live: LiveClaimFigures;
  readonly simulated: ClaimFigures;
}

export interface PolicySimulationReport {
  readonly candidate: {
    readonly policyId: string;
    readonly version: number;
    /** `JCCQ-2020-12.v2` */
    readonly policyVersion: string;
    readonly effectiveFrom: CalendarDate;
    readonly effectiveTo: CalendarDate | null;
  };
  readonly asOf: CalendarDate;
  readonly eventsRead: number;
  readonly claims: {
    readonly total: number;
    readonly simulated: number;
    readonly notSimulated: number;
    /** Claims an approved override (R-CLAIM-4) changed. */
    readonly overridden: number;
    /** Simulated claims whose total differs from the live one. */
    readonly amountChanged: number;
    /** R-CLAIM-3: claims rejected in review, in the computed sums and payable on neither side. */
    readonly rejected: number;
  };
  readonly totals: CostFigures;
  readonly byScheme: readonly SchemeCost[];
  readonly bySubdistrict: readonly SubdistrictCost[];
  readonly byPayeeOrganisation: readonly PayeeOrganisationCost[];
  readonly flips: readonly ClaimFlip[];
  readonly overridden: readonly OverriddenClaim[];
  readonly notSimulated: readonly NotSimulatedClaim[];
}

/**
 * Policy simulation (issue 4, item 6): the whole history replayed under another policy version, read only.
 *
 * - One streaming pass over the event store (history-reader.ts): keyset pages in global order up to the head as
 *   it stood at the start, only the event types the fold needs, each upcast by the event catalogue. Nothing is
 *   written: no event, no read-model row, no checkpoint.
 * - The facts are folded in memory exactly as the cohort-outcomes read model and the claim sources hold them
 *   (simulation-history.ts); a fact recorded after `asOf` is not folded.
 * - Registry: the shipped versions and every published one, with the candidate in force on every day of its
 *   effective window (candidate-registry.ts). As live, the version in force on a cohort's start sets its gates
 *   and prices its lines.
 * - Live figures: each claim's stream as the claim decider folds it (submission, gate decisions, overrides, the
 *   review steps and a resubmission's new lines): what the system shows today. Simulated figures: the live path's own
 *   pure functions on the replayed facts: the scheme calculators on the roster, days and cards the claim was
 *   (re)submitted with (decidedTierLines for an R-FREE-4 claim submitted undecided; for the enterprise, award and
 *   certification schemes, on the recorded facts its lines name: schemes/fact-claim-lines.ts), and the gates
 *   (calculateOutcomeRates, claimGatesOf, releaseOf, statusOf) as of `asOf`. An approved override keeps its effect on
 *   the status (R-CLAIM-4) and the claim is flagged. A claim rejected in review pays nothing on either side.
 * - Under the live policy, with the gate evaluator caught up as of `asOf`, every simulated claim equals its live
 *   figures. What can differ even then: a claim flagged with a late outcome (ClaimLateOutcomeFlagged, whose status
 *   stays decided while its gates moved), a version published after the claim that now covers its start.
 */
export async function simulatePolicy(db: SqlExecutor, input: PolicySimulationInput, options: SimulationOptions = {}): Promise<PolicySimulationReport> {
  const { candidate, asOf } = checkedInput(input);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) throw new RangeError(`batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`);
  const history = new SimulationHistory(asOf);
  const onProgress = options.onProgress;
  const eventsRead = await readHistory(
    db,
    createEventCatalogue(),
    { types: SIMULATION_EVENT_TYPES, batchSize, ...(onProgress ? { onProgress: (eventsRead: number, eventsTotal: number) => onProgress({ eventsRead, eventsTotal }) } : {}) },
    (event) => history.fold(event),
  );
  const policyOn = candidatePolicyOn([...POLICY_DOCUMENTS, ...history.published], candidate);
  const context = simulationContext(history, asOf, policyOn);
  const comparisons = [...history.claims.values()].map((claim) => compareClaim(claim, schemeSimulatorFor(claim.submitted.scheme), context));
  const header = {
    candidate: { policyId: candidate.id, version: candidate.version, policyVersion: policyVersionOf(candidate), effectiveFrom: candidate.effectiveFrom, effectiveTo: candidate.effectiveTo },
    asOf,
    eventsRead,
  };
  return buildSimulationReport(header, comparisons, (labourerId) => history.people.cards.get(labourerId)?.subdistrictId ?? null);
}

const DEFAULT_BATCH_SIZE = 5_000;
const MAX_BATCH_SIZE = 100_000;

/** The rates of each cohort once, memoised: a cohort's R-FREE-4 and R-FREE-5 claims share them. */
function simulationContext(history: SimulationHistory, asOf: CalendarDate, policyOn: (date: CalendarDate) => PolicyDocument): SimulationContext {
  const rates = new Map<string, OutcomeRates | undefined>();
  return {
    asOf,
    history,
    policyOn,
    cohortRates(cohortId) {
      if (!rates.has(cohortId)) {
        const facts = outcomeFactsOf(history, cohortId);
        const start = facts ? (facts.cohort.actualStart ?? facts.cohort.plannedStart) : undefined;
        rates.set(cohortId, facts && start ? calculateOutcomeRates({ ...facts, asOf, policy: policyOn(start) }) : undefined);
      }
      return rates.get(cohortId);
    },
  };
}

/** The candidate is validated again (POLICY.INVALID_DOCUMENT with every bad field), as a document to publish is. */
function checkedInput(input: PolicySimulationInput): PolicySimulationInput {
  const candidate = validatePolicyDocument(input.candidate);
  if (!calendarDateSchema.safeParse(input.asOf).success) {
    throw new DomainError('SIMULATION.INVALID_AS_OF', `asOf must be a calendar day such as 2021-06-30, got ${JSON.stringify(input.asOf)}`, 'validation', {}, [{ field: 'asOf', message: 'give a day as YYYY-MM-DD' }]);
  }
  return { candidate, asOf: input.asOf };
}
