import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';

/** R-EVAL-1: 上半年, 下半年, or any range of days, both ends included, as the report states it. */
export const reportPeriodSchema = z.strictObject({
  kind: z.enum(['H1', 'H2', 'RANGE']),
  from: calendarDateSchema,
  to: calendarDateSchema,
  label: z.string().min(1).max(100),
});
export type FrozenReportPeriod = z.infer<typeof reportPeriodSchema>;

// A resident ID number (18 characters, the last a digit or X) anywhere in a report is personal data: refused.
const RESIDENT_ID = /(^|[^0-9])[0-9]{17}[0-9Xx]($|[^0-9])/;

const PERSONAL_KEYS = new Set(['labourerId', 'labourerIds', 'idNumber']);

function personalDataIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return RESIDENT_ID.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = personalDataIn(item, `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (PERSONAL_KEYS.has(key)) return `${path}.${key}`;
      const found = personalDataIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

const section = z.looseObject({});

/**
 * The report as frozen: the sections are the report library's (libs/reports, evaluation-report.ts), kept as they
 * were computed so that the content hash is over exactly what was shown. Checked here for its frame and for what
 * it must never hold: no labourer id and no resident ID number (R-EVAL-1 "no personal data beyond counts").
 */
export const frozenReportSchema = z
  .looseObject({
    schemaVersion: z.literal(1),
    period: reportPeriodSchema,
    asOf: calendarDateSchema,
    unit: z.strictObject({ subdistrictId: z.uuid().nullable(), name: z.string().min(1) }),
    progress: section,
    targets: section,
    rates: section,
    money: section,
    dataQuality: section,
  })
  .superRefine((report, ctx) => {
    const found = personalDataIn(report, 'report');
    if (found) ctx.addIssue({ code: 'custom', path: found.split('.').slice(1), message: 'a report holds counts only: no labourer id and no ID number' });
  });
export type FrozenReport = z.infer<typeof frozenReportSchema>;

const DIGITS = /^[0-9]{1,20}$/;

/**
 * R-MON-1: the last event of the store's global order the report read (transaction id and position, as decimal
 * text). Its verification and traces read the history up to it, so a fact recorded after the run, even later the
 * same day, never enters them.
 */
export const historyHeadSchema = z.strictObject({
  transactionId: z.string().regex(DIGITS, 'a transaction id (decimal digits)'),
  position: z.string().regex(DIGITS, 'a position (decimal digits)'),
});

/**
 * R-EVAL-1, R-REG-5: a unit of the registry as a report was computed with it (the task table's file at the run: its
 * lines are matched to units by name, and the report prints code and name). Names of offices, no personal data.
 */
export const frozenReportUnitSchema = z.strictObject({
  subdistrictId: z.uuid(),
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(100),
  nameEn: z.string().min(1).max(100),
});
export type FrozenReportUnit = z.infer<typeof frozenReportUnitSchema>;

/**
 * R-EVAL-1, R-MON-1 (issue 7 §3): a completed evaluation report, stored as it was computed with the SHA-256 of its
 * canonical JSON. Never replaced: a later run for the same period, day and unit recomputes it from the history and
 * proves that it gives the same hash. `subdistrictId` null: the district report.
 */
export const EvaluationReportFrozen = defineEvent(
  'EvaluationReportFrozen',
  1,
  z.strictObject({
    reportId: z.uuid(),
    period: reportPeriodSchema,
    asOf: calendarDateSchema,
    subdistrictId: z.uuid().nullable(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex characters (SHA-256)'),
    report: frozenReportSchema,
    // Optional, so the reports frozen before these fields existed still read (they verify against today's head).
    /** The head the run read up to; verify and trace read no further. */
    historyHead: historyHeadSchema.optional(),
    /** The run that froze it (GET /api/evaluation/reports/runs/:runId answers from the event once the run is gone). */
    runId: z.uuid().optional(),
    /** How many events the run read (its progress, shown again for a run answered from the event). */
    eventsRead: z.number().int().nonnegative().optional(),
    /**
     * The registry's units the run computed with: verify and trace compute with them, so a unit renamed in the task
     * table's file later is no false "not reproduced". Optional in version 1 like the fields above (no upcaster
     * could recover the units of a report frozen before it: that one computes with the units of the day, as before).
     */
    units: z.array(frozenReportUnitSchema).max(1_000).optional(),
  }),
);
export type EvaluationReportFrozen = EventOf<typeof EvaluationReportFrozen>;

export const evaluationReportEvents = [EvaluationReportFrozen] as const;
