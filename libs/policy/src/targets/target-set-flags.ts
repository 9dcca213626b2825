import { monthsInPeriod, type TaskTableLine, type TargetSetContent } from '@skills/domain';
import type { RegistryUnit } from './resolve-target-set';

export type TargetSetFlagCode =
  | 'TASK_SUM_MISMATCH'
  | 'PACE_SUM_MISMATCH'
  | 'HOLDERS_SUM_MISMATCH'
  | 'TARGET_SUM_MISMATCH'
  | 'PACE_NOT_TASK_OVER_MONTHS'
  | 'TASK_NOT_TARGET_MINUS_HOLDERS'
  | 'UNIT_MISSING';

/** An inconsistency of a target set: shown beside it (and in the reports), never repaired and never a refusal. */
export interface TargetSetFlag {
  readonly code: TargetSetFlagCode;
  /** The line it is about: a unit's subdistrict id, or null for the district line. */
  readonly subdistrictId: string | null;
  /** The unit's registered name, or 城区 for the district line. */
  readonly unit: string;
  readonly field: 'task' | 'monthlyPace' | 'holdersNow' | 'target' | 'unit';
  readonly message: string;
  /** The figures compared, so a reader can check the arithmetic. */
  readonly figures: Readonly<Record<string, number>>;
}

export const DISTRICT_LINE_NAME = '城区';

/**
 * R-TGT-2: the monthly paces a task spread over `months` may be printed as: task ÷ months rounded to the nearest
 * whole person, halves up (the units of 附件1: 1600 ÷ 17 = 94.1 → 94), or rounded up so the task is met in time
 * (the district line: 14200 ÷ 17 = 835.3 → 836). Integers only: nearest = ⌊(2·task + months) ÷ (2·months)⌋.
 */
export function acceptedPaces(task: number, months: number): { readonly nearest: number; readonly roundedUp: number } {
  if (!Number.isSafeInteger(task) || !Number.isSafeInteger(months) || task < 0 || months < 1) throw new RangeError('a pace needs a whole task and at least one month');
  return { nearest: Math.floor((2 * task + months) / (2 * months)), roundedUp: Math.floor((task + months - 1) / months) };
}

/**
 * R-TGT-2: every inconsistency of a set, in a fixed order: the units against the district line (task, monthly pace,
 * and holders and targets where every unit has them: the notice leaves the units' blank), each line's pace against
 * task ÷ months (acceptedPaces), target − holders against the task, and units of the registry with no line.
 * The notice's own table gives exactly one: its units' paces sum to 835, its district line says 836.
 */
export function targetSetFlags(content: TargetSetContent, units: readonly RegistryUnit[]): TargetSetFlag[] {
  const nameOf = (subdistrictId: string) => units.find((u) => u.subdistrictId === subdistrictId)?.name ?? subdistrictId;
  const district = content.district;
  const flags: TargetSetFlag[] = [];
  const districtFlag = (code: TargetSetFlagCode, field: TargetSetFlag['field'], message: string, figures: Record<string, number>) =>
    flags.push({ code, subdistrictId: null, unit: DISTRICT_LINE_NAME, field, message, figures });

  const sums: { code: TargetSetFlagCode; field: keyof TaskTableLine; words: string }[] = [
    { code: 'TASK_SUM_MISMATCH', field: 'task', words: 'tasks' },
    { code: 'PACE_SUM_MISMATCH', field: 'monthlyPace', words: 'monthly paces' },
    { code: 'HOLDERS_SUM_MISMATCH', field: 'holdersNow', words: 'holders now' },
    { code: 'TARGET_SUM_MISMATCH', field: 'target', words: 'targets' },
  ];
  for (const { code, field, words } of sums) {
    const values = content.rows.map((row) => row[field]);
    const stated = district[field];
    if (stated === null || values.some((v) => v === null)) continue;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (sum !== stated) districtFlag(code, field, `the units' ${words} sum to ${sum} while the district line says ${stated}`, { unitsSum: sum, districtLine: stated });
  }

  const months = monthsInPeriod(content.period);
  const lines = [{ subdistrictId: null, unit: DISTRICT_LINE_NAME, line: district }, ...content.rows.map((row) => ({ subdistrictId: row.subdistrictId, unit: nameOf(row.subdistrictId), line: row }))];
  for (const { subdistrictId, unit, line } of lines) {
    const { nearest, roundedUp } = acceptedPaces(line.task, months);
    if (line.monthlyPace !== nearest && line.monthlyPace !== roundedUp) {
      flags.push({
        code: 'PACE_NOT_TASK_OVER_MONTHS',
        subdistrictId,
        unit,
        field: 'monthlyPace',
        message: `${unit}: ${line.monthlyPace} a month is neither ${line.task} ÷ ${months} months rounded (${nearest}) nor rounded up (${roundedUp})`,
        figures: { task: line.task, months, monthlyPace: line.monthlyPace, nearest, roundedUp },
      });
    }
  }
  for (const { subdistrictId, unit, line } of lines) {
    if (line.holdersNow === null || line.target === null || line.target - line.holdersNow === line.task) continue;
    flags.push({
      code: 'TASK_NOT_TARGET_MINUS_HOLDERS',
      subdistrictId,
      unit,
      field: 'task',
      message: `${unit}: the target ${line.target} less the ${line.holdersNow} holders now is ${line.target - line.holdersNow}, not the task ${line.task}`,
      figures: { target: line.target, holdersNow: line.holdersNow, task: line.task, difference: line.target - line.holdersNow },
    });
  }
  const listed = new Set(content.rows.map((row) => row.subdistrictId));
  for (const unit of units.filter((u) => !listed.has(u.subdistrictId))) {
    flags.push({ code: 'UNIT_MISSING', subdistrictId: unit.subdistrictId, unit: unit.name, field: 'unit', message: `${unit.name} is a unit of the registry (R-REG-5) with no line in the table: it has no task`, figures: {} });
  }
  return flags;
}
