import { z } from 'zod';
import { calendarDateSchema, DISTRICT_TARGETS, TARGET_UNIT, type DistrictTarget, type DistrictTargetCode, type FieldIssue } from '@skills/domain';
import { fieldIssuesOf } from '../field-issues';
import { blankOr, figure, normalise, required } from './sheet-cells';
import type { RowIssue, SheetGrid } from './task-table-sheet';

/** The worksheet of an XLSX upload that holds the district targets (R-TGT-1), beside the task table. */
export const DISTRICT_TARGETS_SHEET = '区级目标';
export const isDistrictTargetsSheet = (name: string) => ['区级目标', 'districttargets', 'rtgt1'].includes(normalise(name));

export interface DistrictTargetsReading {
  readonly targets: readonly DistrictTarget[];
  /** The row each target came from, in the same order. */
  readonly rowNumbers: readonly number[];
  readonly rowIssues: readonly RowIssue[];
  readonly fileIssues: readonly FieldIssue[];
}

type Field = 'code' | 'unit' | 'minimum' | 'maximum' | 'from' | 'to';
const HEADINGS: Record<Field, readonly string[]> = {
  code: ['code', '指标代码', '代码', '指标', '目标指标'],
  unit: ['unit', '计量单位', '单位'],
  minimum: ['minimum', '目标值', '下限', '不低于'],
  maximum: ['maximum', '上限'],
  from: ['from', '起始日期', '开始日期', '起'],
  to: ['to', '截止日期', '结束日期', '止'],
};
const UNIT_WORDS: Record<string, z.infer<typeof TARGET_UNIT>> = { 人: 'PERSON', 人次: 'PERSON_TIME', '%': 'PERCENT', 百分比: 'PERCENT' };
const codes = Object.keys(DISTRICT_TARGETS) as DistrictTargetCode[];
const codeOf = (text: string) => codes.find((c) => c === text.trim().toUpperCase() || DISTRICT_TARGETS[c].label === text.trim());

const rowSchema = z.object({
  code: z.string().refine((text) => codeOf(text) !== undefined, `one of the R-TGT-1 targets, by code or name: ${codes.map((c) => `${c} (${DISTRICT_TARGETS[c].label})`).join(', ')}`),
  unit: blankOr(z.string().refine((text) => text in UNIT_WORDS || TARGET_UNIT.safeParse(text.toUpperCase()).success, `one of ${TARGET_UNIT.options.join(', ')} (or 人, 人次, %), or blank for the target's own unit`)),
  minimum: required(figure),
  maximum: blankOr(figure),
  from: required(calendarDateSchema),
  to: required(calendarDateSchema),
});

/**
 * R-TGT-1: the district targets of an upload, one a row under headings in the first rows: the target (code or
 * Chinese name), its figure (and upper figure for a range), optionally its unit (blank: the target's own), and the
 * period it covers. Every bad cell is reported by row and field; whether a target is counted in its own unit, listed
 * once, and a share at most 100% is the domain's rule, checked with the rest of the set.
 */
export function readDistrictTargets(grid: SheetGrid, sheet = DISTRICT_TARGETS_SHEET): DistrictTargetsReading {
  const headerIndex = grid.slice(0, 10).findIndex((row) => row.cells.some((c) => HEADINGS.minimum.includes(normalise(c))));
  if (headerIndex < 0) return { targets: [], rowNumbers: [], rowIssues: [], fileIssues: [{ field: sheet, message: 'no heading row with 目标值 (minimum): put the headings 指标代码, 目标值, 起始日期, 截止日期 in the first row' }] };
  const header = grid[headerIndex]!;
  const columns = new Map<Field, number>();
  header.cells.forEach((cell, index) => {
    const field = (Object.keys(HEADINGS) as Field[]).find((f) => HEADINGS[f].includes(normalise(cell)));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const missing = (['code', 'minimum', 'from', 'to'] as const).filter((f) => !columns.has(f));
  if (missing.length > 0) return { targets: [], rowNumbers: [], rowIssues: [], fileIssues: missing.map((f) => ({ field: sheet, message: `add the column ${HEADINGS[f][1]} (${f})` })) };

  const targets: DistrictTarget[] = [];
  const rowNumbers: number[] = [];
  const rowIssues: RowIssue[] = [];
  for (const { rowNumber, cells } of grid.slice(headerIndex + 1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (field: Field) => {
      const index = columns.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const parsed = rowSchema.safeParse(Object.fromEntries((Object.keys(HEADINGS) as Field[]).map((f) => [f, cell(f)])));
    if (!parsed.success) {
      rowIssues.push(...fieldIssuesOf(parsed.error).map((issue) => ({ row: rowNumber, sheet, code: 'VALIDATION.FAILED', ...issue, field: `districtTargets.${issue.field}` })));
      continue;
    }
    const code = codeOf(parsed.data.code)!;
    const unitText = parsed.data.unit;
    const unit = unitText === null ? DISTRICT_TARGETS[code].unit : (UNIT_WORDS[unitText] ?? TARGET_UNIT.parse(unitText.toUpperCase()));
    const { minimum, maximum, from, to } = parsed.data;
    targets.push({ code, unit, minimum, maximum, from, to });
    rowNumbers.push(rowNumber);
  }
  return { targets, rowNumbers, rowIssues, fileIssues: [] };
}
