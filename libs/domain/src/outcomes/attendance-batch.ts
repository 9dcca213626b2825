import type { CalendarDate } from '../shared/calendar-date';
import { DomainError } from '../shared/domain-error';
import type { AttendanceCohortFacts, TraineeEnrolmentFacts } from './attendance.commands';
import { duplicateRow } from './attendance.errors';
import { attendanceCountBreach, attendanceDayBreach } from './attendance.rules';
import { invalidId } from './outcomes.errors';

/** One row of an attendance upload; `row` is the line number the clerk sees in the file. */
export interface AttendanceRow {
  readonly row: number;
  readonly labourerId: string;
  readonly day: string;
}

export interface AttendanceBatchFacts {
  readonly cohortId: string;
  readonly cohort: AttendanceCohortFacts;
  /** This cohort's enrolments by lower-case labourer id; a labourer missing here is not enrolled. */
  readonly enrolments: ReadonlyMap<string, TraineeEnrolmentFacts>;
  /** Days already recorded in this cohort by lower-case labourer id (a re-uploaded day is not an issue). */
  readonly recordedDays: ReadonlyMap<string, ReadonlySet<CalendarDate>>;
  /** ISO-8601 instant the upload was received. */
  readonly now: string;
}

export interface AttendanceRowIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
  /** The same stable code the single-day command would fail with (ATTENDANCE.DAY_OUTSIDE_COHORT …). */
  readonly code: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a whole upload against the same rules as RecordAttendance, so the upload is stored all or nothing: an
 * empty list means every row can be recorded. Clashes with other cohorts are not issues: they are flagged when
 * the rows are recorded.
 */
export function checkAttendanceBatch(rows: readonly AttendanceRow[], facts: AttendanceBatchFacts): AttendanceRowIssue[] {
  const issues: AttendanceRowIssue[] = [];
  const firstRowOf = new Map<string, number>();
  const daysOf = new Map<string, Set<CalendarDate>>();
  for (const { row, labourerId, day } of rows) {
    if (typeof labourerId !== 'string' || !UUID.test(labourerId)) {
      issues.push(issueOf(row, invalidId('ATTENDANCE', 'labourerId')));
      continue;
    }
    const labourer = labourerId.toLowerCase();
    const enrolment = facts.enrolments.get(labourer) ?? { status: 'NOT_ENROLLED' as const };
    const dayBreach = attendanceDayBreach(day, { cohortId: facts.cohortId, labourerId: labourer, cohort: facts.cohort, enrolment, now: facts.now });
    if (dayBreach) {
      issues.push(issueOf(row, dayBreach));
      continue;
    }
    const key = `${labourer} ${day}`;
    const firstRow = firstRowOf.get(key);
    if (firstRow !== undefined) {
      issues.push(issueOf(row, duplicateRow(firstRow)));
      continue;
    }
    firstRowOf.set(key, row);
    const days = daysOf.get(labourer) ?? new Set(facts.recordedDays.get(labourer) ?? []);
    daysOf.set(labourer, days);
    if (days.has(day)) continue;
    const countBreach = attendanceCountBreach(days.size, facts.cohort.plannedDays);
    if (countBreach) issues.push(issueOf(row, countBreach));
    else days.add(day);
  }
  return issues;
}

/** The error an upload with issues is refused with: every issue, each naming its row. */
export function attendanceBatchRejected(issues: readonly AttendanceRowIssue[]): DomainError {
  return new DomainError(
    'ATTENDANCE.BATCH_REJECTED',
    `${issues.length} row(s) need fixing; nothing was recorded: fix them and upload the whole file again`,
    'validation',
    { rows: [...new Set(issues.map((issue) => issue.row))] },
    issues.map((issue) => ({ field: `rows.${issue.row}.${issue.field}`, message: `${issue.code}: ${issue.message}` })),
  );
}

function issueOf(row: number, error: DomainError): AttendanceRowIssue {
  return { row, field: error.issues[0]?.field ?? 'day', message: error.message, code: error.code };
}
