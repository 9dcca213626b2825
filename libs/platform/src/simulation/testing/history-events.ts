import type { CalendarDate, DomainEvent } from '@skills/domain';
import type { HistoryEvent } from '../history-reader';

/** Hand-made stored facts for the fold's unit tests: ids only, recorded on the day given. */
export const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
export const LATER_COHORT = '3c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
export const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
export const SUBDISTRICT = '7a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
export const PEOPLE = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'] as const;

export const recorded = (recordedOn: CalendarDate, type: string, data: Record<string, unknown>): HistoryEvent => ({ event: { type, data } as DomainEvent, recordedOn });

/** A cohort of 2021-03-01..10 (10 planned days), approved and joined by `people` on 02-25, started on `startedOn`. */
export function startedCohort(cohortId: string, people: readonly string[], options: { programmeType?: string; occupation?: string; startedOn?: CalendarDate; approvedFen?: number | null } = {}): HistoryEvent[] {
  const startedOn = options.startedOn ?? '2021-03-01';
  return [
    recorded('2021-02-20', 'CohortPlanned', {
      cohortId,
      providerId: PROVIDER,
      programmeType: options.programmeType ?? 'GENERAL',
      occupation: options.occupation ?? '焊工',
      level: 'JUNIOR',
      plannedStartOn: '2021-03-01',
      plannedEndOn: '2021-03-10',
      plannedDays: 10,
      capacity: 50,
      requestedPerPersonAmountFen: options.approvedFen ?? null,
      plannedOn: '2021-02-20',
    }),
    recorded('2021-02-21', 'CohortApproved', { cohortId, approvedOn: '2021-02-21', approvedPerPersonAmountFen: options.approvedFen ?? null }),
    ...people.map((labourerId) => recorded('2021-02-25', 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-02-25' })),
    recorded(startedOn, 'CohortStarted', { cohortId, startedOn }),
  ];
}

/** Attendance on consecutive days from `first`, recorded on `recordedOn`. */
export function attended(cohortId: string, labourerId: string, first: CalendarDate, days: number, recordedOn: CalendarDate): HistoryEvent[] {
  return Array.from({ length: days }, (_, i) => recorded(recordedOn, 'AttendanceRecorded', { cohortId, labourerId, day: plusDays(first, i) }));
}

export const plusDays = (day: CalendarDate, n: number): CalendarDate => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
