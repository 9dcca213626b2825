import { DomainError, shanghaiDateOf, type CalendarDate } from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { cohortOutcomeRates } from '@skills/projections';
import type { RegistryDirectory } from '../registry/registry-directory';
import { visibleCohort } from '../training/cohort-access';
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
  const result = await cohortOutcomeRates(system.db, cohortId, day, (start) => directory.policyOn(start, 'plannedStart'));
  if (!result) {
    throw new DomainError('GATES.COHORT_NOT_PROJECTED_YET', 'The cohort was planned a moment ago and its rates are not readable yet: try again in a second', 'conflict', {
      cohortId,
      eventsBehind,
    });
  }
  const { cohort, rates } = result;
  const gates = Object.fromEntries(
    Object.entries(rates.gates).map(([key, gate]) => [
      key,
      {
        ruleId: gate.ruleId,
        gate: gate.gate,
        thresholdPercent: gate.thresholdPercent,
        rate: gate.rate,
        percent: gate.percent,
        window: gate.window,
        state: gate.state,
        counted: gate.counted,
        arithmetic: gate.explanation.arithmetic,
      },
    ]),
  );
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

/** null when this process runs no projections (api and worker apart): /health of the worker says then. */
async function projectionLag(system: System): Promise<number | null> {
  if (!system.runner) return null;
  const statuses = await system.runner.status();
  return statuses.find((s) => s.name === PROJECTION)?.eventsBehind ?? null;
}
