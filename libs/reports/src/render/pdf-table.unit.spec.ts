import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { CJK_FONT_FACE, CJK_FONT_PATH } from './pdf';
import { cellHeight } from './pdf-table';

// The report's font (the PDF draws every table in it), installed by the test command (infra/ensure-cjk-font.sh), and
// Helvetica, whose kerning of spaces the short cut must not trust either.
const fonts: [string, (doc: PDFKit.PDFDocument) => void][] = [
  ['WenQuanYi Micro Hei', (doc) => doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_FACE).font('cjk')],
  ['Helvetica', (doc) => doc.font('Helvetica')],
];

describe.each(fonts)('a PDF table cell is measured as pdfkit measures it (issue 7, R-EVAL-1), in %s', (_font, useFont) => {
  const doc = new PDFDocument({ size: 'A4', margin: 36 });
  beforeAll(() => {
    if (!existsSync(CJK_FONT_PATH)) throw new Error(`${CJK_FONT_PATH} is missing: run bash infra/ensure-cjk-font.sh`);
    useFont(doc);
    doc.fontSize(8.5);
  });

  it.each([
    ['a count', '14,768', 60],
    ['a rate', '95.00% (38/40)', 80],
    ['Chinese that fits', '南村镇第1职业培训学校', 120],
    ['Chinese that wraps', '南村镇第1职业培训学校南村镇第1职业培训学校南村镇第1职业培训学校', 60],
    ['a long id that wraps', '06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f 06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f', 50],
    ['two lines', '已完成\n落后', 80],
    ['a single space', ' ', 30],
    ['a date range', '2021-07-01 至 2021-12-31', 90],
    // Kerned across a break point, or a soft hyphen: the whole text's width fits, the wrapper breaks it.
    ['a kerned pair at a break', 'A-V-A-V-A-V-A-V-A-V-A-V', 0],
    ['kerned spaces', 'Y. T Ty Yo T, Y, V, W, A', 0],
    ['a soft hyphen', 'Bewertungs\u00ADgrundlage', 0],
  ])('%s: the same height as heightOfString', (_what, text, width) => {
    // Width 0: just wide enough for the whole text on one line, where kerning decides.
    const w = width === 0 ? doc.widthOfString(text) : width;
    expect(cellHeight(doc, text, w)).toBe(doc.heightOfString(text, { width: w }));
  });

  it('a text that wraps is taller than one line', () => {
    expect(cellHeight(doc, '06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f 06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f', 50)).toBeGreaterThan(2 * doc.currentLineHeight(true));
  });
});
