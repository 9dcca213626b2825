import type { ClaimGate, ClaimLine } from './claim.events';
import type { ClaimGateId, ClaimScheme, ClaimStatus, ClaimTier } from './claim-vocabulary';

export interface ClaimRelease {
  readonly status: ClaimStatus;
  /** R-FREE-4 only; null for every other scheme. */
  readonly tier: ClaimTier | null;
  /** The gates that apply, in the order given. */
  readonly gates: readonly ClaimGate[];
}

const GENERAL_GATES: readonly ClaimGateId[] = ['PASS', 'CERTIFICATION', 'EMPLOYMENT'];
const R_FREE_4_GATES: readonly ClaimGateId[] = ['PASS', 'CERTIFICATION', 'EMPLOYMENT', 'EMPLOYMENT_FALLBACK'];

/**
 * R-GATE-4: which outcome gates hold a claim back. Section 4's gates are per cohort of free training (R-FREE-3/4).
 * R-FREE-4 is judged at 80% employment; once that gate has failed its lines fall back to the general tier, where
 * the general 30% gate applies instead (EMPLOYMENT_FALLBACK). `tierDecided`: the claim's tier is set already (see
 * below). Every other scheme has no outcome gate: R-FREE-5 is the trainee's allowance for days attended, and the gates
 * judge the provider's training, not the trainee.
 */
export function releaseOf(scheme: ClaimScheme, gates: readonly ClaimGate[], tierDecided = false): ClaimRelease {
  switch (scheme) {
    case 'R-FREE-3':
      return release(null, pick(gates, GENERAL_GATES));
    case 'R-FREE-4': {
      const [pass, certification, employment, fallback] = pick(gates, R_FREE_4_GATES);
      if (employment!.status === 'HOLDING') return release('EMPLOYMENT_ORIENTED', [pass!, certification!, employment!]);
      if (employment!.status === 'FAILED') return release('GENERAL_FALLBACK', [pass!, certification!, fallback!]);
      // A tier already decided stays (a late fact taking the 80% gate back below it is flagged, not re-priced), so the
      // claim's release waits on the gates that remain: pass, certification and the general 30% gate. Otherwise a
      // decided claim would wait on a gate that no longer decides anything, for ever.
      return release('UNDECIDED', [pass!, certification!, tierDecided ? fallback! : employment!]);
    }
    default:
      return release(null, []);
  }
}

/**
 * Every gate behind a claim's status and its R-FREE-4 tier, as a late-change flag shows them (R-GATE-4, R-GATE-5):
 * for R-FREE-4 both employment thresholds, since the 80% gate decides the tier and the 30% one the fallback's release.
 */
export function gatesBehind(scheme: ClaimScheme, gates: readonly ClaimGate[]): ClaimGate[] {
  if (scheme === 'R-FREE-3') return pick(gates, GENERAL_GATES);
  if (scheme === 'R-FREE-4') return pick(gates, R_FREE_4_GATES);
  return [];
}

/** R-GATE-4: a failed gate blocks (R-CLAIM-4 may override it), an undecided one keeps the claim waiting. */
export function statusOf(gates: readonly ClaimGate[]): ClaimStatus {
  if (gates.some((g) => g.status === 'FAILED')) return 'BLOCKED';
  if (gates.some((g) => g.status !== 'HOLDING')) return 'WAITING_ON_OUTCOMES';
  return 'READY_FOR_REVIEW';
}

function release(tier: ClaimTier | null, gates: readonly ClaimGate[]): ClaimRelease {
  return { status: statusOf(gates), tier, gates };
}

/** A gated scheme's claim without one of its gates is a wiring mistake upstream, not a clerk's: fail loudly. */
function pick(gates: readonly ClaimGate[], ids: readonly ClaimGateId[]): ClaimGate[] {
  return ids.map((id) => {
    const found = gates.filter((g) => g.gate === id);
    if (found.length !== 1) throw new Error(`a claim needs exactly one ${id} gate, got ${found.length}`);
    return found[0]!;
  });
}

/**
 * The lines must be at the tier the gates decided: the R-FREE-4 amount once 80% holds, the R-FREE-3 fallback once
 * it failed, PENDING (or refused) while undecided; every other scheme computes its own rule and never waits. A
 * mismatch is a wiring mistake (lines and gates read at different moments), so nothing is recorded.
 */
export function assertLinesMatchTier(scheme: ClaimScheme, tier: ClaimTier | null, lines: readonly ClaimLine[]): void {
  const expectedRule = tier === 'EMPLOYMENT_ORIENTED' ? 'R-FREE-4' : tier === 'GENERAL_FALLBACK' ? 'R-FREE-3' : scheme;
  // While undecided a trainee who attended no day is refused at either tier; everyone else waits.
  const wrong = lines.filter((line) => (tier === 'UNDECIDED' ? line.outcome === 'AMOUNT' || line.outcome === 'NO_RULE' : line.outcome === 'PENDING' || line.ruleId !== expectedRule));
  if (wrong.length > 0) throw new Error(`${wrong.length} line(s) of a ${scheme} claim do not match its tier ${tier ?? 'none'}`);
}
