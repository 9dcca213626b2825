/** A table the PDF draws: columns by relative width, text cells that wrap, rows that never split across pages. */
export interface PdfColumn {
  readonly header: string;
  /** Relative width: the columns share the text width in these proportions. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface PdfRow {
  readonly cells: readonly string[];
  /** A total line (the district, 合计): shaded. */
  readonly total?: boolean;
}

export interface PdfTable {
  readonly columns: readonly PdfColumn[];
  readonly rows: readonly (readonly string[] | PdfRow)[];
}

const FONT_SIZE = 8.5;
const PAD = 3;
const HEADER_FILL = '#e8ecf3';
const TOTAL_FILL = '#f4f5f7';

const bottomOf = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/**
 * Draws the table from doc.y. A row that does not fit goes whole to a new page, under the header drawn again, so a
 * reader never meets a figure without its column heading. A table with no rows says 无 instead.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  if (table.rows.length === 0) return drawNote(doc, '无');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weights = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / weights) * width);
  doc.fontSize(FONT_SIZE);
  const heightOf = (cells: readonly string[]) => Math.max(...cells.map((text, i) => cellHeight(doc, text || ' ', widths[i]! - 2 * PAD))) + 2 * PAD;

  // Issue 7: measuring is most of a long table's cost (wrapping every cell), so each row is measured once, for the
  // fit check and the drawing both; the header once per table.
  const drawRow = (cells: readonly string[], h: number, y: number, fill: string | null, header: boolean) => {
    let x = left;
    cells.forEach((text, i) => {
      const w = widths[i]!;
      if (fill !== null) doc.rect(x, y, w, h).fill(fill);
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#8a8f99').stroke();
      doc.fillColor('#1f2329').text(text, x + PAD, y + PAD, { width: w - 2 * PAD, align: header ? 'center' : (table.columns[i]!.align ?? 'left'), lineBreak: true });
      x += w;
    });
    return y + h;
  };

  const headers = table.columns.map((c) => c.header);
  const headerHeight = heightOf(headers);
  if (doc.y + headerHeight + 2 * FONT_SIZE > bottomOf(doc)) doc.addPage();
  let y = drawRow(headers, headerHeight, doc.y, HEADER_FILL, true);
  for (const row of table.rows) {
    const { cells, total } = Array.isArray(row) ? { cells: row as readonly string[], total: false } : (row as PdfRow);
    const h = heightOf(cells);
    if (y + h > bottomOf(doc)) {
      doc.addPage();
      y = drawRow(headers, headerHeight, doc.page.margins.top, HEADER_FILL, true);
    }
    y = drawRow(cells, h, y, total ? TOTAL_FILL : null, false);
  }
  doc.x = left;
  doc.y = y + 8;
}

/**
 * The height pdfkit's heightOfString gives a cell's text at this width. Most cells are one short line (a count, a
 * rate, a name): when the whole text's width (widthOfString, no line wrapping) fits, it is one line,
 * currentLineHeight(true), which is what heightOfString adds per line; only the others are wrapped to be measured
 * (issue 7: wrapping every cell was most of the PDF's time). The line wrapper measures each word apart, so kerning
 * across a break (WenQuanYi kerns "-V", ".[", ",[") or a soft hyphen can make it break a text whose whole width fits:
 * the short cut is taken only for text of digits, CJK and the punctuation the report's figures use, which the font
 * does not kern. pdf-table.unit.spec.ts checks the two agree.
 */
export function cellHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  if (!ONE_LINE_SAFE.test(text) || doc.widthOfString(text) > width) return doc.heightOfString(text, { width });
  // heightOfString's own arithmetic (the line added to doc.y, less doc.y), so the two agree to the last bit.
  const y = doc.y;
  return y + doc.currentLineHeight(true) - y;
}

/** Digits, CJK ideographs and full-width punctuation, and the ASCII signs of counts, rates and days. */
const ONE_LINE_SAFE = /^[0-9\u3000-\u303f\u4e00-\u9fff\uff00-\uffef %./:·×()+]*$/;

/** A heading that keeps at least a few lines of what follows on its page. */
export function drawHeading(doc: PDFKit.PDFDocument, text: string, size = 13): void {
  if (doc.y + size * 5 > bottomOf(doc)) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.fontSize(size).fillColor('#1f2329').text(text);
  doc.moveDown(0.3);
}

/** A paragraph of small text (notes, flags), wrapped to the text width. */
export function drawNote(doc: PDFKit.PDFDocument, text: string): void {
  doc.x = doc.page.margins.left;
  doc.fontSize(FONT_SIZE).fillColor('#4a4f57').text(text, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right });
  doc.moveDown(0.3);
}
