import { assertNever, type Decider } from '../shared/decider';
import { assertUuid } from '../outcomes/outcomes.rules';
import { evidenceRefSchema } from '../outcomes/outcomes-vocabulary';
import type { RecordUpgradeTrainingCompletion, UpgradeTrainingCommand } from './upgrade-training.commands';
import * as errors from './upgrade-training.errors';
import { insuranceMonthsSchema, type UpgradeTrainingCompleted, type UpgradeTrainingEvent } from './upgrade-training.events';

export type UpgradeCompletion = UpgradeTrainingCompleted['data'];

/**
 * The stream toUpgradeTrainingStreamId(labourerId): one person's certificates obtained through upgrade training, at
 * every employer (R-CERT-3). A certificate is recorded once: the same enterprise sending it again with the same facts
 * is a retry, another enterprise is refused, so two employers cannot both have one certificate paid.
 */
export type UpgradeTrainingState = { readonly completions: readonly UpgradeCompletion[] };

export const upgradeTrainingDecider: Decider<UpgradeTrainingCommand, UpgradeTrainingState, UpgradeTrainingEvent> = {
  initialState: () => ({ completions: [] }),
  decide(command, state) {
    switch (command.type) {
      case 'RecordUpgradeTrainingCompletion':
        return record(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UpgradeTrainingCompleted':
        return { completions: [...state.completions, event.data] };
      default:
        return assertNever(event.type);
    }
  },
};

function record(command: RecordUpgradeTrainingCompletion, state: UpgradeTrainingState): UpgradeTrainingEvent[] {
  assertUuid('UPGRADE_TRAINING', command.labourerId, 'labourerId');
  assertUuid('UPGRADE_TRAINING', command.enterpriseId, 'enterpriseId');
  assertUuid('UPGRADE_TRAINING', command.certificateId, 'certificateId');
  const labourerId = command.labourerId.toLowerCase();
  const certificateId = command.certificateId.toLowerCase();
  const { certificate } = command;
  if (!certificate || certificate.labourerId.toLowerCase() !== labourerId) throw errors.certificateNotFound(certificateId);
  if (certificate.level === undefined) throw errors.certificateHasNoLevel(certificate.type);
  if (!insuranceMonthsSchema.safeParse(command.insuranceMonths).success) throw errors.invalidInsuranceMonths();
  if (!evidenceRefSchema.safeParse(command.insuranceEvidenceRef).success) throw errors.invalidEvidenceRef();
  const data: UpgradeCompletion = {
    labourerId,
    enterpriseId: command.enterpriseId.toLowerCase(),
    certificateId,
    certificateType: certificate.type,
    level: certificate.level,
    issuedOn: certificate.issuedOn,
    insuranceMonths: command.insuranceMonths,
    insuranceEvidenceRef: command.insuranceEvidenceRef,
  };
  const existing = state.completions.find((c) => c.certificateId === certificateId);
  if (existing) {
    if (existing.enterpriseId !== data.enterpriseId) throw errors.certificateAlreadyRecorded(certificateId);
    if (existing.insuranceMonths === data.insuranceMonths && existing.insuranceEvidenceRef === data.insuranceEvidenceRef) return [];
    throw errors.recordedDifferently(certificateId);
  }
  // R-CLAIM-2 keys a person's R-CERT-3 payment by the certificate's day: a second one that day could never be paid.
  const sameDay = state.completions.find((c) => c.issuedOn === data.issuedOn);
  if (sameDay) throw errors.sameDayCertificate(data.issuedOn);
  return [{ type: 'UpgradeTrainingCompleted', data }];
}
