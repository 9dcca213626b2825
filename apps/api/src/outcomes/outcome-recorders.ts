import { DomainError, labourerDecider, toFreeTrainingLedgerStreamId, toLabourerStreamId, type CertificateRecorder, type FreeTrainingLedgerEvent } from '@skills/domain';
import { deterministicUuid, hasRole, loadStream, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { findLabourerOutcomeIds } from '@skills/projections';
import { isBureau, loadCohort, ownProviderId } from '../training/cohort-access';
import { enrolmentsIn } from './outcome-access';

/** R-CERT-1: the organisation a certificate is recorded by, from the caller's account (never from the form). */
export function certificateRecorderOf(principal: Principal): CertificateRecorder {
  return isBureau(principal) ? { kind: 'BUREAU' } : { kind: 'PROVIDER', providerId: ownProviderId(principal) };
}

/**
 * The organisation a certificate or an employment is recorded for: the bureau, the caller's provider or its
 * enterprise, from the account (never from the form).
 */
export function recordingUnitOf(principal: Principal): string {
  if (isBureau(principal)) return 'BUREAU';
  if (hasRole(principal, 'PROVIDER')) return `PROVIDER:${ownProviderId(principal)}`;
  const enterpriseId = principal.scope.enterpriseId;
  if (hasRole(principal, 'ENTERPRISE') && enterpriseId) return `ENTERPRISE:${enterpriseId.toLowerCase()}`;
  throw new DomainError('AUTH.NO_RECORDING_UNIT', 'Your account is not linked to a provider or an enterprise: ask an administrator to set its scope', 'forbidden');
}

/**
 * The envelope with its Idempotency-Key taken within the caller's organisation. The new record's id and its event ids
 * derive from it, so the same key sent by two units names two records: no unit reaches another's record, or learns
 * that it exists (R-CERT-1: who holds a certificate number), by sending the key it was made with; a retry by the same
 * unit is still the same record. The causation id stays the key the caller sent.
 */
export function withinRecordingUnit(principal: Principal, envelope: CommandEnvelope): CommandEnvelope {
  return { ...envelope, idempotencyKey: deterministicUuid(recordingUnitOf(principal), envelope.idempotencyKey) };
}

/**
 * Whom the caller may record a certificate or an employment for. A provider: a person enrolled, now or earlier, in
 * one of its own cohorts. The bureau and the other recording roles: anyone with a registered card. A provider gets
 * one answer whether the id names nobody, an erased person or someone else's trainee, and its cohorts are looked
 * at before the card: the refusal tells it nothing about people outside its cohorts.
 */
export async function assertMayRecordOutcomeFor(system: System, principal: Principal, labourerId: string): Promise<void> {
  if (!isBureau(principal) && hasRole(principal, 'PROVIDER')) {
    const providerId = ownProviderId(principal);
    if (!(await isTraineeOf(system, providerId, labourerId)) || !(await hasRegisteredCard(system, labourerId))) throw traineeNotFound(labourerId);
    return;
  }
  if (!(await hasRegisteredCard(system, labourerId))) throw labourerNotFound(labourerId);
}

/** Enrolled, now or earlier (withdrawn too), in a cohort of this provider. */
async function isTraineeOf(system: System, providerId: string, labourerId: string): Promise<boolean> {
  // The person's free-training ledger first: it is current, and its events name every free cohort the person was
  // ever enrolled in, a released reservation included.
  const ledger = await system.store.readStream(toFreeTrainingLedgerStreamId(labourerId));
  const reserved = ledger
    .map((recorded) => system.catalogue.deserialise(recorded) as FreeTrainingLedgerEvent)
    .flatMap((event) => (event.type === 'FreeTrainingReserved' ? [event.data.cohortId.toLowerCase()] : []));
  if (await enrolledInOwnCohort(system, providerId, labourerId, reserved)) return true;
  // Training that is not free (enterprise employees, apprentices) reserves nothing there: the read model has it,
  // a moment after the enrolment.
  const { cohortIds } = await findLabourerOutcomeIds(system.db, labourerId);
  return enrolledInOwnCohort(system, providerId, labourerId, cohortIds.map((id) => id.toLowerCase()).filter((id) => !reserved.includes(id)));
}

/** Each cohort is read from its stream: the owner and the enrolment are taken as the events say now. */
async function enrolledInOwnCohort(system: System, providerId: string, labourerId: string, cohortIds: readonly string[]): Promise<boolean> {
  for (const cohortId of new Set(cohortIds)) {
    const loaded = await loadCohort(system, cohortId);
    if (loaded.state.status !== 'absent' && loaded.state.providerId.toLowerCase() === providerId && enrolmentsIn(loaded.state).has(labourerId)) return true;
  }
  return false;
}

/** Outcomes are recorded for people with a card, and an erased person gets none. */
async function hasRegisteredCard(system: System, labourerId: string): Promise<boolean> {
  const { state } = await loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(labourerId));
  return state.status === 'registered';
}

const traineeNotFound = (labourerId: string) =>
  new DomainError('OUTCOMES.TRAINEE_NOT_FOUND', 'None of your cohorts has a trainee with this labourer id: check the id; a provider records outcomes for its own trainees', 'not_found', { labourerId }, [
    { field: 'labourerId', message: 'give the id of a person enrolled in one of your cohorts' },
  ]);

const labourerNotFound = (labourerId: string) =>
  new DomainError('OUTCOMES.LABOURER_NOT_FOUND', 'No registered card has this labourer id: register the person first (R-REG-1)', 'not_found', { labourerId });
