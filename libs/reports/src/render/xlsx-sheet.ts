import type { Borders, Cell, Workbook, Worksheet } from 'exceljs';

/** A cell as written: text, a number in its column's format, a number with its own format, or empty. */
export type XCell = string | number | null | { readonly value: number; readonly numFmt: string };

export interface XColumn {
  readonly header: string;
  /** A heading over several adjacent columns (合格率 over 合格人数, 基数, 合格率): a second heading row, merged. */
  readonly group?: string;
  readonly width: number;
  readonly numFmt?: string;
  /** Sheet columns the column covers, merged (a long message under a table of narrow figures); default 1. */
  readonly span?: number;
}

export interface XRow {
  readonly cells: readonly XCell[];
  /** A total line (the district, 合计): bold on a shaded fill. */
  readonly total?: boolean;
}

export interface XTable {
  readonly caption?: string;
  readonly columns: readonly XColumn[];
  readonly rows: readonly (readonly XCell[] | XRow)[];
}

export const FMT = { count: '#,##0', signed: '+#,##0;-#,##0;0', yuan: '#,##0.00', fen: '0', percent: '0.00%', wholePercent: '0%' } as const;

const THIN: Borders = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' }, diagonal: {} };
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF3' } } as const;
const TOTAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F5F7' } } as const;
const FONT = '宋体';

/** Excel's most characters in a cell: a longer text makes Excel report the whole file as corrupt. */
export const EXCEL_CELL_MAX_CHARS = 32_767;

/**
 * A text too long for a cell is a renderer's mistake (a list that belongs one item a row): fail the export naming
 * the cell, never hand out a file Excel refuses to open.
 */
function fits<T>(value: T, sheet: string, row: number, col: number): T {
  if (typeof value === 'string' && value.length > EXCEL_CELL_MAX_CHARS) {
    throw new Error(`XLSX sheet ${sheet} row ${row} column ${col}: ${value.length} characters, Excel allows ${EXCEL_CELL_MAX_CHARS} in a cell; list the items one a row`);
  }
  return value;
}

/**
 * One section as a bureau's sheet: a merged title row, a merged subtitle row, then tables with bordered Chinese
 * headings; the first table's heading rows stay frozen while scrolling. Widths are the widest any table asks for.
 */
export class SectionSheet {
  private readonly sheet: Worksheet;
  private row = 1;
  private frozen = false;
  private readonly widths: number[] = [];

  constructor(workbook: Workbook, name: string, private readonly title: string, private readonly subtitle: string) {
    this.sheet = workbook.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    this.row = 3;
  }

  table(table: XTable): this {
    const ws = this.sheet;
    // The sheet column each table column starts at, and where it ends when it spans several.
    const at: number[] = [];
    table.columns.reduce((col, c) => (at.push(col), col + (c.span ?? 1)), 1);
    const end = (i: number) => at[i]! + (table.columns[i]!.span ?? 1) - 1;
    const n = end(table.columns.length - 1);
    table.columns.forEach((c, i) => {
      if ((c.span ?? 1) === 1) this.widths[at[i]! - 1] = Math.max(this.widths[at[i]! - 1] ?? 0, c.width);
    });
    if (table.caption) {
      const cell = ws.getCell(this.row, 1);
      cell.value = fits(table.caption, ws.name, this.row, 1);
      cell.font = { name: FONT, bold: true, size: 11 };
      this.row += 1;
    }
    const grouped = table.columns.some((c) => c.group);
    const headerTop = this.row;
    const headerBottom = grouped ? this.row + 1 : this.row;
    table.columns.forEach((c, i) => {
      if (!c.group && (grouped || end(i) > at[i]!)) ws.mergeCells(headerTop, at[i]!, headerBottom, end(i));
      if (grouped && c.group) {
        ws.getCell(headerBottom, at[i]!).value = c.header;
        if (table.columns[i - 1]?.group !== c.group) {
          let last = i;
          while (table.columns[last + 1]?.group === c.group) last += 1;
          if (last > i) ws.mergeCells(headerTop, at[i]!, headerTop, end(last));
          ws.getCell(headerTop, at[i]!).value = c.group;
        }
      } else ws.getCell(headerTop, at[i]!).value = c.header;
    });
    for (let r = headerTop; r <= headerBottom; r++) {
      for (let i = 1; i <= n; i++) this.style(ws.getCell(r, i), { bold: true, fill: HEADER_FILL, center: true });
    }
    if (!this.frozen) {
      ws.views = [{ state: 'frozen', ySplit: headerBottom, xSplit: 0 }];
      this.frozen = true;
    }
    this.row = headerBottom + 1;
    // An empty table says so in a row of its own: headings over nothing read like a lost page.
    const rows = table.rows.length > 0 ? table.rows : [{ cells: ['无', ...Array.from({ length: table.columns.length - 1 }, () => null)] }];
    for (const row of rows) {
      const { cells, total } = Array.isArray(row) ? { cells: row as readonly XCell[], total: false } : (row as XRow);
      cells.forEach((value, i) => {
        if (end(i) > at[i]!) {
          ws.mergeCells(this.row, at[i]!, this.row, end(i));
          for (let col = at[i]! + 1; col <= end(i); col++) this.style(ws.getCell(this.row, col), { bold: false, fill: total ? TOTAL_FILL : null, center: false });
        }
        const cell = ws.getCell(this.row, at[i]!);
        if (value !== null && typeof value === 'object') {
          cell.value = value.value;
          cell.numFmt = value.numFmt;
        } else {
          cell.value = fits(value, ws.name, this.row, at[i]!);
          const fmt = table.columns[i]?.numFmt;
          if (typeof value === 'number' && fmt) cell.numFmt = fmt;
        }
        this.style(cell, { bold: total ?? false, fill: total ? TOTAL_FILL : null, center: false });
      });
      this.row += 1;
    }
    this.row += 1;
    return this;
  }

  /** Writes the title rows across the widest table and sets the column widths. */
  finish(): Worksheet {
    const ws = this.sheet;
    const last = Math.max(1, this.widths.length);
    [
      [1, this.title, 14],
      [2, this.subtitle, 10],
    ].forEach(([r, text, size]) => {
      ws.mergeCells(r as number, 1, r as number, last);
      const cell = ws.getCell(r as number, 1);
      cell.value = fits(text as string, ws.name, r as number, 1);
      cell.font = { name: FONT, bold: r === 1, size: size as number };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    ws.getRow(1).height = 28;
    ws.getRow(2).height = 30;
    this.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    return ws;
  }

  private style(cell: Cell, { bold, fill, center }: { bold: boolean; fill: typeof HEADER_FILL | typeof TOTAL_FILL | null; center: boolean }): void {
    cell.border = THIN;
    cell.font = { name: FONT, size: 10, bold };
    if (fill) cell.fill = fill;
    cell.alignment = { vertical: 'middle', wrapText: true, ...(center || typeof cell.value !== 'number' ? { horizontal: center ? 'center' : 'left' } : {}) };
  }
}
