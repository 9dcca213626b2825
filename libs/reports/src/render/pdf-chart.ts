import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { EChartsOption } from 'echarts';

/** An ECharts option rendered on the server to SVG (no browser, no canvas), without animation (one final frame). */
export function chartSvg(option: EChartsOption, size: { readonly width: number; readonly height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return withoutTextHalos(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts outlines label text in white under the fill (paint-order="stroke"); svg-to-pdfkit ignores paint-order
 * and strokes over the fill, which hides the figure. Labels sit on a white page, so the halo is dropped.
 */
function withoutTextHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*paint-order="stroke"[^>]*>/g, (tag) => tag.replace(/ (stroke|stroke-width|paint-order|stroke-miterlimit)="[^"]*"/g, ''));
}

/**
 * Draws an SVG chart on a page of its own, scaled to fit the text area and centred. Every SVG text is drawn in
 * `fontName` (a registered CJK font): the SVG asks for sans-serif, which pdfkit's standard fonts cannot write in Chinese.
 */
export function drawChartPage(doc: PDFKit.PDFDocument, svg: string, size: { readonly width: number; readonly height: number }, fontName: string): void {
  doc.addPage();
  const { left, right, top, bottom } = doc.page.margins;
  const areaWidth = doc.page.width - left - right;
  const areaHeight = doc.page.height - top - bottom;
  const scale = Math.min(areaWidth / size.width, areaHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  // svg-to-pdfkit sizes the drawing by the root's width and height, not by the viewport asked for: set them in pt.
  const sized = svg.replace(/^<svg width="[^"]*" height="[^"]*"/, `<svg width="${width}" height="${height}"`);
  SVGtoPDF(doc, sized, left + (areaWidth - width) / 2, top, {
    width,
    height,
    assumePt: true,
    fontCallback: () => fontName,
    warningCallback: () => undefined,
  });
  doc.x = left;
  doc.y = top + height + 8;
}
