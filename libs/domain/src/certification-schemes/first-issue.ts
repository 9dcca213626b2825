import type { CalendarDate } from '../shared/calendar-date';

/** A certificate as the records hold it (R-CERT-1), for comparing one person's certificates. */
export interface HeldCertificate {
  readonly certificateId: string;
  readonly type: string;
  readonly occupation: string;
  readonly issuedOn: CalendarDate;
}

export interface FirstIssue {
  readonly firstIssue: boolean;
  /** The person's earliest certificate of the same type and occupation issued before this one, when there is one. */
  readonly earlierCertificateId?: string;
}

/**
 * R-CERT-2: a special operation or equipment certificate is paid on first issue (初次取证) only. The organiser states
 * it (the issue record says first issue, review or renewal), and the records can contradict it but never confirm it:
 * a certificate of the same type and occupation issued to the same person earlier makes this one a later issue
 * whatever was stated, while one from before these records began is unknown here. Same-day certificates do not count
 * against each other, or two records of one issue would refuse both.
 */
export function firstIssueOf(stated: boolean, certificate: HeldCertificate, held: readonly HeldCertificate[]): FirstIssue {
  const earlier = held
    .filter((h) => h.certificateId !== certificate.certificateId && h.type === certificate.type && h.occupation === certificate.occupation && h.issuedOn < certificate.issuedOn)
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.certificateId.localeCompare(b.certificateId))[0];
  return earlier ? { firstIssue: false, earlierCertificateId: earlier.certificateId } : { firstIssue: stated };
}
