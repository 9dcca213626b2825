import { targetSetIssues, type DistrictTarget, type FieldIssue, type TaskTableRow, type TargetSetContent, type YearMonth } from '@skills/domain';
import type { RowIssue, TaskTableLineRead, TaskTableReading } from './task-table-sheet';

/** A unit of the registry (R-REG-5) as the matching needs it. */
export interface RegistryUnit {
  readonly subdistrictId: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/** What the upload does not carry in its lines: the id, the dates, and the district targets (R-TGT-1). */
export interface TargetSetTerms {
  readonly targetSetId: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  /** Given with the upload; null: the period printed in the headings. */
  readonly period: { readonly from: YearMonth; readonly to: YearMonth } | null;
  readonly districtTargets: readonly DistrictTarget[];
  /** Where the district targets came from when the upload carried them: their worksheet and each one's row. */
  readonly districtTargetRows?: { readonly sheet: string; readonly rowNumbers: readonly number[] };
}

/** Where each line of a set came from: the district line's row and each unit's, by subdistrict id. */
export interface LineRows {
  readonly district: number;
  readonly units: Readonly<Record<string, number>>;
}

export type TargetSetResolution =
  | { readonly ok: true; readonly content: TargetSetContent; readonly rows: LineRows }
  | { readonly ok: false; readonly rowIssues: readonly RowIssue[]; readonly fileIssues: readonly FieldIssue[] };

/** The district's own line (城区): named so in 附件1, or marked DISTRICT in a `level` column. */
const DISTRICT_NAMES = ['城区', '全区', '合计', '总计', 'chengqu', 'district', 'total'];
export const isDistrictLine = (line: Pick<TaskTableLineRead, 'unit' | 'level'>) =>
  line.level?.toUpperCase() === 'DISTRICT' || DISTRICT_NAMES.includes(line.unit.replace(/\s+/g, '').toLowerCase());

/** R-REG-5: a unit by its registered name, code, English name or id, as clerks' sheets write any of them. */
export function findRegistryUnit(units: readonly RegistryUnit[], text: string): RegistryUnit | undefined {
  const wanted = text.replace(/\s+/g, ' ').trim().toLowerCase();
  return units.find((u) => [u.subdistrictId, u.code, u.name, u.nameEn].some((v) => v.toLowerCase() === wanted));
}

/**
 * R-TGT-2: a task table as read, matched to the registry's units, with the terms of its upload, as the content of a
 * version. Refused whole (nothing half-saved) when a line names no unit of the registry, a unit has two lines, the
 * district line is missing or doubled, or the period is unknown; the rules every stored set keeps (targetSetIssues)
 * are checked here too, so the uploader hears of them with the rest.
 */
export function resolveTargetSet(table: TaskTableReading, terms: TargetSetTerms, units: readonly RegistryUnit[]): TargetSetResolution {
  const rowIssues: RowIssue[] = [...table.rowIssues];
  const fileIssues: FieldIssue[] = [...table.fileIssues];
  const rows: TaskTableRow[] = [];
  const unitRows: Record<string, number> = {};
  let district: TaskTableLineRead | undefined;
  for (const line of table.lines) {
    const figures = { holdersNow: line.holdersNow, target: line.target, task: line.task, monthlyPace: line.monthlyPace };
    if (isDistrictLine(line)) {
      if (district) rowIssues.push({ row: line.rowNumber, code: 'TARGETS.DUPLICATE_LINE', field: 'unit', message: `the district line is row ${district.rowNumber} already: keep one` });
      else district = line;
      continue;
    }
    const unit = findRegistryUnit(units, line.unit);
    if (!unit) {
      rowIssues.push({ row: line.rowNumber, code: 'TARGETS.UNKNOWN_UNIT', field: 'unit', message: `not a unit of the registry (R-REG-5): use one of ${units.map((u) => u.name).join('、')}, or 城区 for the district line` });
      continue;
    }
    const earlier = unitRows[unit.subdistrictId];
    if (earlier !== undefined) {
      rowIssues.push({ row: line.rowNumber, code: 'TARGETS.DUPLICATE_LINE', field: 'unit', message: `${unit.name} is row ${earlier} already: keep one line per unit` });
      continue;
    }
    unitRows[unit.subdistrictId] = line.rowNumber;
    rows.push({ subdistrictId: unit.subdistrictId, ...figures });
  }
  if (!district && table.lines.length > 0) fileIssues.push({ field: 'file', message: 'add the district line (城区) with the district totals' });
  const period = periodOf(table, terms, fileIssues);
  if (rowIssues.length > 0 || fileIssues.length > 0 || !district || !period) return { ok: false, rowIssues, fileIssues };

  const { holdersNow, target, task, monthlyPace } = district;
  const content: TargetSetContent = {
    targetSetId: terms.targetSetId,
    effectiveFrom: terms.effectiveFrom,
    effectiveTo: terms.effectiveTo,
    period,
    district: { holdersNow, target, task, monthlyPace },
    rows,
    districtTargets: [...terms.districtTargets],
  };
  const broken = targetSetIssues(content, new Set(units.map((u) => u.subdistrictId)));
  if (broken.length > 0) return { ok: false, ...byRow(broken, terms.districtTargetRows) };
  return { ok: true, content, rows: { district: district.rowNumber, units: unitRows } };
}

function periodOf(table: TaskTableReading, terms: TargetSetTerms, fileIssues: FieldIssue[]): TargetSetContent['period'] | null {
  const printed = table.periodInHeading;
  if (terms.period && printed && (terms.period.from !== printed.from || terms.period.to !== printed.to)) {
    fileIssues.push({ field: 'periodFrom', message: `the headings say ${printed.from} to ${printed.to}: send that period, or leave periodFrom and periodTo out` });
    return null;
  }
  const period = terms.period ?? printed;
  if (!period) fileIssues.push({ field: 'periodFrom', message: 'give periodFrom and periodTo (YYYY-MM), or keep the period in the 月均推进数 heading as 附件1 does: (2020.8-2021.12)' });
  return period;
}

/** A broken rule of an uploaded district target is reported on its row of its worksheet, the others for the file. */
function byRow(issues: readonly FieldIssue[], rows: TargetSetTerms['districtTargetRows']): { rowIssues: RowIssue[]; fileIssues: FieldIssue[] } {
  const rowIssues: RowIssue[] = [];
  const fileIssues: FieldIssue[] = [];
  for (const issue of issues) {
    const match = /^districtTargets\.(\d+)\.(.+)$/.exec(issue.field);
    const row = match && rows ? rows.rowNumbers[Number(match[1])] : undefined;
    if (match && rows && row !== undefined) rowIssues.push({ row, sheet: rows.sheet, code: 'TARGETS.INVALID_TARGET', field: `districtTargets.${match[2]}`, message: issue.message });
    else fileIssues.push(issue);
  }
  return { rowIssues, fileIssues };
}
