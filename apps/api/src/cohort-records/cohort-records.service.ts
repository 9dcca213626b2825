import type { CalendarDate, CohortState } from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { findCohortAssessments, findCohortAttendance, findCohortCertificates, findCohortEmployments } from '@skills/projections';
import { visibleCohort } from '../training/cohort-access';
import {
  CohortAssessmentsResponse,
  CohortAttendanceResponse,
  CohortCertificatesResponse,
  CohortEmploymentsResponse,
} from './cohort-records.schemas';

/**
 * The recorded facts of one cohort, for the console: attendance, assessments, and its trainees' certificates and
 * employments. Recorded facts, not gate decisions: what counts for R-GATE-1..3 is GET /api/cohorts/:id/outcomes.
 * The cohort's plan comes from its stream (which also decides who may look: a provider sees its own cohorts, and
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

export async function readCohortCertificates(system: System, principal: Principal, cohortId: string): Promise<CohortCertificatesResponse> {
  const { occupation } = await planOf(system, principal, cohortId);
  const items = await findCohortCertificates(system.db, cohortId, occupation);
  return CohortCertificatesResponse.parse({ cohortId, occupation, items });
}

export async function readCohortEmployments(system: System, principal: Principal, cohortId: string): Promise<CohortEmploymentsResponse> {
  const startsFrom = startOf(await planOf(system, principal, cohortId));
  const items = await findCohortEmployments(system.db, cohortId, startsFrom);
  return CohortEmploymentsResponse.parse({ cohortId, startsFrom, items });
}
