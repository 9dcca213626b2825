import { daysInMonth, type CalendarDate, type YearMonth } from '@skills/domain';

/** The two event types the count reads, as stored: a certificate, and the card that says whose unit it counts for. */
export const CERTIFICATES_DONE_EVENT_TYPES = ['LabourerRegistered', 'CertificateRecorded'] as const;

/** One stored event as the count needs it: its type, its data, and the Shanghai day it was recorded (metadata.occurredAt). */
export interface RecordedFact {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly recordedOn: CalendarDate;
}

export interface CertificatesDoneOptions {
  /** The task period of the target set (R-TGT-2), whole months. */
  readonly period: { readonly from: YearMonth; readonly to: YearMonth };
  readonly asOf: CalendarDate;
}

export interface CertificatesDone {
  /** Certificates done per subdistrict id. */
  readonly bySubdistrict: ReadonlyMap<string, number>;
  readonly district: number;
}

const firstDayOf = (month: YearMonth): CalendarDate => `${month}-01`;
const lastDayOf = (month: YearMonth): CalendarDate => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
};

/**
 * R-MON-1, R-EVAL-1: certificates done per unit as the system knew them on asOf. A certificate counts when it was
 * issued within the task period (and not after asOf) and was RECORDED on or before asOf: a certificate recorded late
 * is left out of a report as of an earlier day, so a past report never changes. It counts for the subdistrict of its
 * holder's card (LabourerRegistered.subdistrictId), once per certificate id (a redelivered or repeated event adds
 * nothing). Facts may come in any order: the cards are matched once all are read.
 */
export function countCertificatesDone(facts: Iterable<RecordedFact>, options: CertificatesDoneOptions): CertificatesDone {
  const from = firstDayOf(options.period.from);
  const to = lastDayOf(options.period.to) < options.asOf ? lastDayOf(options.period.to) : options.asOf;
  const subdistrictOf = new Map<string, string>();
  const holderOf = new Map<string, string>();
  for (const fact of facts) {
    if (fact.recordedOn > options.asOf) continue;
    if (fact.type === 'LabourerRegistered') {
      subdistrictOf.set(String(fact.data.labourerId), String(fact.data.subdistrictId));
    } else if (fact.type === 'CertificateRecorded') {
      const issuedOn = String(fact.data.issuedOn);
      if (issuedOn < from || issuedOn > to) continue;
      holderOf.set(String(fact.data.certificateId), String(fact.data.labourerId));
    }
  }
  const bySubdistrict = new Map<string, number>();
  let district = 0;
  for (const labourerId of holderOf.values()) {
    const subdistrictId = subdistrictOf.get(labourerId);
    district++;
    // A card always precedes its certificates (the decider refuses one for an unknown labourer); should one be
    // missing, the certificate still counts for the district, just for no unit.
    if (subdistrictId !== undefined) bySubdistrict.set(subdistrictId, (bySubdistrict.get(subdistrictId) ?? 0) + 1);
  }
  return { bySubdistrict, district };
}
