import {
  cohortDecider,
  cohortErrors,
  DomainError,
  providerDecider,
  toCohortStreamId,
  toProviderStreamId,
  type CohortState,
  type QualificationPeriod,
} from '@skills/domain';
import { hasRole, loadStream, type LoadedStream, type Principal, type Role, type System } from '@skills/platform';

/**
 * The bureau (区人社局) roles: they read every cohort and every record, unscoped. The one list of them: every
 * bureau check (cohorts, timelines, outcome recorders, explanations, the registry's scope) and the cohort and
 * person-timeline reader lists are built from it.
 */
export const BUREAU_ROLES: readonly Role[] = ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'];
export const isBureau = (principal: Principal): boolean => hasRole(principal, ...BUREAU_ROLES);

/** Who reads a cohort: the bureau roles, and the provider that owns it. */
export const COHORT_READERS: Role[] = [...BUREAU_ROLES, 'PROVIDER'];
export const COHORT_APPROVERS: Role[] = ['ADMIN', 'REVIEWER'];

/** A provider acts for the provider its account is scoped to, never for one named in the request. */
export function ownProviderId(principal: Principal): string {
  const providerId = principal.scope.providerId;
  if (!hasRole(principal, 'PROVIDER') || !providerId) {
    throw new DomainError('AUTH.NO_PROVIDER_SCOPE', 'Your account is not linked to a training provider: ask an administrator to set its scope', 'forbidden');
  }
  return providerId.toLowerCase();
}

/** R-ORG-1: the provider's qualification as its registry stream holds it now. */
export async function qualificationOf(system: System, providerId: string): Promise<QualificationPeriod> {
  const { state } = await loadStream(system.store, system.catalogue, providerDecider, toProviderStreamId(providerId));
  if (state.status === 'absent') {
    throw new DomainError('COHORT.PROVIDER_NOT_REGISTERED', 'Your provider is not in the register: ask the bureau to register it (R-ORG-1) first', 'forbidden', { ruleId: 'R-ORG-1' });
  }
  const { validFrom, expiresOn } = state.qualification;
  return { validFrom, expiresOn };
}

export function loadCohort(system: System, cohortId: string): Promise<LoadedStream<CohortState>> {
  return loadStream(system.store, system.catalogue, cohortDecider, toCohortStreamId(cohortId));
}

/**
 * A cohort the caller may see: a provider sees only its own, and another provider's cohort is 404 like one that
 * does not exist, so the id tells it nothing.
 */
export async function visibleCohort(system: System, principal: Principal, cohortId: string): Promise<LoadedStream<CohortState>> {
  const loaded = await loadCohort(system, cohortId);
  if (loaded.state.status === 'absent' || (!isBureau(principal) && loaded.state.providerId.toLowerCase() !== ownProviderId(principal))) throw cohortErrors.cohortNotFound(cohortId);
  return loaded;
}

/** A provider's command on a cohort that is not its own: 404 when it does not exist, 403 when it is another's. */
export function assertOwnCohort(state: CohortState, cohortId: string, providerId: string): void {
  if (state.status === 'absent') throw cohortErrors.cohortNotFound(cohortId);
  if (state.providerId.toLowerCase() !== providerId) throw cohortErrors.notOwnCohort(cohortId);
}

interface TraineeView {
  labourerId: string;
  status: 'enrolled' | 'withdrawn';
  enrolledOn: string;
  withdrawnOn?: string;
  withdrawalReason?: string;
}

/**
 * The cohort as its stream says now: plan, status with its dates, and every trainee with a status (no personal
 * data). The trainees come from the decider's state, so the view shows the roster the rules are decided on.
 */
export function cohortView(loaded: LoadedStream<CohortState>) {
  const { state, version } = loaded;
  if (state.status === 'absent') throw new Error('cohortView needs an existing cohort');
  const { trainees: current, withdrawn, ...facts } = state;
  const trainees: TraineeView[] = [
    ...current.map((t): TraineeView => ({ labourerId: t.labourerId, status: 'enrolled', enrolledOn: t.enrolledOn })),
    ...withdrawn.map((w): TraineeView => ({ labourerId: w.labourerId, status: 'withdrawn', enrolledOn: w.enrolledOn, withdrawnOn: w.withdrawnOn, withdrawalReason: w.reason })),
  ];
  return { ...facts, version, enrolledCount: current.length, trainees };
}
