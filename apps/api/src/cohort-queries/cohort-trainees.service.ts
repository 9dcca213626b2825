import { maskName } from '@skills/personal-data';
import { hasRole, maySeePersonalData, type Principal, type System } from '@skills/platform';
import { findCohortTrainees } from '@skills/projections';
import { visibleCohort } from '../training/cohort-access';

/**
 * A cohort's trainees from the read model: enrolment status, days attended, final assessment. Names only for
 * roles that may see personal data in full, and masked for the owning provider (who enrolled them); other roles
 * get ids only.
 */
export async function readCohortTrainees(system: System, principal: Principal, cohortId: string) {
  await visibleCohort(system, principal, cohortId);
  const rows = await findCohortTrainees(system.db, cohortId);
  const full = maySeePersonalData(principal);
  const masked = !full && hasRole(principal, 'PROVIDER');
  const identities = full || masked ? await system.vault.getMany(rows.map((r) => r.labourerId)) : undefined;
  return {
    cohortId,
    items: rows.map((row) => {
      const identity = identities?.get(row.labourerId);
      const known = typeof identity === 'object' ? identity : undefined;
      return {
        labourerId: row.labourerId,
        status: row.withdrawnOn === null ? 'enrolled' : 'withdrawn',
        enrolledOn: row.enrolledOn,
        withdrawnOn: row.withdrawnOn,
        withdrawalReason: row.withdrawalReason,
        daysAttended: row.daysAttended,
        assessment: row.assessmentResult === null ? null : { result: row.assessmentResult, assessedOn: row.assessedOn },
        ...(full || masked ? { name: known ? (full ? known.name : maskName(known.name)) : null } : {}),
      };
    }),
  };
}
