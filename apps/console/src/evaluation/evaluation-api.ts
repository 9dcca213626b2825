import { api, download } from '../api/client';
import type { FigureTrace, FrozenReport, FrozenReportSummary, ReportRun, Verification } from './report-types';

const BASE = '/api/evaluation/reports';
const enc = encodeURIComponent;

/** One page of a figure's events: the api answers `nextAfterPosition` (null on the last page) to ask for the next. */
export type FigureTracePage = FigureTrace & { readonly nextAfterPosition?: string | null };

/** Which page of a trace: after the previous page's `nextAfterPosition`, at most `limit` events (api default 1,000). */
export interface TracePage {
  readonly afterPosition?: string;
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/** What an evaluator asks for: a half-year ('H1-2021'), or a range of days ('2020-08-01..2021-12-31'). */
export interface RunRequest {
  readonly period: string;
  readonly asOf?: string;
  readonly subdistrictId?: string;
}

/** R-EVAL-1 calls of the evaluation page (apps/api/src/evaluation). */
export const evaluationApi = {
  start: (request: RunRequest, idempotencyKey: string) => api<ReportRun>('POST', BASE, { body: request, idempotencyKey }),
  run: (runId: string, signal?: AbortSignal) => api<ReportRun>('GET', `${BASE}/runs/${enc(runId)}`, { signal }),
  list: BASE,
  report: (reportId: string) => `${BASE}/${enc(reportId)}`,
  verify: (reportId: string, idempotencyKey: string) => api<Verification>('POST', `${BASE}/${enc(reportId)}/verify`, { idempotencyKey }),
  trace: (reportId: string, figure: string, { afterPosition, limit, signal }: TracePage = {}) =>
    api<FigureTracePage>('GET', `${BASE}/${enc(reportId)}/trace?figure=${enc(figure)}${limit ? `&limit=${limit}` : ''}${afterPosition ? `&afterPosition=${enc(afterPosition)}` : ''}`, { signal }),
  /** The files are served with the bearer token only, so they are fetched and handed to the browser's download. */
  download: (reportId: string, kind: 'xlsx' | 'pdf', fileName: string) => download(`${BASE}/${enc(reportId)}/report.${kind}`, fileName),
};

/** The list answer as an array, whether the api wraps it ({ items } or { reports }) or not. */
export function reportsOf(body: unknown): FrozenReportSummary[] {
  if (Array.isArray(body)) return body as FrozenReportSummary[];
  const wrapped = body as { items?: unknown; reports?: unknown } | undefined;
  if (Array.isArray(wrapped?.items)) return wrapped.items as FrozenReportSummary[];
  if (Array.isArray(wrapped?.reports)) return wrapped.reports as FrozenReportSummary[];
  return [];
}

export type { FrozenReport };
