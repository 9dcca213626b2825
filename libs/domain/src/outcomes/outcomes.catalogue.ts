import type { EventDefinition, Upcaster } from '../shared/event-definition';
import { FinalAssessmentCorrected, FinalAssessmentRecorded, TrainingCertificateIssued, TrainingCertificateRevoked } from './assessment.events';
import { AttendanceClashFlagged, AttendanceRecorded } from './attendance.events';
import { CertificateNumberClaimed, CertificateRecorded } from './certificate.events';
import { CertificateNumberClaimedV1, certificateNumberClaimedV1ToV2 } from './certificate-number-claimed.v1';
import { EmploymentEnded, EmploymentRecorded, EmploymentRejected, EmploymentVerified } from './employment.events';
import { EmploymentRecordedV1, employmentRecordedV1ToV2 } from './employment-recorded.v1';

/** Every event definition of the outcome records (attendance, assessment, R-CERT-1, R-GATE-3), at its current version. */
export const outcomeEvents: readonly EventDefinition[] = [
  AttendanceRecorded,
  AttendanceClashFlagged,
  FinalAssessmentRecorded,
  FinalAssessmentCorrected,
  TrainingCertificateIssued,
  TrainingCertificateRevoked,
  CertificateRecorded,
  CertificateNumberClaimed,
  EmploymentRecorded,
  EmploymentVerified,
  EmploymentEnded,
  EmploymentRejected,
];

/** Older stored versions, read through their upcasters only; never written. */
export const outcomeHistoricEvents: readonly EventDefinition[] = [CertificateNumberClaimedV1, EmploymentRecordedV1];
export const outcomeUpcasters: readonly Upcaster[] = [certificateNumberClaimedV1ToV2, employmentRecordedV1ToV2];
