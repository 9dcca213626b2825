import type { CalendarDate } from '@skills/domain';
import type { GateResult, TraineeFacts } from '@skills/policy';
import type { UnitCohort } from './unit-cohorts';

/** Records made after the window they would have counted in, by record id, with the cohorts they missed. */
export interface LateRecords {
  readonly recordIds: readonly string[];
  readonly cohortIds: readonly string[];
}

/**
 * R-GATE-2, R-GATE-4: certificates that would have counted for a cohort's certification rate had they been recorded
 * by the window's last day: for the cohort's occupation, counted for this cohort, issued inside the window, for a
 * trainee of the base who did not withdraw and was not counted by any other certificate, but recorded after the
 * window closed, so the gate never counts them. Only records made within `recordedIn` (the report's period).
 */
export function lateCertificates(cohorts: readonly UnitCohort[], recordedIn: { from: CalendarDate; to: CalendarDate }): LateRecords {
  return collect(cohorts, 'certification', (trainee, cohort, window) =>
    trainee.certificates.find(
      (c) => c.countsForThisCohort && c.occupation.trim() === cohort.occupation.trim() && inWindow(c.issuedOn, window) && c.recordedOn > window.to && within(c.recordedOn, recordedIn),
    )?.certificateId,
  );
}

/**
 * R-GATE-3, R-GATE-4: employments starting inside a cohort's employment window, of a trainee of the base not counted
 * otherwise, recorded after the window closed and not rejected as of asOf: the gate never counts them.
 */
export function lateEmployments(cohorts: readonly UnitCohort[], recordedIn: { from: CalendarDate; to: CalendarDate }, asOf: CalendarDate): LateRecords {
  return collect(cohorts, 'employment', (trainee, _cohort, window) =>
    trainee.employments.find((e) => (e.rejection === undefined || e.rejection.on > asOf) && inWindow(e.startsOn, window) && e.recordedOn > window.to && within(e.recordedOn, recordedIn))
      ?.employmentId,
  );
}

type Window = GateResult['window'];

function collect(cohorts: readonly UnitCohort[], gate: 'certification' | 'employment', lateRecordOf: (trainee: TraineeFacts, cohort: UnitCohort, window: Window) => string | undefined): LateRecords {
  const recordIds = new Set<string>();
  const cohortIds = new Set<string>();
  for (const cohort of cohorts) {
    const window = cohort.rates.gates[gate].window;
    // A window that has not closed has no late records yet.
    if (window.provisional) continue;
    const facts = new Map(cohort.trainees.map((t) => [t.labourerId, t]));
    for (const trainee of cohort.rates.trainees) {
      if (!trainee.base.inBase || trainee.base.withdrawn || trainee[gate].counted) continue;
      const recordId = lateRecordOf(facts.get(trainee.labourerId)!, cohort, window);
      if (recordId === undefined) continue;
      recordIds.add(recordId);
      cohortIds.add(cohort.cohortId);
    }
  }
  return { recordIds: [...recordIds].sort(), cohortIds: [...cohortIds].sort() };
}

const inWindow = (day: CalendarDate, window: Window) => day >= window.from && day <= window.to;
const within = (day: CalendarDate, range: { from: CalendarDate; to: CalendarDate }) => day >= range.from && day <= range.to;
