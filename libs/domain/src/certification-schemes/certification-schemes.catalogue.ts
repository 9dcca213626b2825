import type { EventDefinition } from '../shared/event-definition';
import { EvaluatedCertificateReserved, FreeEvaluationCertificateNamed, FreeEvaluationRecorded } from './free-evaluation.events';
import { UpgradeTrainingCompleted } from './upgrade-training.events';

/** Every event definition of the certification schemes (R-CERT-2, R-CERT-3), at its current version. */
export const certificationSchemeEvents: readonly EventDefinition[] = [FreeEvaluationRecorded, FreeEvaluationCertificateNamed, EvaluatedCertificateReserved, UpgradeTrainingCompleted];
