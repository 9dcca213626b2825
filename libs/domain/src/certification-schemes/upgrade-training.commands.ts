import type { CommandContext } from '../shared/decider';
import type { RecordedCertificateFacts } from './free-evaluation.commands';

/** R-CERT-3: the employer (the caller's enterprise) records that its employee's certificate came through upgrade training. */
export interface RecordUpgradeTrainingCompletion {
  readonly type: 'RecordUpgradeTrainingCompletion';
  readonly labourerId: string;
  readonly enterpriseId: string;
  readonly certificateId: string;
  /** The certificate as its stream records it, read by the handler; absent when no certificate has this id. */
  readonly certificate?: RecordedCertificateFacts;
  readonly insuranceMonths: number;
  readonly insuranceEvidenceRef: string;
  readonly context: CommandContext;
}

export type UpgradeTrainingCommand = RecordUpgradeTrainingCompletion;
