import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { CJK_FONT_FACE, CJK_FONT_PATH } from './pdf';
import { cellHeight } from './pdf-table';

// The CJK font is installed by the test command (infra/ensure-cjk-font.sh); the PDF's own spec needs it too.
const fonts: [string, (doc: PDFKit.PDFDocument) => void][] = [
  ['Helvetica', (doc) => doc.font('Helvetica')],
  ['WenQuanYi Micro Hei', (doc) => doc.registerFont('cjk', CJK_FONT_PATH, CJK_FONT_FACE).font('cjk')],
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
  ])('%s: the same height as heightOfString', (_what, text, width) => {
    expect(cellHeight(doc, text, width)).toBe(doc.heightOfString(text, { width }));
  });

  it('a text that wraps is taller than one line', () => {
    expect(cellHeight(doc, '06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f 06a6edf6-0e0c-4c1a-9c5f-d5111f3cc21f', 50)).toBeGreaterThan(2 * doc.currentLineHeight(true));
  });
});
