import type { EvaluationReport } from '../../../../libs/reports/src/evaluation-report';

/**
 * R-EVAL-1: the console reads the report through the one contract the XLSX, the PDF and the API share
 * (libs/reports/src/evaluation-report.ts), imported by path so a renamed field breaks the console's build too.
 */
export type * from '../../../../libs/reports/src/evaluation-report';

export type RunStatus = 'RUNNING' | 'DONE' | 'FAILED';

/** How far a run has read the event history: eventsRead of eventsTotal. */
export interface RunProgress {
  readonly eventsRead: number;
  readonly eventsTotal: number;
}

/** POST /api/evaluation/reports (202) and GET /api/evaluation/reports/runs/:runId. */
export interface ReportRun {
  readonly runId: string;
  readonly status: RunStatus;
  readonly progress: RunProgress;
  readonly reportId?: string | null;
  /** Why a run failed, when it did (the api's code and message). */
  readonly error?: { readonly code?: string; readonly message?: string } | null;
}

/** One frozen report in GET /api/evaluation/reports ({ reports: [...] }, newest first). */
export interface FrozenReportSummary {
  readonly reportId: string;
  /** The period's label: "2021 上半年". */
  readonly period: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly asOf: string;
  readonly subdistrictId: string | null;
  /** The unit's name: "城区" for the district. */
  readonly unit: string;
  readonly contentHash: string;
  readonly frozenAt: string;
}

/** GET /api/evaluation/reports/:reportId: the report exactly as frozen, with the hash of its canonical JSON. */
export interface FrozenReport {
  readonly reportId: string;
  readonly contentHash: string;
  readonly frozenAt: string;
  readonly report: EvaluationReport;
}

/** POST /api/evaluation/reports/:reportId/verify: the report rebuilt from the events and hashed again. */
export interface Verification {
  readonly reproduced: boolean;
  readonly frozenHash: string;
  readonly recomputedHash: string;
  /** The sections whose figures differ, when not reproduced. */
  readonly differingSections?: readonly string[];
}

export interface TraceEvent {
  readonly position: string | number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  /** The Shanghai day it was recorded. */
  readonly recordedOn: string;
  readonly occurredAt?: string;
}

/** GET /api/evaluation/reports/:reportId/trace?figure=<id>: the events a figure was counted from (R-MON-1). */
export interface FigureTrace {
  readonly figure: string;
  /** The first page of the events (the api's default page is large; a figure rarely has more). */
  readonly events: readonly TraceEvent[];
  /** How many events are behind the figure in all. */
  readonly total?: number;
}
