import { ValidationFailed } from '@skills/domain';
import { isDistrictTargetsSheet } from '@skills/policy';
import { loadWorkbook, readCsv, worksheetGrid, type GridRow } from '../imports/sheet-reader';

/** A task table is a few dozen lines; anything far longer is not one. */
const MAX_ROWS = 500;

export interface TargetUploadFile {
  /** The task table: a CSV, or the XLSX's first worksheet other than the district targets. */
  readonly table: readonly GridRow[];
  /** The XLSX worksheet named 区级目标 (R-TGT-1), when there is one. */
  readonly districtTargets: { readonly sheet: string; readonly grid: readonly GridRow[] } | null;
}

/** R-TGT-2: the uploaded file as rows of text with the row numbers the clerk sees, per worksheet. */
export async function readTargetUploadFile(body: Buffer, type: 'csv' | 'xlsx'): Promise<TargetUploadFile> {
  const upload = type === 'csv' ? { table: readCsv(body), districtTargets: null } : await readWorkbook(body);
  if ([upload.table, upload.districtTargets?.grid ?? []].some((grid) => grid.length > MAX_ROWS)) {
    throw new ValidationFailed([{ field: 'file', message: `a task table has at most ${MAX_ROWS} rows: send the table alone` }], 'TARGETS.TOO_MANY_ROWS');
  }
  return upload;
}

async function readWorkbook(body: Buffer): Promise<TargetUploadFile> {
  // Merged cells repeat their text in each cell they cover (worksheetGrid), as 附件1's headings need.
  const workbook = await loadWorkbook(body);
  const targets = workbook.worksheets.find((sheet) => isDistrictTargetsSheet(sheet.name));
  const table = workbook.worksheets.find((sheet) => sheet !== targets);
  return { table: table ? worksheetGrid(table) : [], districtTargets: targets ? { sheet: targets.name, grid: worksheetGrid(targets) } : null };
}
