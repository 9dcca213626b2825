import { countText, percentText, yuanText } from '../../../../libs/reports/src/charts/figure-text';
import type { CountFigure, MoneyFigure, RateFigure } from './report-types';

export type AnyFigure = CountFigure | RateFigure | MoneyFigure;

/**
 * A figure written as the PDF and the XLSX write it (libs/reports/src/charts/figure-text.ts, shared): a count, fen
 * as yuan, a rate rounded down to hundredths of a percent with its exact fraction beside it.
 */
export function figureText(figure: AnyFigure): string {
  if ('count' in figure) return countText(figure.count);
  if ('fen' in figure) return `¥${yuanText(figure.fen)}`;
  return `${percentText(figure)} (${figure.numerator}/${figure.denominator})`;
}

/**
 * R-MON-1: a figure of the report, a button that opens the events it was counted from. A button, so Enter and Space
 * open it as a click does; it controls the trace panel it fills.
 */
export function FigureButton({ figure, onTrace, selected }: { figure: AnyFigure; onTrace: (figureId: string, opener: HTMLElement) => void; selected: boolean }) {
  return (
    <button type="button" className="figure-button" data-figure={figure.id} aria-controls="evaluation-trace" aria-expanded={selected} onClick={(event) => onTrace(figure.id, event.currentTarget)}>
      {figureText(figure)}
    </button>
  );
}
