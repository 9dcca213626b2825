// svg-to-pdfkit 0.1.8 ships no types: the part of its API the PDF renderer uses (README "Parameters").
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** The viewport in PDF points (with assumePt) or SVG px; defaults to the page. */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    precision?: number;
    /** Names the registered pdfkit font for an SVG font-family; may set fauxBold/fauxItalic. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxItalic: boolean; fauxBold: boolean }) => string;
    warningCallback?: (warning: string) => void;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export = SVGtoPDF;
}
