import type { RegistryUnit } from '@skills/policy';
import { readHistory, type System } from '@skills/platform';
import { EvaluationHistory, NO_TRACE, buildEvaluationReport, type EvaluationReport, type ReportContext, type Tracer } from '@skills/reports';
import { resolveReportContext, type ReportRequest } from './report-context.service';

/** Where a report is computed from: the system (store, catalogue, policies) and the registry's units. */
export interface ReportSources {
  readonly system: Pick<System, 'db' | 'store' | 'catalogue' | 'policies'>;
  readonly units: readonly RegistryUnit[];
}

export interface ComputedReport {
  readonly report: EvaluationReport;
  readonly context: ReportContext;
  readonly history: EvaluationHistory;
  readonly eventsRead: number;
}

/** Events per page: big pages, the next fetched while one is folded (readHistory). */
const BATCH_SIZE = 5_000;

/**
 * R-EVAL-1, R-MON-1 (issue 7 §3): the report as the system knew it at the end of asOf. The context is resolved as
 * of asOf, the event history is read once in store order (only the types the report folds) and folded by
 * EvaluationHistory, which skips every fact recorded after asOf, so a past report is never today's data filtered.
 */
export async function runEvaluationReport(
  sources: ReportSources,
  request: ReportRequest,
  onProgress: (eventsRead: number, eventsTotal: number) => void = () => undefined,
  tracer: Tracer = NO_TRACE,
): Promise<ComputedReport> {
  return computeEvaluationReport(sources.system, await resolveReportContext(sources.system, sources.units, request), onProgress, tracer);
}

/** The report for a context already resolved (the POST resolves it first, so a bad asOf is a 400, not a failed run). */
export async function computeEvaluationReport(
  system: Pick<System, 'db' | 'catalogue'>,
  context: ReportContext,
  onProgress: (eventsRead: number, eventsTotal: number) => void = () => undefined,
  tracer: Tracer = NO_TRACE,
): Promise<ComputedReport> {
  const history = new EvaluationHistory(context.asOf);
  const eventsRead = await readHistory(system.db, system.catalogue, { types: history.eventTypes, batchSize: BATCH_SIZE, onProgress }, (event) => history.fold(event));
  return { report: buildEvaluationReport(history, context, tracer), context, history, eventsRead };
}

/** The same report built again over a history already read (a trace of one figure): no second read of the store. */
export function rebuildEvaluationReport(computed: Pick<ComputedReport, 'history' | 'context'>, tracer: Tracer): EvaluationReport {
  return buildEvaluationReport(computed.history, computed.context, tracer);
}
