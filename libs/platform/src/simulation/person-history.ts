import type {
  CalendarDate,
  CertificateRecorded,
  DomainEvent,
  EmploymentRecorded,
  EmploymentRejected,
  EmploymentVerified,
  Flag,
  KeyGroup,
  LabourerGroupsChanged,
  LabourerRegistered,
} from '@skills/domain';

interface Markers {
  readonly keyGroups: readonly KeyGroup[];
  readonly flags: readonly Flag[];
}

/** A card as far as the simulation needs it: where it is registered (R-REG-1), its markers and their changes (R-REG-4). */
export interface CardRecord {
  erased: boolean;
  readonly subdistrictId: string;
  readonly registered: Markers;
  /** Every LabourerGroupsChanged, in the order recorded, with its day. */
  readonly changes: (Markers & { readonly recordedOn: CalendarDate })[];
}

/** rm_certificates: one row per certificate id, the first recorded standing. */
export interface CertificateRow {
  readonly certificateId: string;
  readonly occupation: string;
  readonly issuedOn: CalendarDate;
  readonly type: string;
  readonly recordedOn: CalendarDate;
}

/** rm_employments, with the days verification or rejection became known (R-GATE-3, R-GATE-5). */
export interface EmploymentRow {
  readonly employmentId: string;
  readonly startsOn: CalendarDate;
  readonly recordedOn: CalendarDate;
  verifiedOn: CalendarDate | null;
  rejectedOn: CalendarDate | null;
  rejectionReason: string | null;
}

const later = (a: CalendarDate, b: CalendarDate) => (a > b ? a : b);

/** What the simulation knows of people: cards, certificates and employments, each by person. */
export class PersonHistory {
  readonly cards = new Map<string, CardRecord>();
  readonly certificates = new Map<string, CertificateRow[]>();
  readonly employments = new Map<string, EmploymentRow[]>();
  private readonly certificateIds = new Set<string>();
  private readonly employmentsById = new Map<string, EmploymentRow>();

  /**
   * R-FREE-5 / R-REG-4: the card's markers as they stood on `day`, by the claims' rule (cardMarkersOn in
   * libs/domain/src/registry/card-as-of.ts) on a compact card instead of its events: the registration always counts,
   * group changes count up to the first one recorded after the day, and an erased card keeps none.
   * person-history.unit.spec.ts proves the two agree.
   */
  markersOn(labourerId: string, day: CalendarDate): { keyGroups: KeyGroup[]; flags: Flag[] } {
    const card = this.cards.get(labourerId);
    if (!card || card.erased) return { keyGroups: [], flags: [] };
    let markers: Markers = card.registered;
    for (const change of card.changes) {
      if (change.recordedOn > day) break;
      markers = change;
    }
    return { keyGroups: [...markers.keyGroups], flags: [...markers.flags] };
  }

  fold(event: DomainEvent, recordedOn: CalendarDate): void {
    switch (event.type) {
      case 'LabourerRegistered': {
        const d = event.data as LabourerRegistered['data'];
        this.cards.set(d.labourerId.toLowerCase(), { erased: false, subdistrictId: d.subdistrictId.toLowerCase(), registered: { keyGroups: d.keyGroups, flags: d.flags }, changes: [] });
        return;
      }
      case 'LabourerGroupsChanged': {
        const d = event.data as LabourerGroupsChanged['data'];
        const card = this.cards.get(d.labourerId.toLowerCase());
        // labourerDecider.evolve: a change to an erased card changes nothing.
        if (card && !card.erased) card.changes.push({ keyGroups: d.keyGroups, flags: d.flags, recordedOn });
        return;
      }
      case 'LabourerErased': {
        const card = this.cards.get((event.data as { labourerId: string }).labourerId.toLowerCase());
        if (card) card.erased = true;
        return;
      }
      case 'CertificateRecorded': {
        const d = event.data as CertificateRecorded['data'];
        const certificateId = d.certificateId.toLowerCase();
        if (this.certificateIds.has(certificateId)) return;
        this.certificateIds.add(certificateId);
        push(this.certificates, d.labourerId.toLowerCase(), { certificateId, occupation: d.occupation, issuedOn: d.issuedOn, type: d.type, recordedOn });
        return;
      }
      case 'EmploymentRecorded': {
        const d = event.data as EmploymentRecorded['data'];
        const employmentId = d.employmentId.toLowerCase();
        if (this.employmentsById.has(employmentId)) return;
        const row: EmploymentRow = { employmentId, startsOn: d.startsOn, recordedOn, verifiedOn: null, rejectedOn: null, rejectionReason: null };
        this.employmentsById.set(employmentId, row);
        push(this.employments, d.labourerId.toLowerCase(), row);
        return;
      }
      case 'EmploymentVerified': {
        const d = event.data as EmploymentVerified['data'];
        // Known from the later of its date and its recording: an earlier-dated entry cannot change a past evaluation.
        const row = this.employmentsById.get(d.employmentId.toLowerCase());
        if (row) row.verifiedOn = later(d.verifiedOn, recordedOn);
        return;
      }
      case 'EmploymentRejected': {
        const d = event.data as EmploymentRejected['data'];
        const row = this.employmentsById.get(d.employmentId.toLowerCase());
        if (row) Object.assign(row, { rejectedOn: later(d.rejectedOn, recordedOn), rejectionReason: d.reason });
        return;
      }
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
