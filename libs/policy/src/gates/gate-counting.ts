import type { CalendarDate } from '@skills/domain';
import { daysBetween } from './calendar-days';
import type { BaseMembership } from './cohort-base';
import type { AssessmentFacts, CertificateFacts, EmploymentFacts, TraineeFacts } from './outcome-facts';

/** The days a gate counts events in, both ends included. `end` is the cohort's end the window runs from. */
export interface CountingWindow {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly end: CalendarDate;
  readonly days: number;
}

/** A certificate or employment looked at, with why it did or did not count (R-GATE-5). */
export interface ConsideredRecord {
  readonly id: string;
  readonly counts: boolean;
  /** Recorded in time and only waiting for the bureau's verification (R-GATE-3): it may count later. */
  readonly awaitingVerification?: true;
  readonly detail: string;
}

/** A trainee who has not counted yet but would with one pending verification: the closed gate waits (R-GATE-4). */
export const AWAITING_VERIFICATION = 'AWAITING_VERIFICATION';

/** Whether one trainee counts for one gate, and why (R-GATE-5). `evidenceId` names the record that counted. */
export interface CountDecision {
  readonly counted: boolean;
  readonly reason: string;
  readonly detail: string;
  readonly evidenceId?: string;
  /** Every certificate or employment looked at, with why it did or did not count. */
  readonly considered?: readonly ConsideredRecord[];
}

/** A trainee outside the base, or withdrawn (a failure), is decided before any record is looked at. */
function notEligible(membership: BaseMembership): CountDecision | undefined {
  if (!membership.inBase) return { counted: false, reason: 'NOT_IN_BASE', detail: 'not in the base: not counted' };
  if (membership.withdrawn) return { counted: false, reason: 'WITHDRAWN', detail: 'withdrew and stays in the base: counts as a failure' };
  return undefined;
}

/**
 * R-GATE-1: a passing final assessment (培训合格证 issued): the result in force as recorded by the day the pass gate
 * was decided (`decidedOn`, absent while the cohort runs) and by asOf. A record or correction made later changes
 * nothing, either way (R-GATE-4: a decided gate stays decided), and one made after asOf is not known yet (R-GATE-5).
 */
export function countPass(trainee: TraineeFacts, membership: BaseMembership, decidedOn: CalendarDate | undefined, asOf: CalendarDate): CountDecision {
  const early = notEligible(membership);
  if (early) return early;
  const knownBy = decidedOn !== undefined && decidedOn < asOf ? decidedOn : asOf;
  const records = trainee.assessments.map((record, index) => ({ record, text: assessmentText(record, index) }));
  const inForce = records.filter((r) => r.record.recordedOn <= knownBy).at(-1);
  const late = records
    .filter((r) => r.record.recordedOn > knownBy)
    .map(({ record, text }) =>
      decidedOn !== undefined && record.recordedOn > decidedOn
        ? `; ${text}, after the pass window closed on ${decidedOn}: does not count`
        : `; ${text}, after the evaluation date ${asOf}: not known yet`,
    )
    .join('');
  if (inForce?.record.result === 'PASS') return { counted: true, reason: 'PASSED', detail: `passed the final assessment (培训合格证 issued): ${inForce.text}${late}` };
  return { counted: false, reason: 'NOT_PASSED', detail: `no passing final assessment: ${inForce?.text ?? 'none recorded'}${late}` };
}

/** The first record is the final assessment; each later one corrects it. */
function assessmentText(record: AssessmentFacts, index: number): string {
  return `${index === 0 ? 'final assessment' : 'correction to'} ${record.result} recorded on ${record.recordedOn}`;
}

/**
 * R-GATE-2: any R-CERT-1 certificate for the cohort's occupation, issued in the window and recorded by its last day
 * (R-GATE-4: a late record cannot turn a failed gate), known on asOf, and counted for this cohort only.
 */
export function countCertification(trainee: TraineeFacts, membership: BaseMembership, occupation: string, window: CountingWindow, asOf: CalendarDate): CountDecision {
  const early = notEligible(membership);
  if (early) return early;
  const considered = sortBy(trainee.certificates, (c) => c.issuedOn, (c) => c.certificateId).map((certificate) => ({
    id: certificate.certificateId,
    ...certificateVerdict(certificate, occupation, window, asOf),
  }));
  return firstCounting(considered, 'CERTIFIED', 'NO_CERTIFICATE', 'no certificate for the occupation in the window');
}

/**
 * R-GATE-3: a verified employment starting in the window, recorded by its last day and verified by asOf. The policy
 * ties employment to no occupation, so unlike a certificate one employment counts for each cohort it falls in.
 */
export function countEmployment(trainee: TraineeFacts, membership: BaseMembership, window: CountingWindow, asOf: CalendarDate): CountDecision {
  const early = notEligible(membership);
  if (early) return early;
  const considered = sortBy(trainee.employments, (e) => e.startsOn, (e) => e.employmentId).map((employment) => ({
    id: employment.employmentId,
    ...employmentVerdict(employment, window, asOf),
  }));
  return firstCounting(considered, 'EMPLOYED', 'NO_EMPLOYMENT', 'no verified employment starting in the window');
}

type Verdict = Omit<ConsideredRecord, 'id'>;

function certificateVerdict(certificate: CertificateFacts, occupation: string, window: CountingWindow, asOf: CalendarDate): Verdict {
  const issued = `${certificate.type} certificate issued ${certificate.issuedOn}`;
  // asOf means "as known that day" (R-GATE-5): a record made later is ignored, so a rate shown then can be redone.
  if (certificate.recordedOn > asOf) return { counts: false, detail: `${issued}: recorded on ${certificate.recordedOn}, after the evaluation date ${asOf}` };
  if (certificate.occupation.trim() !== occupation.trim()) {
    return { counts: false, detail: `${issued} is for ${certificate.occupation}, not the cohort's occupation ${occupation}` };
  }
  const timing = timingVerdict(certificate.issuedOn, window, asOf, 'issued');
  if (timing) return { counts: false, detail: `${issued}: ${timing}` };
  const late = lateRecord(certificate.recordedOn, window);
  if (late) return { counts: false, detail: `${issued}: ${late}` };
  // Which cohort it belongs to is decided by the facts query; the other cohort is not named (providers read this).
  if (!certificate.countsForThisCohort) return { counts: false, detail: `${issued}: counts for another cohort of the same occupation` };
  return { counts: true, detail: `${issued}, recorded on ${certificate.recordedOn}, inside the window ${window.from} to ${window.to}` };
}

function employmentVerdict(employment: EmploymentFacts, window: CountingWindow, asOf: CalendarDate): Verdict {
  const started = `employment starting ${employment.startsOn}`;
  if (employment.recordedOn > asOf) return { counts: false, detail: `${started}: recorded on ${employment.recordedOn}, after the evaluation date ${asOf}` };
  const timing = timingVerdict(employment.startsOn, window, asOf, 'starts');
  if (timing) return { counts: false, detail: `${started}: ${timing}` };
  const late = lateRecord(employment.recordedOn, window);
  if (late) return { counts: false, detail: `${started}: ${late}` };
  // R-GATE-3: the bureau's "no" as known on asOf: never counts, and keeps no closed gate waiting (R-GATE-4).
  if (employment.rejection !== undefined && employment.rejection.on <= asOf) {
    return { counts: false, detail: `${started}, recorded on ${employment.recordedOn}: rejected on ${employment.rejection.on} (${employment.rejection.reasonCode})` };
  }
  // Recorded in time: only the bureau's check is missing, and that may lag the window.
  if (employment.verifiedOn === undefined) return { counts: false, awaitingVerification: true, detail: `${started}, recorded on ${employment.recordedOn}, is not verified yet` };
  if (employment.verifiedOn > asOf) {
    return { counts: false, awaitingVerification: true, detail: `${started}, recorded on ${employment.recordedOn}: verified on ${employment.verifiedOn}, after the evaluation date ${asOf}` };
  }
  return { counts: true, detail: `${started}, recorded on ${employment.recordedOn}, verified on ${employment.verifiedOn}, inside the window ${window.from} to ${window.to}` };
}

function timingVerdict(date: CalendarDate, window: CountingWindow, asOf: CalendarDate, verb: string): string | undefined {
  if (date < window.from) return `${verb} before the cohort started on ${window.from}`;
  if (date > window.to) return `${verb} ${daysBetween(window.end, date)} days after the cohort's end on ${window.end}, outside the ${window.days}-day window`;
  if (date > asOf) return `${verb} after the evaluation date ${asOf}`;
  return undefined;
}

/** R-GATE-4: what the window counts is what was recorded by its last day, so a failed gate stays failed. */
function lateRecord(recordedOn: CalendarDate, window: CountingWindow): string | undefined {
  return recordedOn > window.to ? `recorded on ${recordedOn}, after the window closed on ${window.to}` : undefined;
}

function firstCounting(considered: readonly ConsideredRecord[], yes: string, no: string, noDetail: string): CountDecision {
  const counting = considered.find((c) => c.counts);
  if (counting) return { counted: true, reason: yes, detail: counting.detail, evidenceId: counting.id, considered };
  const awaiting = considered.filter((c) => c.awaitingVerification);
  if (awaiting.length > 0) return { counted: false, reason: AWAITING_VERIFICATION, detail: `awaiting the bureau's verification: ${awaiting.map((c) => c.detail).join('; ')}`, considered };
  const detail = considered.length === 0 ? `${noDetail}: none recorded` : `${noDetail}: ${considered.map((c) => c.detail).join('; ')}`;
  return { counted: false, reason: no, detail, considered };
}

function sortBy<T>(items: readonly T[], date: (item: T) => string, id: (item: T) => string): T[] {
  return [...items].sort((a, b) => date(a).localeCompare(date(b)) || id(a).localeCompare(id(b)));
}
