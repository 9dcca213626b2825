/**
 * What a claim is computed from, gathered from the district's own events as the generator emits them: the cohort
 * stream folded by the domain's cohortDecider (the roster, dates and approved amount the claim sources read), and
 * the rows the cohort-outcomes projection keeps (attendance days, assessments with the day each was recorded,
 * every certificate and employment of each person). The claims phase reads these instead of the database, so
 * the district's claims come from the recorded history, not from what the generator meant to happen.
 *
 * Written apart from the simulation's own fold on purpose: the simulation bench compares the two (the live
 * policy must give the live totals), which only means something if they were not written as one.
 */
import { cohortDecider, createEventCatalogue, shanghaiDateOf, type CalendarDate, type CohortEvent, type CohortState, type EventCatalogue } from '@skills/domain';
import type { StreamAppend } from '@skills/event-store';
import type { CertificateFacts, EmploymentFacts, TraineeFacts } from '@skills/policy';

type Data = Record<string, string>;

export interface CohortFactsRecord {
  state: CohortState;
  completionRecordedOn?: CalendarDate;
  readonly withdrawalRecordedOn: Map<string, CalendarDate>;
  /** Training days as yyyymmdd numbers, per person and for the cohort (rm_attendance_days). */
  readonly attendance: Map<string, Set<number>>;
  readonly daysHeld: Set<number>;
  /** R-GATE-1: every result and correction, in the order recorded. */
  readonly assessments: Map<string, { result: 'PASS' | 'FAIL'; recordedOn: CalendarDate }[]>;
  /** The latest day a fact of the cohort itself was recorded (attendance, results, withdrawals, completion). */
  lastRecordedOn: CalendarDate;
}

interface PersonRecord {
  readonly cohorts: string[];
  readonly certificates: Omit<CertificateFacts, 'countsForThisCohort'>[];
  readonly employments: Map<string, { startsOn: CalendarDate; recordedOn: CalendarDate; verifiedOn?: CalendarDate; rejection?: { on: CalendarDate; reasonCode: string } }>;
}

const COHORT_EVENTS = new Set(['CohortPlanned', 'CohortApproved', 'CohortStarted', 'CohortCompleted', 'CohortCancelled', 'TraineeEnrolled', 'TraineeWithdrawn']);
const RECORD_EVENTS = new Set(['AttendanceRecorded', 'FinalAssessmentRecorded', 'FinalAssessmentCorrected', 'CertificateRecorded', 'EmploymentRecorded', 'EmploymentVerified', 'EmploymentRejected']);
export const dayNumber = (day: CalendarDate): number => Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
const later = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);

export class ClaimFacts {
  readonly cohorts = new Map<string, CohortFactsRecord>();
  private readonly people = new Map<string, PersonRecord>();
  /** The last day anything was recorded: the gate evaluator runs up to it. */
  lastDay: CalendarDate = '0000-01-01';

  constructor(private readonly catalogue: EventCatalogue = createEventCatalogue()) {}

  /** Every append of a batch, in order (a batch names each stream once, and streams keep their events in order). */
  observe(appends: readonly StreamAppend[]): void {
    for (const append of appends) for (const e of append.events) this.apply(e.type, e.schemaVersion, e.data as Data, shanghaiDateOf(e.metadata.occurredAt));
  }

  private apply(type: string, schemaVersion: number, raw: Data, recordedOn: CalendarDate): void {
    if (recordedOn > this.lastDay) this.lastDay = recordedOn;
    if (COHORT_EVENTS.has(type)) return this.applyCohort(this.catalogue.deserialise({ type, schemaVersion, data: raw }) as CohortEvent, recordedOn);
    if (!RECORD_EVENTS.has(type)) return;
    const data = lowerCaseIds(raw);
    switch (type) {
      case 'AttendanceRecorded': {
        const cohort = this.touch(data['cohortId']!, recordedOn);
        const day = dayNumber(data['day']!);
        setOf(cohort.attendance, data['labourerId']!).add(day);
        cohort.daysHeld.add(day);
        return;
      }
      case 'FinalAssessmentRecorded':
      case 'FinalAssessmentCorrected': {
        const cohort = this.touch(data['cohortId']!, recordedOn);
        const held = cohort.assessments.get(data['labourerId']!) ?? [];
        held.push({ result: data['result'] as 'PASS' | 'FAIL', recordedOn });
        cohort.assessments.set(data['labourerId']!, held);
        return;
      }
      case 'CertificateRecorded':
        this.person(data['labourerId']!).certificates.push({ certificateId: data['certificateId']!, occupation: data['occupation']!, issuedOn: data['issuedOn']!, type: data['type']!, recordedOn });
        return;
      case 'EmploymentRecorded':
        this.person(data['labourerId']!).employments.set(data['employmentId']!, { startsOn: data['startsOn']!, recordedOn });
        this.employer.set(data['employmentId']!, data['labourerId']!);
        return;
      case 'EmploymentVerified':
      case 'EmploymentRejected': {
        const employment = this.person(this.employer.get(data['employmentId']!)!).employments.get(data['employmentId']!)!;
        // As the projection keeps them: known on the later of the date given and the day it was recorded.
        if (type === 'EmploymentVerified') employment.verifiedOn = later(data['verifiedOn']!, recordedOn);
        else employment.rejection = { on: later(data['rejectedOn']!, recordedOn), reasonCode: data['reason']! };
        return;
      }
    }
  }

  private readonly employer = new Map<string, string>();

  private applyCohort(event: CohortEvent, recordedOn: CalendarDate): void {
    const cohortId = event.data.cohortId.toLowerCase();
    const cohort = this.touch(cohortId, recordedOn);
    cohort.state = cohortDecider.evolve(cohort.state, event);
    if (event.type === 'CohortCompleted') cohort.completionRecordedOn = recordedOn;
    if (event.type === 'TraineeWithdrawn') cohort.withdrawalRecordedOn.set(event.data.labourerId.toLowerCase(), recordedOn);
    if (event.type === 'TraineeEnrolled') {
      const cohorts = this.person(event.data.labourerId.toLowerCase()).cohorts;
      if (!cohorts.includes(cohortId)) cohorts.push(cohortId);
    }
  }

  private touch(cohortId: string, recordedOn: CalendarDate): CohortFactsRecord {
    let cohort = this.cohorts.get(cohortId);
    if (!cohort) {
      cohort = { state: cohortDecider.initialState(), withdrawalRecordedOn: new Map(), attendance: new Map(), daysHeld: new Set(), assessments: new Map(), lastRecordedOn: recordedOn };
      this.cohorts.set(cohortId, cohort);
    }
    if (recordedOn > cohort.lastRecordedOn) cohort.lastRecordedOn = recordedOn;
    return cohort;
  }

  private person(labourerId: string): PersonRecord {
    let person = this.people.get(labourerId);
    if (!person) this.people.set(labourerId, (person = { cohorts: [], certificates: [], employments: new Map() }));
    return person;
  }

  /** R-GATE-1..3 facts of every trainee ever enrolled, as traineeFactsOf reads them from the read model. */
  traineeFacts(cohortId: string): TraineeFacts[] {
    const cohort = this.cohorts.get(cohortId)!;
    const state = cohort.state;
    if (state.status === 'absent') return [];
    const roster = new Map<string, { enrolledOn: CalendarDate; withdrawnOn?: CalendarDate; reason?: string }>();
    for (const t of state.trainees) roster.set(t.labourerId.toLowerCase(), { enrolledOn: t.enrolledOn });
    for (const w of state.withdrawn) roster.set(w.labourerId.toLowerCase(), { enrolledOn: w.enrolledOn, withdrawnOn: w.withdrawnOn, reason: w.reason });
    return [...roster.keys()].sort().map((labourerId) => {
      const t = roster.get(labourerId)!;
      const person = this.person(labourerId);
      const certificates = [...person.certificates].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.certificateId.localeCompare(b.certificateId));
      const employments = [...person.employments].sort(([ia, a], [ib, b]) => a.startsOn.localeCompare(b.startsOn) || ia.localeCompare(ib));
      return {
        labourerId,
        enrolledOn: t.enrolledOn,
        ...(t.withdrawnOn === undefined ? {} : { withdrawal: this.withdrawalOf(cohort, labourerId, t.withdrawnOn, t.reason) }),
        assessments: cohort.assessments.get(labourerId) ?? [],
        certificates: certificates.map((c) => {
          const owner = this.ownerOf(labourerId, c);
          return { ...c, countsForThisCohort: owner === undefined || owner === cohortId };
        }),
        employments: employments.map(([employmentId, e]): EmploymentFacts => ({ employmentId, ...e })),
      };
    });
  }

  /** Days on which anyone of the cohort attended, and each person's attended days (findCohortAttendance). */
  attendedDays(cohortId: string, labourerId: string): number {
    return this.cohorts.get(cohortId)!.attendance.get(labourerId)?.size ?? 0;
  }

  private withdrawalOf(cohort: CohortFactsRecord, labourerId: string, on: CalendarDate, reason: string | undefined) {
    const recordedOn = cohort.withdrawalRecordedOn.get(labourerId);
    const cutoff = dayNumber(recordedOn !== undefined && recordedOn > on ? recordedOn : on);
    let before = 0;
    for (const day of cohort.daysHeld) if (day < cutoff) before++;
    return { on, reasonCode: reason ?? null, ...(recordedOn ? { recordedOn } : {}), trainingDaysHeldBefore: before };
  }

  /**
   * R-GATE-2, one certificate for one cohort (CERTIFICATES_SQL): the person's started, uncancelled cohort of the
   * occupation with the latest start on or before the issue day, joined by its start and not left; ties to the
   * smaller id. No such cohort: the certificate counts for whichever cohort asks.
   */
  private ownerOf(labourerId: string, certificate: { occupation: string; issuedOn: CalendarDate }): string | undefined {
    let owner: { cohortId: string; start: CalendarDate } | undefined;
    for (const cohortId of this.person(labourerId).cohorts) {
      const state = this.cohorts.get(cohortId)?.state;
      if (!state || (state.status !== 'started' && state.status !== 'completed') || state.occupation.trim() !== certificate.occupation.trim()) continue;
      if (state.startedOn > certificate.issuedOn) continue;
      const stays = state.trainees.find((t) => t.labourerId.toLowerCase() === labourerId);
      if (!stays || stays.enrolledOn > state.startedOn) continue;
      if (!owner || state.startedOn > owner.start || (state.startedOn === owner.start && cohortId < owner.cohortId)) owner = { cohortId, start: state.startedOn };
    }
    return owner?.cohortId;
  }
}

const ID_FIELDS = ['cohortId', 'labourerId', 'certificateId', 'employmentId'];
function lowerCaseIds(data: Data): Data {
  const copy = { ...data };
  for (const field of ID_FIELDS) if (typeof copy[field] === 'string') copy[field] = copy[field].toLowerCase();
  return copy;
}

function setOf(map: Map<string, Set<number>>, key: string): Set<number> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
