import { shanghaiDateOf, type CalendarDate, type CohortState } from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { GATED_PROGRAMME_TYPE } from '@skills/policy';
import { findCohortAssessments, findCohortAttendance, findCohortCertificates, findCohortEmployments } from '@skills/projections';
import { ratesOfVisibleCohort } from '../outcome-rates/cohort-outcome-rates.service';
import type { RegistryDirectory } from '../registry/registry-directory';
import { isBureau, visibleCohort } from '../training/cohort-access';
import {
  CohortAssessmentsResponse,
  CohortAttendanceResponse,
  CohortCertificatesResponse,
  CohortEmploymentsResponse,
} from './cohort-records.schemas';

/**
 * The recorded facts of one cohort, for the console: attendance, assessments, and its trainees' certificates and
 * employments. Recorded facts, not gate decisions: what counts for R-GATE-1..3 is GET /api/cohorts/:id/outcomes
 * (and a provider sees of the certificates and employments only those, see shownTo). The cohort's plan comes from its stream (which also decides who may look: a provider sees its own cohorts, and
 * another's is 404 like a missing one); the people's records from the read model, a moment behind the writes.
 */
async function planOf(system: System, principal: Principal, cohortId: string): Promise<Exclude<CohortState, { status: 'absent' }>> {
  const { state } = await visibleCohort(system, principal, cohortId);
  if (state.status === 'absent') throw new Error('visibleCohort returned an absent cohort');
  return state;
}

/** The day the cohort started, or plans to: the first day an employment may start to concern it (R-GATE-3's window opens here). */
const startOf = (plan: Exclude<CohortState, { status: 'absent' }>): CalendarDate => ('startedOn' in plan ? plan.startedOn : plan.plannedStartOn);

const statusOf = (withdrawnOn: CalendarDate | null) => (withdrawnOn === null ? ('enrolled' as const) : ('withdrawn' as const));

export async function readCohortAttendance(system: System, principal: Principal, cohortId: string): Promise<CohortAttendanceResponse> {
  const { plannedDays } = await planOf(system, principal, cohortId);
  const { days, trainees } = await findCohortAttendance(system.db, cohortId);
  return CohortAttendanceResponse.parse({
    cohortId,
    plannedDays,
    trainingDaysHeld: days.length,
    days,
    trainees: trainees.map(({ labourerId, enrolledOn, withdrawnOn, daysAttended }) => ({
      labourerId,
      status: statusOf(withdrawnOn),
      enrolledOn,
      withdrawnOn,
      daysAttended,
      plannedDays,
    })),
  });
}

export async function readCohortAssessments(system: System, principal: Principal, cohortId: string): Promise<CohortAssessmentsResponse> {
  await planOf(system, principal, cohortId);
  const rows = await findCohortAssessments(system.db, cohortId);
  const items = rows.map(({ labourerId, enrolledOn, withdrawnOn, result, assessedOn }) => ({
    labourerId,
    status: statusOf(withdrawnOn),
    enrolledOn,
    withdrawnOn,
    result: result ?? 'NOT_ASSESSED',
    assessedOn,
  }));
  const count = (result: string) => items.filter((i) => i.result === result).length;
  return CohortAssessmentsResponse.parse({
    cohortId,
    summary: { trainees: items.length, passed: count('PASS'), failed: count('FAIL'), notAssessed: count('NOT_ASSESSED') },
    items,
  });
}

/** What a caller is shown; `counted` maps each record that counted to the trainee it counted for. */
type Shown = { readonly shown: 'ALL_RECORDED' } | { readonly shown: 'COUNTED_FOR_THIS_COHORT'; readonly counted: ReadonlyMap<string, string> };

/**
 * R-GATE-5 against privacy: a certificate or an employment belongs to the person, not the cohort, and may have been
 * recorded by an employer, the bureau or another provider, for another cohort, years later. The bureau sees every
 * record of the cohort's trainees. A provider sees, of its trainees in the base, only the records that counted for
 * this cohort in the outcome gates as of today: the evidence of its own outcome explanation, taken from the same
 * calculation (never a second one), so the records endpoints show no more than /outcomes does.
 */
async function shownTo(
  system: System,
  directory: RegistryDirectory,
  principal: Principal,
  cohortId: string,
  plan: Exclude<CohortState, { status: 'absent' }>,
  gate: 'certification' | 'employment',
): Promise<Shown> {
  if (isBureau(principal)) return { shown: 'ALL_RECORDED' };
  const counted = new Map<string, string>();
  // Training without outcome gates counts no record for them: nothing to show.
  if (!GATED_PROGRAMME_TYPE.safeParse(plan.programmeType).success) return { shown: 'COUNTED_FOR_THIS_COHORT', counted };
  const result = await ratesOfVisibleCohort(system, directory, cohortId, shanghaiDateOf(new Date().toISOString()));
  if (result) {
    const { base, gates } = result.rates;
    const inBase = new Set(base.labourerIds);
    for (const { labourerId, evidenceId } of gates[gate].counted) if (evidenceId !== undefined && inBase.has(labourerId)) counted.set(evidenceId, labourerId);
  }
  return { shown: 'COUNTED_FOR_THIS_COHORT', counted };
}

/** The rows a caller may see: all for the bureau; for a provider, the counted record of the trainee it counted for. */
function visible<Row extends { readonly labourerId: string }>(rows: readonly Row[], shown: Shown, idOf: (row: Row) => string): Row[] {
  if (shown.shown === 'ALL_RECORDED') return [...rows];
  return rows.filter((row) => shown.counted.get(idOf(row)) === row.labourerId);
}

export async function readCohortCertificates(system: System, directory: RegistryDirectory, principal: Principal, cohortId: string): Promise<CohortCertificatesResponse> {
  const plan = await planOf(system, principal, cohortId);
  const [rows, shown] = await Promise.all([findCohortCertificates(system.db, cohortId, plan.occupation), shownTo(system, directory, principal, cohortId, plan, 'certification')]);
  return CohortCertificatesResponse.parse({ cohortId, occupation: plan.occupation, shown: shown.shown, items: visible(rows, shown, (c) => c.certificateId) });
}

export async function readCohortEmployments(system: System, directory: RegistryDirectory, principal: Principal, cohortId: string): Promise<CohortEmploymentsResponse> {
  const plan = await planOf(system, principal, cohortId);
  const startsFrom = startOf(plan);
  const [rows, shown] = await Promise.all([findCohortEmployments(system.db, cohortId, startsFrom), shownTo(system, directory, principal, cohortId, plan, 'employment')]);
  return CohortEmploymentsResponse.parse({ cohortId, startsFrom, shown: shown.shown, items: visible(rows, shown, (e) => e.employmentId) });
}
