import { z } from 'zod';
import type { FieldIssue, YearMonth } from '@skills/domain';
import { fieldIssuesOf } from '../field-issues';
import { blankOr, figure, normalise, NUMBER, required } from './sheet-cells';

/** A spreadsheet as text: each row with the number the clerk sees in the file (the first row is 1). */
export type SheetGrid = readonly { readonly rowNumber: number; readonly cells: readonly string[] }[];

/** A problem with one row of the upload, naming the row, the field and (when known) the column as headed in the file. */
export interface RowIssue extends FieldIssue {
  readonly row: number;
  readonly code: string;
  readonly column?: string;
  /** The worksheet, when the upload has more than the task table. */
  readonly sheet?: string;
}

/** One line of the task table as read: the unit as written, the figures parsed. */
export interface TaskTableLineRead {
  readonly rowNumber: number;
  readonly unit: string;
  /** From a `level` column (the repository's own CSV): DISTRICT marks the district line. */
  readonly level: string | null;
  readonly holdersNow: number | null;
  readonly target: number | null;
  readonly task: number;
  readonly monthlyPace: number;
}

export interface TaskTableReading {
  readonly lines: readonly TaskTableLineRead[];
  /** The period printed in the headings, as 附件1 has it under 月均推进数: (2020.8-2021.12). */
  readonly periodInHeading: { readonly from: YearMonth; readonly to: YearMonth } | null;
  readonly rowIssues: readonly RowIssue[];
  /** Problems with the file as a whole (no heading row, a missing column, no lines). */
  readonly fileIssues: readonly FieldIssue[];
}

type Field = 'unit' | 'level' | 'holdersNow' | 'target' | 'task' | 'monthlyPace';

/** Headings of 附件1 and of the repository's CSV, normalised. */
const HEADINGS: Record<Field, (heading: string) => boolean> = {
  unit: (h) => ['unit', 'name', '单位', '城区', '街道', '镇街', '镇街道', '城区街道', '所属镇街'].includes(h),
  level: (h) => ['level', '层级'].includes(h),
  holdersNow: (h) => ['holdersnow', '现有持证人数', '现有持证'].includes(h),
  target: (h) => /^target(\d{4})?$/.test(h) || /^(\d{4}年)?持证目标$/.test(h),
  task: (h) => ['task', '任务数', '任务'].includes(h),
  monthlyPace: (h) => ['monthlypace', 'monthlyasprinted', '月均推进数', '月均推进'].includes(h),
};
const REQUIRED: readonly { field: Field; heading: string }[] = [
  { field: 'unit', heading: '城区(街道)' },
  { field: 'task', heading: '任务数' },
  { field: 'monthlyPace', heading: '月均推进数' },
];
const HEADER_SEARCH_ROWS = 10;
const PERIOD = /(\d{4})\s*[.．/年-]\s*(\d{1,2})\s*月?\s*[-–—~～至到]+\s*(\d{4})\s*[.．/年-]\s*(\d{1,2})/;

const requiredFigure = required(figure);
const lineSchema = z.object({
  unit: z.string().min(1, 'name the unit as in the registry (南村镇 …) or the district line (城区)').max(60, 'at most 60 characters'),
  level: blankOr(z.string()),
  holdersNow: blankOr(figure),
  target: blankOr(figure),
  task: requiredFigure,
  monthlyPace: requiredFigure,
});

/**
 * R-TGT-2: reads an uploaded task table shaped like 附件1: an optional title row, headings (one or two rows, merged
 * cells repeating their text), then one line per unit and the district line, in any order. Every line is parsed
 * whole, and every bad cell is reported with its row and field; nothing here decides whether the figures agree.
 */
export function readTaskTable(grid: SheetGrid): TaskTableReading {
  const headerIndex = grid.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => row.cells.some((cell) => HEADINGS.task(normalise(cell))));
  if (headerIndex < 0) {
    return empty([{ field: 'file', message: `no heading row with 任务数 (task) in the first ${HEADER_SEARCH_ROWS} rows: keep the headings of 附件1 above the lines` }]);
  }
  const header = grid[headerIndex]!;
  const columns = new Map<Field, number>();
  header.cells.forEach((cell, index) => {
    const field = (Object.keys(HEADINGS) as Field[]).find((f) => HEADINGS[f](normalise(cell)));
    if (field && !columns.has(field)) columns.set(field, index);
  });
  const missing = REQUIRED.filter((r) => !columns.has(r.field));
  if (missing.length > 0) return empty(missing.map((r) => ({ field: 'file', message: `add the column ${r.heading} (${r.field})` })));

  const cellOf = (cells: readonly string[], field: Field) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const figures: Field[] = ['holdersNow', 'target', 'task', 'monthlyPace'];
  const headingText: string[] = grid.slice(0, headerIndex + 1).flatMap((r) => r.cells);
  const lines: TaskTableLineRead[] = [];
  const rowIssues: RowIssue[] = [];
  for (const { rowNumber, cells } of grid.slice(headerIndex + 1)) {
    const unitText = cellOf(cells, 'unit');
    const hasFigure = figures.some((f) => NUMBER.test(cellOf(cells, f)));
    // A second heading row, or a merged heading repeated below: no figures and no unit of its own.
    if (!hasFigure && (unitText === '' || HEADINGS.unit(normalise(unitText)))) {
      headingText.push(...cells);
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    const parsed = lineSchema.safeParse(Object.fromEntries((Object.keys(HEADINGS) as Field[]).map((f) => [f, cellOf(cells, f)])));
    if (!parsed.success) {
      rowIssues.push(...fieldIssuesOf(parsed.error).map((issue) => ({ row: rowNumber, code: 'VALIDATION.FAILED', ...issue, ...columnOf(header, columns, issue.field) })));
      continue;
    }
    lines.push({ rowNumber, ...parsed.data });
  }
  const fileIssues = lines.length === 0 && rowIssues.length === 0 ? [{ field: 'file', message: 'the table has no lines: one line per unit and the district line (城区) below the headings' }] : [];
  return { lines, periodInHeading: periodIn(headingText), rowIssues, fileIssues };
}

function columnOf(header: SheetGrid[number], columns: ReadonlyMap<Field, number>, field: string): { column?: string } {
  const index = columns.get(field as Field);
  return index === undefined ? {} : { column: (header.cells[index] ?? '').replace(/\s+/g, '') };
}

function periodIn(texts: readonly string[]): TaskTableReading['periodInHeading'] {
  for (const text of texts) {
    const match = PERIOD.exec(text);
    if (!match) continue;
    const month = (year: string, m: string) => `${year}-${m.padStart(2, '0')}`;
    const [from, to] = [month(match[1]!, match[2]!), month(match[3]!, match[4]!)];
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(from) && /^\d{4}-(0[1-9]|1[0-2])$/.test(to)) return { from, to };
  }
  return null;
}

const empty = (fileIssues: FieldIssue[]): TaskTableReading => ({ lines: [], periodInHeading: null, rowIssues: [], fileIssues });
