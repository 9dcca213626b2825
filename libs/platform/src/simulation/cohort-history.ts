import { cohortDecider, type AssessmentResult, type CalendarDate, type CohortEvent, type CohortState, type DomainEvent } from '@skills/domain';

/** rm_cohorts as the cohort-outcomes projection keeps it: the plan and the dates the gates count from. */
export interface CohortRow {
  readonly providerId: string;
  readonly programmeType: string;
  readonly occupation: string;
  readonly plannedStart: CalendarDate;
  readonly plannedEnd: CalendarDate;
  readonly plannedDays: number;
  status: string;
  actualStart: CalendarDate | null;
  completedOn: CalendarDate | null;
  /** R-GATE-1: the day the completion was recorded. */
  completionRecordedOn: CalendarDate | null;
}

/** rm_cohort_trainees: every person ever enrolled, with the withdrawal and the day it was recorded (R-GATE-4). */
export interface TraineeRow {
  enrolledOn: CalendarDate;
  withdrawnOn: CalendarDate | null;
  withdrawalReason: string | null;
  withdrawalRecordedOn: CalendarDate | null;
}

export interface AssessmentRecord {
  readonly labourerId: string;
  readonly result: AssessmentResult;
  readonly recordedOn: CalendarDate;
}

/**
 * One cohort, folded in memory. `decider` is the cohort stream's state by the domain's own evolve (the roster and the
 * approved amount a claim reads); the rest mirrors the cohort-outcomes read model row for row. Days are kept as
 * yyyymmdd numbers in sets: one attendance row per (person, day), as rm_attendance_days's primary key.
 */
export class CohortHistory {
  decider: CohortState = cohortDecider.initialState();
  row: CohortRow | undefined;
  readonly trainees = new Map<string, TraineeRow>();
  readonly attendance = new Map<string, Set<number>>();
  readonly daysHeld = new Set<number>();
  readonly assessments: AssessmentRecord[] = [];

  /** Days on which anyone of the cohort attended (findCohortAttendance's days). */
  get trainingDaysHeld(): number {
    return this.daysHeld.size;
  }

  /**
   * rm_attendance_days: one attended day of one trainee (labourerId lower-cased), counted once however often it is
   * recorded. Order does not matter: the streaming fold and the report's aggregate read (readEvaluationHistory) both
   * come here.
   */
  recordAttendance(labourerId: string, day: CalendarDate): void {
    const number = dayNumber(day);
    let days = this.attendance.get(labourerId);
    if (!days) this.attendance.set(labourerId, (days = new Set()));
    days.add(number);
    this.daysHeld.add(number);
  }

  attendedDays(labourerId: string): number {
    return this.attendance.get(labourerId)?.size ?? 0;
  }

  /** R-GATE-4: distinct days held before the later of the withdrawal day and the day it was recorded (recountDaysBeforeWithdrawal). */
  daysHeldBefore(trainee: TraineeRow): number {
    if (trainee.withdrawnOn === null) return 0;
    const recorded = trainee.withdrawalRecordedOn;
    const cutoff = dayNumber(recorded !== null && recorded > trainee.withdrawnOn ? recorded : trainee.withdrawnOn);
    let count = 0;
    for (const day of this.daysHeld) if (day < cutoff) count++;
    return count;
  }
}

export const dayNumber = (day: CalendarDate): number => Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));

const STATUS_OF: Record<string, string> = { CohortApproved: 'approved', CohortStarted: 'started', CohortCompleted: 'completed', CohortCancelled: 'cancelled' };

/** The cohort stream's events: the decider's evolve, and rm_cohorts / rm_cohort_trainees as cohort-outcomes.statements.ts writes them. */
export function foldCohortEvent(cohort: CohortHistory, event: CohortEvent, recordedOn: CalendarDate, onEnrolled: (labourerId: string) => void): void {
  cohort.decider = cohortDecider.evolve(cohort.decider, event);
  switch (event.type) {
    case 'CohortPlanned': {
      const d = event.data;
      // INSERT … ON CONFLICT DO NOTHING: the first plan stands.
      cohort.row ??= {
        providerId: d.providerId.toLowerCase(),
        programmeType: d.programmeType,
        occupation: d.occupation,
        plannedStart: d.plannedStartOn,
        plannedEnd: d.plannedEndOn,
        plannedDays: d.plannedDays,
        status: 'planned',
        actualStart: null,
        completedOn: null,
        completionRecordedOn: null,
      };
      return;
    }
    case 'CohortApproved':
    case 'CohortCancelled':
    case 'CohortStarted':
    case 'CohortCompleted': {
      const row = cohort.row;
      if (!row) return;
      row.status = STATUS_OF[event.type]!;
      if (event.type === 'CohortStarted') row.actualStart = event.data.startedOn;
      if (event.type === 'CohortCompleted') {
        row.completedOn = event.data.completedOn;
        row.completionRecordedOn = recordedOn;
      }
      return;
    }
    case 'TraineeEnrolled': {
      const labourerId = event.data.labourerId.toLowerCase();
      const existing = cohort.trainees.get(labourerId);
      if (!existing) {
        cohort.trainees.set(labourerId, { enrolledOn: event.data.enrolledOn, withdrawnOn: null, withdrawalReason: null, withdrawalRecordedOn: null });
        onEnrolled(labourerId);
        return;
      }
      // A re-enrolment clears the withdrawal only before the start; once started a withdrawal stands (R-GATE-4).
      if (cohort.row?.actualStart != null) return;
      Object.assign(existing, { enrolledOn: event.data.enrolledOn, withdrawnOn: null, withdrawalReason: null, withdrawalRecordedOn: null });
      return;
    }
    case 'TraineeWithdrawn': {
      const trainee = cohort.trainees.get(event.data.labourerId.toLowerCase());
      if (!trainee) return;
      Object.assign(trainee, { withdrawnOn: event.data.withdrawnOn, withdrawalReason: event.data.reason, withdrawalRecordedOn: recordedOn });
      return;
    }
  }
}

/** AttendanceRecorded, FinalAssessmentRecorded and FinalAssessmentCorrected: rm_attendance_days and rm_assessment_records. */
export function foldCohortRecord(cohort: CohortHistory, event: DomainEvent, recordedOn: CalendarDate): void {
  const data = event.data as { labourerId: string; day?: CalendarDate; result?: AssessmentResult };
  const labourerId = data.labourerId.toLowerCase();
  if (event.type === 'AttendanceRecorded') {
    cohort.recordAttendance(labourerId, data.day!);
    return;
  }
  // R-GATE-1: every record and correction with its day, in the order recorded; the latest by a day is in force then.
  cohort.assessments.push({ labourerId, result: data.result!, recordedOn });
}
