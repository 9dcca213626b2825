import { createHash, randomUUID } from 'node:crypto';
import {
  toAssessmentStreamId,
  toAttendanceStreamId,
  toCertificateStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
  toLabourerStreamId,
  type EventCatalogue,
} from '@skills/domain';
import type { EventStore, EventToAppend, StreamAppend } from '@skills/event-store';

/**
 * One completed order-based cohort of 50 trainees, appended as the api would have recorded it (each event accepted at
 * 10:00 Shanghai time on its day), with each trainee's card. Hand-checked figures (bench/claims/README.md):
 *
 * - 2021-03-01 to 2021-03-20, 20 planned days, approved at 3500 per person (R-FREE-4).
 * - Trainee i attends 20 - (i mod 4) days; trainee 49 attends 03-01..03-11 and withdraws on 03-12 (reason recorded).
 * - 49 PASS, 40 certificates (issued 04-01), 42 jobs from 04-10 verified 04-12: every gate holds by 2021.
 * - Trainees 0, 5, …, 45 are poor labourers on their cards when the training begins; the flag is lifted on 06-01.
 *
 * R-FREE-4: 49 × 3500 + the leaver 11 × 150 = 1650 capped at 1000 → 172,500 yuan. R-FREE-5: the ten poor labourers,
 * 20+19+18+17+20+19+18+17+20+19 = 187 days × 15 → 2,805 yuan.
 */
export const TRAINEES = 50;
export const APPROVED_FEN = 350_000;
export const EXPECTED_TOTAL_FEN = { 'R-FREE-4': 17_250_000, 'R-FREE-5': 280_500 } as const;

const START = '2021-03-01';
const END = '2021-03-20';
const LEAVER = 49;
const day = (n: number) => `2021-03-${String(n).padStart(2, '0')}`;
const daysAttended = (i: number) => (i === LEAVER ? 11 : 20 - (i % 4));

export interface BenchCohort {
  readonly cohortId: string;
  readonly providerId: string;
}

export async function appendCompletedCohort(store: EventStore, catalogue: EventCatalogue, subdistrictId: string): Promise<BenchCohort> {
  const cohortId = randomUUID();
  const providerId = randomUUID();
  const occupation = `工种-${cohortId.slice(0, 8)}`;
  const people = Array.from({ length: TRAINEES }, () => randomUUID());
  const event = (on: string, type: string, data: Record<string, unknown>): EventToAppend => {
    const serialised = catalogue.serialise({ type, data });
    const metadata = { actor: 'bench-clerk', correlationId: randomUUID(), causationId: null, occurredAt: `${on}T02:00:00.000Z` };
    return { eventId: randomUUID(), type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata };
  };
  const stream = (streamId: string, ...events: EventToAppend[]): StreamAppend => ({ streamId, expectedVersion: 'any', events });
  const cohortStream = toCohortStreamId(cohortId);
  const poor = (i: number) => i % 5 === 0;

  await store.appendMany(
    people.map((labourerId, i) =>
      stream(
        toLabourerStreamId(labourerId),
        event('2021-01-15', 'LabourerRegistered', {
          labourerId,
          fingerprint: createHash('sha256').update(labourerId).digest('hex'),
          category: 'RURAL_LABOURER',
          keyGroups: poor(i) ? ['RURAL_MIGRANT', 'POOR_LABOURER'] : ['RURAL_MIGRANT'],
          flags: [],
          insuranceMonths: 0,
          subdistrictId,
          registeringUnit: { kind: 'PROVIDER', id: providerId },
          registeredOn: '2021-01-15',
        }),
      ),
    ),
  );
  const plan = { cohortId, providerId, programmeType: 'ORDER_BASED', occupation, level: 'JUNIOR', plannedStartOn: START, plannedEndOn: END, plannedDays: 20, capacity: 60 };
  await store.append(
    stream(
      cohortStream,
      event('2021-02-01', 'CohortPlanned', { ...plan, requestedPerPersonAmountFen: APPROVED_FEN, plannedOn: '2021-02-01' }),
      event('2021-02-02', 'CohortApproved', { cohortId, approvedOn: '2021-02-02', approvedPerPersonAmountFen: APPROVED_FEN }),
      ...people.map((labourerId) => event('2021-02-03', 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-02-03' })),
      event(START, 'CohortStarted', { cohortId, startedOn: START }),
    ),
  );
  const attendance = (i: number, recordedOn: string) =>
    stream(toAttendanceStreamId(cohortId, people[i]!), ...Array.from({ length: daysAttended(i) }, (_, d) => event(recordedOn, 'AttendanceRecorded', { cohortId, labourerId: people[i], day: day(d + 1) })));
  await store.append(attendance(LEAVER, day(11)));
  await store.append(stream(cohortStream, event(day(12), 'TraineeWithdrawn', { cohortId, labourerId: people[LEAVER], withdrawnOn: day(12), reason: 'PERSONAL_CIRCUMSTANCES' })));
  const stayed = people.map((_, i) => i).filter((i) => i !== LEAVER);
  await store.appendMany(stayed.map((i) => attendance(i, END)));
  await store.appendMany(
    stayed.map((i) => stream(toAssessmentStreamId(cohortId, people[i]!), event(END, 'FinalAssessmentRecorded', { cohortId, labourerId: people[i], result: 'PASS', assessedOn: END }))),
  );
  await store.append(stream(cohortStream, event(END, 'CohortCompleted', { cohortId, completedOn: END })));
  await store.appendMany(
    people.slice(0, 40).map((labourerId) => {
      const certificateId = randomUUID();
      const numberKey = createHash('sha256').update(certificateId).digest('hex');
      const data = { certificateId, labourerId, numberKey, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuer: '某评价机构', issuedOn: '2021-04-01' };
      return stream(toCertificateStreamId(certificateId), event('2021-04-01', 'CertificateRecorded', data));
    }),
  );
  await store.appendMany(
    people.slice(0, 42).map((labourerId) => {
      const employmentId = randomUUID();
      return stream(
        toEmploymentStreamId(employmentId),
        event('2021-04-10', 'EmploymentRecorded', { employmentId, labourerId, startsOn: '2021-04-10', evidenceRef: `doc:contract-${employmentId}` }),
        event('2021-04-12', 'EmploymentVerified', { employmentId, verifiedOn: '2021-04-12', verifiedBy: 'bench-reviewer' }),
      );
    }),
  );
  // R-FREE-5: lifted after the training, so it changes nothing in the allowance; it makes each card's history two events.
  await store.appendMany(
    people
      .filter((_, i) => poor(i))
      .map((labourerId) =>
        stream(toLabourerStreamId(labourerId), event('2021-06-01', 'LabourerGroupsChanged', { labourerId, keyGroups: ['RURAL_MIGRANT'], flags: [], insuranceMonths: 0, reason: 'CIRCUMSTANCES_CHANGED' })),
      ),
  );
  return { cohortId, providerId };
}
