import { shanghaiDateOf, type CalendarDate } from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { outcomeRollup, type RollupGroupBy } from '@skills/projections';
import type { RegistryDirectory } from '../registry/registry-directory';
import { cohortScopeFilter } from './cohort-scope';

/**
 * R-GATE-1..3 summed per provider, programme type, subdistrict or for the district, over the cohorts the caller
 * may see, each cohort under the policy in force on its start (R-GATE-5: the per-cohort answer explains each).
 */
export async function readOutcomeRollup(system: System, directory: RegistryDirectory, principal: Principal, groupBy: RollupGroupBy, asOf?: CalendarDate) {
  const day = asOf ?? shanghaiDateOf(new Date().toISOString());
  const groups = await outcomeRollup(system.db, cohortScopeFilter(principal), groupBy, day, (start) => directory.policyOn(start, 'plannedStart'));
  return { groupBy, asOf: day, groups };
}
