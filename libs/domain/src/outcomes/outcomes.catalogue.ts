import type { EventDefinition } from '../shared/event-definition';
import { FinalAssessmentCorrected, FinalAssessmentRecorded, TrainingCertificateIssued, TrainingCertificateRevoked } from './assessment.events';
import { AttendanceClashFlagged, AttendanceRecorded } from './attendance.events';
import { CertificateNumberClaimed, CertificateRecorded } from './certificate.events';
import { EmploymentEnded, EmploymentRecorded, EmploymentVerified } from './employment.events';

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
];
