import { DomainError, shanghaiDateOf, type CalendarDate } from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { cohortOutcomeRates } from '@skills/projections';
import type { RegistryDirectory } from '../registry/registry-directory';
import { visibleCohort } from '../training/cohort-access';
import { gateViewFor } from './gate-views';
import { traineeExplanationsFor } from './trainee-explanations';

const PROJECTION = 'cohort-outcomes';

/**
 * R-GATE-1..5 for one cohort as the read model holds it: the base, the three rates as exact fractions with their
 * gate states, and per trainee why it is in the base and what counted, under the policy in force on the cohort's
 * start. The read model trails the event store by a moment, so the answer says how far (eventsBehind).
 */
export async function readCohortOutcomeRates(system: System, directory: RegistryDirectory, principal: Principal, cohortId: string, asOf?: CalendarDate) {
  // The stream decides who may look (a provider sees its own cohorts only; another's is 404 like a missing one).
  await visibleCohort(system, principal, cohortId);
  const day = asOf ?? shanghaiDateOf(new Date().toISOString());
  const eventsBehind = await projectionLag(system);
  const result = await ratesOfVisibleCohort(system, directory, cohortId, day);
  if (!result) {
    throw new DomainError('GATES.COHORT_NOT_PROJECTED_YET', 'The cohort was planned a moment ago and its rates are not readable yet: try again in a second', 'conflict', {
      cohortId,
      eventsBehind,
    });
  }
  const { cohort, rates } = result;
  // R-GATE-4 for the bureau; for a provider without the count of records awaiting verification (they may be others').
  const gates = Object.fromEntries(Object.entries(rates.gates).map(([key, gate]) => [key, gateViewFor(principal, gate)]));
  return {
    cohortId: rates.cohortId,
    programmeType: cohort.programmeType,
    occupation: cohort.occupation,
    status: cohort.status,
    asOf: rates.asOf,
    policyVersion: rates.policyVersion,
    base: rates.base,
    gates,
    // R-GATE-5 for the bureau; for a provider without the records that did not count (they may be others').
    trainees: traineeExplanationsFor(principal, rates.trainees),
    projection: { name: PROJECTION, eventsBehind },
  };
}

/**
 * R-GATE-1..5 of one cohort as of a day, from the read model, under the policy in force on its start: the one place
 * the api computes them (the outcomes, and what a provider may see of its trainees' records). The caller has checked
 * that the principal may see the cohort (visibleCohort). undefined when the read model has no such cohort yet.
 */
export function ratesOfVisibleCohort(system: System, directory: RegistryDirectory, cohortId: string, day: CalendarDate) {
  return cohortOutcomeRates(system.db, cohortId, day, (start) => directory.policyOn(start, 'plannedStart'));
}

/** null when this process runs no projections (api and worker apart): /health of the worker says then. */
async function projectionLag(system: System): Promise<number | null> {
  if (!system.runner) return null;
  const statuses = await system.runner.status();
  return statuses.find((s) => s.name === PROJECTION)?.eventsBehind ?? null;
}
