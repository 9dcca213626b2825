import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { CertificateLevel, CertificateType } from '../outcomes/outcomes-vocabulary';
import type { Organiser } from './certification-schemes-vocabulary';

/** R-CERT-2: the organiser (the caller's organisation, from its account) records a free evaluation it organised. */
export interface RecordFreeEvaluation {
  readonly type: 'RecordFreeEvaluation';
  readonly evaluationId: string;
  readonly organiser: Organiser;
  readonly occupation: string;
  readonly certificateType: CertificateType;
  readonly evaluatedOn: CalendarDate;
  /** A registered evaluation body (R-ORG-1), checked by the handler. */
  readonly evaluationBodyId?: string;
  readonly freeOfCharge: boolean;
  readonly context: CommandContext;
}

/** A certificate as its own stream records it (R-CERT-1), read by the handler: nothing here is typed by the organiser. */
export interface RecordedCertificateFacts {
  readonly labourerId: string;
  readonly type: CertificateType;
  readonly level?: CertificateLevel;
  readonly occupation: string;
  readonly issuedOn: CalendarDate;
}

export interface CertificateToName {
  readonly certificateId: string;
  /** The organiser's statement, for special operation and equipment certificates only. */
  readonly firstIssue?: boolean;
  readonly recorded: RecordedCertificateFacts;
  /** The evaluation the certificate is reserved for already, from toEvaluatedCertificateStreamId; absent when free. */
  readonly reservedFor?: string;
}

/** R-CERT-2: the organiser names certificates issued from its evaluation, all or nothing. */
export interface NameEvaluationCertificates {
  readonly type: 'NameEvaluationCertificates';
  readonly evaluationId: string;
  readonly organiser: Organiser;
  readonly certificates: readonly CertificateToName[];
  readonly context: CommandContext;
}

export type FreeEvaluationCommand = RecordFreeEvaluation | NameEvaluationCertificates;
