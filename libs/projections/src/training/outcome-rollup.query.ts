import type { CalendarDate } from '@skills/domain';
import { GATED_PROGRAMME_TYPE, percentText, type GatesPolicy } from '@skills/policy';
import type { SqlExecutor } from '@skills/sql';
import { cohortOutcomeRates } from './cohort-outcome-facts.query';
import { findCohortKeys, type CohortKey, type CohortListFilter } from './cohort-list.query';

export const ROLLUP_GROUPS = ['provider', 'programmeType', 'subdistrict', 'district'] as const;
export type RollupGroupBy = (typeof ROLLUP_GROUPS)[number];
const GATES = ['pass', 'certification', 'employment'] as const;
type GateName = (typeof GATES)[number];

interface GateSum {
  numerator: number;
  denominator: number;
}

export interface RollupGroup {
  readonly key: string | null;
  readonly cohortCount: number;
  readonly baseSize: number;
  readonly gates: Record<GateName, GateSum & { percent: string | null }>;
  readonly failedCohorts: { cohortId: string; failedGates: GateName[] }[];
}

const keyOf = (cohort: CohortKey, groupBy: RollupGroupBy): string | null => {
  switch (groupBy) {
    case 'provider':
      return cohort.providerId;
    case 'programmeType':
      return cohort.programmeType;
    case 'subdistrict':
      return cohort.subdistrictId;
    case 'district':
      return 'district';
  }
};

/**
 * R-GATE-1..3 rolled up: each gate's numerators and bases summed over the gated cohorts the filter admits
 * (cancelled ones left out), with the cohorts whose gates FAILED. It runs the per-cohort calculation once per
 * cohort (a few queries each): fine for a district's hundreds of cohorts, a read model of its own past that.
 */
export async function outcomeRollup(
  db: SqlExecutor,
  filter: CohortListFilter,
  groupBy: RollupGroupBy,
  asOf: CalendarDate,
  policyOn: (date: CalendarDate) => GatesPolicy,
): Promise<RollupGroup[]> {
  const cohorts = await findCohortKeys(db, { ...filter, programmeTypes: GATED_PROGRAMME_TYPE.options, excludeCancelled: true });
  const groups = new Map<string | null, { cohortCount: number; baseSize: number; gates: Record<GateName, GateSum>; failedCohorts: RollupGroup['failedCohorts'] }>();
  for (const cohort of cohorts) {
    const result = await cohortOutcomeRates(db, cohort.cohortId, asOf, policyOn);
    if (!result) continue;
    const key = keyOf(cohort, groupBy);
    const group = groups.get(key) ?? { cohortCount: 0, baseSize: 0, gates: emptySums(), failedCohorts: [] };
    group.cohortCount += 1;
    group.baseSize += result.rates.base.size;
    const failedGates: GateName[] = [];
    for (const gate of GATES) {
      const { rate, state } = result.rates.gates[gate];
      group.gates[gate].numerator += rate.numerator;
      group.gates[gate].denominator += rate.denominator;
      if (state.status === 'FAILED') failedGates.push(gate);
    }
    if (failedGates.length > 0) group.failedCohorts.push({ cohortId: cohort.cohortId, failedGates });
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({
    key,
    cohortCount: group.cohortCount,
    baseSize: group.baseSize,
    gates: Object.fromEntries(GATES.map((g) => [g, { ...group.gates[g], percent: percentText(group.gates[g]) }])) as RollupGroup['gates'],
    failedCohorts: group.failedCohorts,
  }));
}

function emptySums(): Record<GateName, GateSum> {
  return { pass: { numerator: 0, denominator: 0 }, certification: { numerator: 0, denominator: 0 }, employment: { numerator: 0, denominator: 0 } };
}
