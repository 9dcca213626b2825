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

/** One check of a verification that failed: STORED_INTACT or REPRODUCED, with the api's message. */
export interface FailedCheck {
  readonly check: string;
  readonly message: string;
}

/**
 * POST /api/evaluation/reports/:reportId/verify (R-EVAL-1, R-MON-1): two checks. storedIntact: the stored report
 * still hashes to its stored content hash (storedHash vs frozenHash), so nobody edited its figures in the database;
 * reproduced: the report rebuilt from the events hashes to it (recomputedHash vs frozenHash); and the units frozen
 * with it match their registration (UNITS_AS_REGISTERED). verified is all of them.
 */
export interface Verification {
  readonly verified: boolean;
  readonly reproduced: boolean;
  readonly storedIntact: boolean;
  readonly frozenHash: string;
  readonly storedHash: string;
  readonly recomputedHash: string;
  readonly failedChecks: readonly FailedCheck[];
  /** The sections whose figures differ, when not reproduced. */
  readonly differingSections?: readonly string[];
  /** Which units the report was computed again with: those frozen with it, or (frozen before they were stored) today's. */
  readonly unitsFrom?: 'FROZEN' | 'REGISTRY';
}

/**
 * One event behind a figure. The bureau and evaluators get its streamId; a subdistrict officer gets only the
 * stream's kind (labourer, attendance, certificate, …), since a per-person stream id would point at one person.
 */
export interface TraceEvent {
  readonly position: string | number;
  readonly eventId: string;
  readonly streamId?: string;
  readonly streamKind?: string;
  readonly type: string;
  /** The Shanghai day it was recorded. */
  readonly recordedOn: string;
  readonly occurredAt?: string;
}

/** How many streams of one kind a figure was counted from. */
export interface SourceKind {
  readonly kind: string;
  readonly streams: number;
}

/** GET /api/evaluation/reports/:reportId/trace?figure=<id>: the events a figure was counted from (R-MON-1). */
export interface FigureTrace {
  readonly figure: string;
  /** The first page of the events (the api's default page is large; a figure rarely has more). */
  readonly events: readonly TraceEvent[];
  /** How many events are behind the figure in all. */
  readonly total?: number;
  /** How many streams the figure was counted from, and those by kind. */
  readonly streams?: number;
  readonly sourceKinds?: readonly SourceKind[];
  /** The bureau and evaluators only: the first 100 sources (an officer gets none). */
  readonly sources?: readonly { readonly streamId: string; readonly types?: readonly string[] }[];
  readonly sourcesShown?: number;
}
