import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/**
 * The evaluation report's files (R-EVAL-1) read back as their readers see them, for the specs that compare them with
 * the JSON: the XLSX opened with exceljs, the PDF as poppler-utils' pdftotext reads it. Reading only: what a spec
 * expects to find in them stays in the spec.
 */

// ------------------------------------------------------------------ the files

/** A report's file as the api serves it to `token`; any answer but 200 fails, with what the api said. */
export async function reportFileBytes(app: { readonly baseUrl: string }, token: string, reportId: string, kind: 'xlsx' | 'pdf'): Promise<Buffer> {
  const route = `/api/evaluation/reports/${reportId}/report.${kind}`;
  const response = await fetch(`${app.baseUrl}${route}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`GET ${route}: ${response.status} ${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}

// ------------------------------------------------------------------ the XLSX

/** The workbook in `bytes`, opened with exceljs. */
export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The sheet named `name`; a missing one fails naming the sheets there are. */
export function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`the XLSX has no sheet ${name}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return sheet;
}

/** A cell's plain value: a formula's result, rich text as its text, a number as its number whatever its format. */
export function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object') {
    if ('result' in value) return (value as { result: unknown }).result;
    if ('richText' in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return value;
}

/** Every row of a sheet that has a value, as an array of plain values, column 1 first. */
export function sheetRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const rows: unknown[][] = [];
  // exceljs's row.values keeps index 0 empty: column 1 is at 1.
  worksheet(workbook, name).eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellValue)));
  return rows;
}

/**
 * The data rows of a table on a sheet as render/xlsx-sections.ts lays them out (a title and a blank row, then tables
 * under a caption each): the one under `caption`, or the first; rows as arrays of plain values, column 1 first.
 */
export function tableRows(workbook: ExcelJS.Workbook, sheetName: string, caption?: string): unknown[][] {
  const sheet = worksheet(workbook, sheetName);
  const values = (r: number) => Array.from({ length: sheet.columnCount }, (_, i) => cellValue(sheet.getCell(r, i + 1).value));
  let r = 3;
  if (caption) {
    while (r <= sheet.rowCount && values(r)[0] !== caption) r += 1;
    if (r > sheet.rowCount) throw new Error(`sheet ${sheetName} has no table ${caption}`);
    r += 1;
  }
  // The heading rows (one, or two under a group heading): the first column's heading repeats down a merged cell.
  const heading = values(r)[0];
  while (values(r)[0] === heading) r += 1;
  const rows: unknown[][] = [];
  for (; r <= sheet.rowCount; r++) {
    const row = values(r);
    if (row.every((v) => v === null || v === undefined || v === '')) break;
    rows.push(row);
  }
  return rows;
}

// ------------------------------------------------------------------ the PDF

/** A poppler-utils tool's output; not having poppler-utils is a failure that says how to get it, never a skip. */
export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdftoppm', args: readonly string[]): string {
  const run = spawnSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`${tool} could not run (${run.error.message}): install poppler-utils (bash infra/ensure-cjk-font.sh, or apt-get install poppler-utils)`);
  if (run.status !== 0) throw new Error(`${tool} failed with ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** The text of a PDF file, or of its page `page` (from 1), as `pdftotext -layout` reads it. */
export function pdfFileText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return poppler('pdftotext', ['-layout', '-enc', 'UTF-8', ...pages, file, '-']);
}

/** The number of pages pdfinfo counts in a PDF file. */
export function pdfPageCount(file: string): number {
  const pages = /^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1];
  if (pages === undefined) throw new Error(`pdfinfo names no page count for ${file}`);
  return Number(pages);
}

/** The text of the PDF in `bytes`, as `pdftotext -layout` reads it (poppler reads files: a temporary one, removed after). */
export function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, bytes);
    return pdfFileText(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF text's lines, each as its whitespace-separated cells (a table row of the layout is one line). */
export function layoutLines(text: string): string[][] {
  return text.split('\n').map((l) => l.trim().split(/\s+/));
}
