import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { DISTRICT_TARGET_CODE, TARGET_UNIT } from './district-targets';

/** A target set is named like the notice it belongs to: `JCCQ-2020-12`. */
export const targetSetIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an upper-case id such as JCCQ-2020-12');
export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM, such as 2020-08');
export type YearMonth = string;

const people = z.number().int().min(0).max(100_000_000);

/**
 * R-TGT-2: one line of the task table (附件1) as printed: holders now (现有持证人数) and the target (持证目标), both
 * left blank for the units in the notice, the task (任务数) and the monthly pace (月均推进数) exactly as printed,
 * never corrected: an inconsistency is flagged when the set is read, not repaired.
 */
const lineShape = { holdersNow: people.nullable(), target: people.nullable(), task: people, monthlyPace: people };
export const taskTableLineSchema = z.strictObject(lineShape);
export type TaskTableLine = z.infer<typeof taskTableLineSchema>;

/** A unit's line, matched to the registry's subdistrict (R-REG-5); names and codes come from the registry. */
export const taskTableRowSchema = z.strictObject({ subdistrictId: z.uuid(), ...lineShape });
export type TaskTableRow = z.infer<typeof taskTableRowSchema>;

/** R-TGT-1: one district target with its figure, the unit it is counted in and the period it covers (inclusive). */
export const districtTargetSchema = z.strictObject({
  code: DISTRICT_TARGET_CODE,
  unit: TARGET_UNIT,
  minimum: people,
  /** An upper figure where the notice gives a range (2–3 studios); null otherwise. */
  maximum: people.nullable(),
  from: calendarDateSchema,
  to: calendarDateSchema,
});
export type DistrictTarget = z.infer<typeof districtTargetSchema>;

/** Everything a version says, without its number: the content hash is taken over exactly this. */
const contentShape = {
  targetSetId: targetSetIdSchema,
  effectiveFrom: calendarDateSchema,
  effectiveTo: calendarDateSchema.nullable(),
  /** The months the task table covers, both inclusive (2020-08 to 2021-12: 17 months). */
  period: z.strictObject({ from: yearMonthSchema, to: yearMonthSchema }),
  /** The district's own line (城区). */
  district: taskTableLineSchema,
  /** The units' lines in the order printed. */
  rows: z.array(taskTableRowSchema).min(1),
  districtTargets: z.array(districtTargetSchema),
};
export const targetSetContentSchema = z.strictObject(contentShape);
export type TargetSetContent = z.infer<typeof targetSetContentSchema>;

/**
 * R-TGT-2: one version of a target set, published by an administrator and never edited. `contentHash` is the SHA-256
 * of the content's canonical JSON, so the same table uploaded again is recognised whatever the file it came in.
 */
export const TargetSetVersionPublished = defineEvent(
  'TargetSetVersionPublished',
  1,
  z.strictObject({
    ...contentShape,
    version: z.number().int().min(1),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The administrator's account id. */
    publishedBy: z.string().min(1),
  }),
);
export type TargetSetVersionPublished = EventOf<typeof TargetSetVersionPublished>;

/** The first version of a target-set id names its stream on the index stream, in the same transaction. */
export const TargetSetListed = defineEvent('TargetSetListed', 1, z.strictObject({ targetSetId: targetSetIdSchema }));
export type TargetSetListed = EventOf<typeof TargetSetListed>;
