import type { ReactNode } from 'react';
import { FigureButton, type AnyFigure } from './figure-cell';
import type { EvaluationReport } from './report-types';

/** Opens the trace of a figure; the selected figure is marked. */
export interface Tracing {
  readonly selected: string | null;
  readonly onTrace: (figureId: string, opener: HTMLElement) => void;
}

/** What each section's tables are drawn from. */
export interface ReportSectionProps {
  readonly report: EvaluationReport;
  readonly tracing: Tracing;
}

export function Fig({ figure, tracing }: { figure: AnyFigure; tracing: Tracing }) {
  return <FigureButton figure={figure} onTrace={tracing.onTrace} selected={tracing.selected === figure.id} />;
}

export function Table({ testId, caption, head, children }: { testId: string; caption: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const Col = ({ children, num }: { children: ReactNode; num?: boolean }) => (
  <th scope="col" className={num ? 'num' : undefined}>
    {children}
  </th>
);

/** A figure in a right-aligned cell of its own. */
export const FigCell = ({ figure, tracing }: { figure: AnyFigure; tracing: Tracing }) => (
  <td className="num">
    <Fig figure={figure} tracing={tracing} />
  </td>
);

/** A claim's or a cohort's row header: its id's first eight characters, the whole id on hover. */
export const IdHeader = ({ id }: { id: string }) => (
  <th scope="row">
    <code title={id}>{id.slice(0, 8)}</code>
  </th>
);
