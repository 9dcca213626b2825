import { CLAIM_SCHEME, type ClaimGate, type ClaimLine, type SubmittedClaim } from '@skills/domain';
import { calculateEmploymentOrientedTraining, type PolicyDocument, type SchemeLine } from '@skills/policy';

export interface DecidedTierFacts {
  /** An R-FREE-4 claim whose tier is undecided: its lines are PENDING (or refused). */
  readonly claim: SubmittedClaim;
  /** The cohort's R-GATE-3 gate at the R-FREE-4 threshold as it stands now: HOLDING or FAILED. */
  readonly employmentGate: ClaimGate;
  /** The version in force on the claim's service date, the cohort's start, as when the claim was computed. */
  readonly policy: PolicyDocument;
  readonly providerId: string;
  /** Set when the cohort was approved (R-FREE-4). */
  readonly approvedPerPersonFen: number;
  /** Days on which anyone of the cohort attended. */
  readonly trainingDaysHeld: number;
}

/**
 * R-FREE-4 once its 80% gate is decided: the claim's lines priced at the tier by the scheme's own calculator (the
 * approved amount, or the R-FREE-3 general tier when the gate failed), for the trainees and attended days the claim
 * was computed with (each PENDING line records them): the gate decides the tier, it does not recompute the claim.
 * Each line keeps its id and the payment key its PENDING line reserved (R-CLAIM-2); the claim decider checks both.
 */
export function decidedTierLines(facts: DecidedTierFacts): ClaimLine[] {
  const { claim, employmentGate: gate } = facts;
  // R-FREE-4: a trainee who withdrew is priced by the days attended at either tier; the PENDING line records the withdrawal.
  const trainees = claim.lines.map((line) => ({ labourerId: labourerOf(line), attendedDays: attendedDaysOf(line), ...withdrawalOf(line) }));
  const calculation = calculateEmploymentOrientedTraining({
    policy: facts.policy,
    serviceDate: claim.period.from,
    cohortId: claim.subject.id,
    providerId: facts.providerId,
    approvedPerPersonFen: facts.approvedPerPersonFen,
    trainingDaysHeld: facts.trainingDaysHeld,
    employmentGate: { thresholdPercent: gate.thresholdPercent, rate: gate.rate, state: { status: gate.status } },
    trainees,
  });
  const own = new Map(claim.lines.map((line) => [labourerOf(line), line]));
  return calculation.lines.map((line) => claimLineOf(line, own.get(line.labourerId ?? '')!));
}

function claimLineOf(line: SchemeLine, own: ClaimLine): ClaimLine {
  const base = {
    lineId: own.lineId,
    ruleId: CLAIM_SCHEME.parse(line.ruleId),
    ...(own.labourerId === undefined ? {} : { labourerId: own.labourerId }),
    period: own.period,
    payee: line.payee,
    policyVersion: line.explanation.policyVersion,
    explanation: { ...line.explanation, ruleId: CLAIM_SCHEME.parse(line.explanation.ruleId) },
  };
  if (line.outcome === 'REFUSED') return { ...base, outcome: 'REFUSED', reason: line.reason };
  // A refused line reserved no payment key and none can be reserved here, so R-CLAIM-2 could not hold for it.
  if (own.outcome === 'REFUSED') throw new Error(`line ${own.lineId} was refused when the claim was submitted and reserved no payment key: it cannot pay at a tier`);
  if (line.outcome === 'AMOUNT') return { ...base, outcome: 'AMOUNT', amountFen: line.amountFen, paymentKey: own.paymentKey };
  return { ...base, outcome: 'NO_RULE', reason: line.reason, paymentKey: own.paymentKey };
}

function labourerOf(line: ClaimLine): string {
  if (line.labourerId === undefined) throw new Error(`line ${line.lineId} of an R-FREE-4 claim names no trainee`);
  return line.labourerId.toLowerCase();
}

function withdrawalOf(line: ClaimLine): { withdrawnOn?: string } {
  const withdrawnOn = line.explanation.inputs['withdrawnOn'];
  return typeof withdrawnOn === 'string' ? { withdrawnOn } : {};
}

/** The attended days the claim's line was computed with (R-FREE-4's PENDING and refused lines record them). */
function attendedDaysOf(line: ClaimLine): number {
  const days = line.explanation.inputs['attendedDays'];
  if (typeof days !== 'number') throw new Error(`line ${line.lineId} does not record the trainee's attended days`);
  return days;
}
