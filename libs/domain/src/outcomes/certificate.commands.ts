import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { CertificateRecorder } from './certificate.events';
import type { CertificateLevel, CertificateType } from './outcomes-vocabulary';

export interface RecordCertificate {
  readonly type: 'RecordCertificate';
  /**
   * A new id from the caller (the api derives it from the caller's organisation and Idempotency-Key); when the caller
   * recorded the number already, the existing certificate's id is answered.
   */
  readonly certificateId: string;
  readonly labourerId: string;
  /** HMAC-SHA256 (hex) of certificateNumberKeyMaterial(issuer, number), computed by the caller: the number never reaches the domain. */
  readonly numberKey: string;
  readonly certificateType: CertificateType;
  /** R-CERT-1: for VOCATIONAL_QUALIFICATION and SKILL_LEVEL only. */
  readonly level?: CertificateLevel;
  readonly occupation: string;
  readonly issuer: string;
  readonly issuedOn: CalendarDate;
  /** The caller's organisation (from its account, never from the form): only the recorder (or the bureau) learns an existing id. */
  readonly recordedBy: CertificateRecorder;
  readonly context: CommandContext;
}

export type CertificateCommand = RecordCertificate;
