import type { SchemeCalculation } from '@skills/policy';
import { deterministicUuid } from '../../commands/deterministic-id';
import type { ClaimHistory } from '../simulation-history';
import { NotSimulated, linesOfCalculation, type SimulatedLine } from './scheme-simulator';

/**
 * R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2: the recorded facts a claim covered, one line each. A claim holds the facts of
 * its period or those no claim held yet (fact-lines.ts in apps/api), which the history cannot tell afterwards, so
 * they are found by their lines: a line's id derives from the claim and the fact's name, as factLinesOf makes it.
 */
export function claimedFacts<F extends { readonly name: string }>(claim: ClaimHistory, facts: readonly F[]): F[] {
  const { claimId, lines } = claim.submitted;
  const lineIds = new Set(lines.map((line) => line.lineId));
  const claimed = facts.filter((fact) => lineIds.has(deterministicUuid(claimId, 'line', fact.name)));
  if (claimed.length !== lineIds.size) throw new NotSimulated('FACTS_INCOMPLETE', `${lineIds.size - claimed.length} of the claim's ${lineIds.size} lines match no recorded fact`);
  return claimed;
}

/** A one-fact calculation's lines, for the fact's person when it has one (factLinesOf in apps/api puts them there). */
export function factLinesOf(calculation: SchemeCalculation, labourerId?: string): SimulatedLine[] {
  const lines = linesOfCalculation(calculation.lines);
  return labourerId === undefined ? lines : lines.map((line) => ({ ...line, labourerId: labourerId.toLowerCase() }));
}

/** The version a fact claim is recorded under: that of its latest fact (latestPolicyVersion in apps/api). */
export function latestPolicyVersion(priced: readonly { readonly period: { readonly to: string }; readonly calculation: SchemeCalculation }[]): string {
  const latest = [...priced].sort((a, b) => a.period.to.localeCompare(b.period.to)).reverse()[0];
  if (!latest) throw new NotSimulated('FACTS_INCOMPLETE', 'the claim holds no line');
  return latest.calculation.policyVersion;
}
