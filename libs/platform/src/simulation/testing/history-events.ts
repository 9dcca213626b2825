import type { CalendarDate, DomainEvent } from '@skills/domain';
import type { HistoryEvent } from '../history-reader';

/** Hand-made stored facts for the fold's unit tests: ids only, recorded on the day given. */
export const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
export const LATER_COHORT = '3c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
export const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
export const SUBDISTRICT = '7a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
export const PEOPLE = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'] as const;

export const recorded = (recordedOn: CalendarDate, type: string, data: Record<string, unknown>): HistoryEvent => ({ event: { type, data } as DomainEvent, recordedOn });

/**
 * A cohort of 2021-03-01..10 (10 planned days), approved and joined by `people` on 02-25, started on `startedOn`; `plan`
 * and `approval` add a programme's facts (R-FREE-8's course, R-ENT-1/2's enterprise, …).
 */
export function startedCohort(
  cohortId: string,
  people: readonly string[],
  options: { programmeType?: string; occupation?: string; startedOn?: CalendarDate; approvedFen?: number | null; plan?: Record<string, unknown>; approval?: Record<string, unknown> } = {},
): HistoryEvent[] {
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
      ...options.plan,
    }),
    recorded('2021-02-21', 'CohortApproved', { cohortId, approvedOn: '2021-02-21', approvedPerPersonAmountFen: options.approvedFen ?? null, ...options.approval }),
    ...people.map((labourerId) => recorded('2021-02-25', 'TraineeEnrolled', { cohortId, labourerId, enrolledOn: '2021-02-25' })),
    recorded(startedOn, 'CohortStarted', { cohortId, startedOn }),
  ];
}

/** Attendance on consecutive days from `first`, recorded on `recordedOn`. */
export function attended(cohortId: string, labourerId: string, first: CalendarDate, days: number, recordedOn: CalendarDate): HistoryEvent[] {
  return Array.from({ length: days }, (_, i) => recorded(recordedOn, 'AttendanceRecorded', { cohortId, labourerId, day: plusDays(first, i) }));
}

export const plusDays = (day: CalendarDate, n: number): CalendarDate => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A card registered in SUBDISTRICT on 2021-01-05 with these markers (R-REG-4). */
export const card = (labourerId: string, keyGroups: readonly string[], flags: readonly string[] = []): HistoryEvent =>
  recorded('2021-01-05', 'LabourerRegistered', {
    labourerId,
    fingerprint: 'f'.repeat(64),
    category: 'RURAL_LABOURER',
    keyGroups,
    flags,
    insuranceMonths: 0,
    subdistrictId: SUBDISTRICT,
    registeringUnit: { kind: 'SUBDISTRICT', id: SUBDISTRICT },
    registeredOn: '2021-01-05',
  });

/** A claim as submitted, with the ids of its lines (what a fact scheme's simulator finds its facts by) and its live total. */
export function claimSubmitted(
  recordedOn: CalendarDate,
  claim: { claimId: string; scheme: string; subject: { kind: string; id: string }; period: { from: CalendarDate; to: CalendarDate }; organisation: { kind: string; id: string }; lineIds?: readonly string[]; totalFen?: number },
): HistoryEvent {
  const { organisation, lineIds = [], totalFen = 0, ...rest } = claim;
  return recorded(recordedOn, 'ClaimSubmitted', {
    ...rest,
    submittedBy: { organisation, accountId: 'a0000000-0000-4000-8000-000000000001' },
    submittedOn: recordedOn,
    status: 'READY_FOR_REVIEW',
    tier: null,
    gates: [],
    lines: lineIds.map((lineId) => ({ lineId })),
    totalFen,
  });
}
