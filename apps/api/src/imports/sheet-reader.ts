import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ValidationFailed } from '@skills/domain';

export type SheetRow = Readonly<Record<string, string>>;

export interface Sheet {
  readonly headers: readonly string[];
  /** Data rows; `rowNumber` is the line or row number the clerk sees in the file (header is row 1). */
  readonly rows: readonly { readonly rowNumber: number; readonly cells: SheetRow }[];
}

export const MAX_IMPORT_ROWS = 5000;

/** Reads an uploaded CSV (UTF-8, optional BOM) or XLSX (first worksheet) into header-keyed rows of text. */
export async function readSheet(body: Buffer, contentType: 'csv' | 'xlsx'): Promise<Sheet> {
  const grid = contentType === 'csv' ? readCsv(body) : await readXlsx(body);
  const [header, ...data] = grid;
  if (!header || header.cells.every((h) => h.trim() === '')) {
    throw new ValidationFailed([{ field: 'file', message: 'the file has no header row: put the column names in the first row' }], 'IMPORT.NO_HEADER');
  }
  const headers = header.cells.map((h) => h.trim());
  const rows = data
    .map(({ rowNumber, cells }) => ({ rowNumber, cells: Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? '').trim()])) }))
    .filter((row) => Object.values(row.cells).some((v) => v !== ''));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationFailed([{ field: 'file', message: `at most ${MAX_IMPORT_ROWS} rows per upload: split the file` }], 'IMPORT.TOO_MANY_ROWS');
  }
  return { headers, rows };
}

/** A row of cells with the line (CSV) or row (XLSX) number the clerk sees in the file. */
export interface GridRow {
  readonly rowNumber: number;
  readonly cells: string[];
}

export function readCsv(body: Buffer): GridRow[] {
  try {
    // info.lines is the line a record ends on: right even after blank lines or quoted line breaks.
    const records = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ rowNumber: info.lines, cells: record }));
  } catch {
    // csv-parse's message quotes the offending line: keep it out of the response.
    throw new ValidationFailed([{ field: 'file', message: 'the CSV could not be read: save it as UTF-8 CSV with a comma between columns' }], 'IMPORT.UNREADABLE_FILE');
  }
}

async function readXlsx(body: Buffer): Promise<GridRow[]> {
  const sheet = (await loadWorkbook(body)).worksheets[0];
  return sheet ? worksheetGrid(sheet) : [];
}

/** An uploaded XLSX, or a 400 asking for it to be saved again when it is not one. */
export async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailed([{ field: 'file', message: 'the XLSX could not be read: save it again as an Excel workbook (.xlsx)' }], 'IMPORT.UNREADABLE_FILE');
  }
  return workbook;
}

/** A worksheet's non-empty rows as text; merged cells repeat their text in each cell they cover. */
export function worksheetGrid(sheet: ExcelJS.Worksheet): GridRow[] {
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    grid.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return grid;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // A number past 2^53 has lost digits already (an ID number typed into a number cell): show it in exponent
  // form, which no field accepts, rather than as a plausible but wrong 18-digit string.
  if (typeof value === 'number' && !Number.isSafeInteger(value) && Math.abs(value) >= 1e15) return value.toExponential();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return String(value);
}
