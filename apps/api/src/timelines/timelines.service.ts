import {
  registryErrors,
  toAssessmentStreamId,
  toAttendanceStreamId,
  toCertificateStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
  toFreeTrainingLedgerStreamId,
  toLabourerStreamId,
} from '@skills/domain';
import type { Principal, System } from '@skills/platform';
import { findLabourerOutcomeIds } from '@skills/projections';
import { readLabourerCard } from '../registry/labourers/labourer-card';
import { isBureau, visibleCohort } from '../training/cohort-access';
import { timelineOf, type TimelineEntry } from './timeline-events';

/**
 * Events only the bureau reads. A clash flag (the same person attended two cohorts on one day) is a fraud signal
 * for reviewers: it names other providers' cohorts and would tell the provider its record is being checked.
 */
const BUREAU_ONLY_EVENT_TYPES = new Set(['AttendanceClashFlagged']);

/** What the reader may see: everything for the bureau; a provider's own cohort without the bureau-only events. */
export function visibleTo(principal: Principal, events: readonly TimelineEntry[]): TimelineEntry[] {
  return isBureau(principal) ? [...events] : events.filter((e) => !BUREAU_ONLY_EVENT_TYPES.has(e.type));
}

/**
 * R-MON-1 for a cohort: its own stream and the attendance and assessment streams of everyone ever enrolled. A
 * provider reads only its own cohorts (visibleCohort), and not the clash flags in them.
 */
export async function cohortTimeline(system: System, principal: Principal, cohortId: string) {
  const loaded = await visibleCohort(system, principal, cohortId);
  const labourerIds = new Set<string>();
  for (const recorded of loaded.recorded) {
    if (recorded.type === 'TraineeEnrolled') labourerIds.add(String(recorded.data['labourerId']).toLowerCase());
  }
  const streams = [toCohortStreamId(cohortId)];
  for (const labourerId of labourerIds) streams.push(toAttendanceStreamId(cohortId, labourerId), toAssessmentStreamId(cohortId, labourerId));
  return { cohortId, events: visibleTo(principal, await timelineOf(system, streams)) };
}

/**
 * R-MON-1 for a person: the card, the free-training ledger, attendance and assessment in every cohort on the
 * ledger or in the read model, and the certificates and employments the read model holds for the person.
 * Certificates and employments come from the read model, so one recorded a moment ago may be missing. `person`: who
 * it is about, the name and ID number masked for every role (the registry's masked card), so the console never
 * receives the full values to mask itself.
 */
export async function labourerTimeline(system: System, principal: Principal, labourerId: string) {
  const card = toLabourerStreamId(labourerId);
  const ledger = toFreeTrainingLedgerStreamId(labourerId);
  const [cardEvents, ledgerEvents, known] = await Promise.all([
    system.store.readStream(card),
    system.store.readStream(ledger),
    findLabourerOutcomeIds(system.db, labourerId),
  ]);
  if (cardEvents.length === 0) throw registryErrors.labourerNotFound(labourerId);
  const cohortIds = new Set(known.cohortIds.map((id) => id.toLowerCase()));
  for (const recorded of ledgerEvents) cohortIds.add(String(recorded.data['cohortId']).toLowerCase());
  const streams = [card, ledger];
  for (const cohortId of cohortIds) streams.push(toAttendanceStreamId(cohortId, labourerId), toAssessmentStreamId(cohortId, labourerId));
  for (const id of known.certificateIds) streams.push(toCertificateStreamId(id));
  for (const id of known.employmentIds) streams.push(toEmploymentStreamId(id));
  const [masked, events] = await Promise.all([readLabourerCard(system, principal, labourerId, 'masked'), timelineOf(system, streams)]);
  const person = { status: masked.status, name: masked.name, idNumber: masked.idNumber, masked: masked.masked, registeredOn: masked.registeredOn };
  return { labourerId, person, events };
}
