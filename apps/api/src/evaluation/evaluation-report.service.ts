import type { RegistryUnit } from '@skills/policy';
import { readHistoryHead, type HistoryHead, type System } from '@skills/platform';
import { EvaluationHistory, NO_TRACE, buildEvaluationReport, readEvaluationHistory, type EvaluationReport, type ReportContext, type Tracer } from '@skills/reports';
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
  /** The last event the read included (null: an empty store): stored with the frozen report (R-MON-1). */
  readonly head: HistoryHead | null;
}

/** Events per page: big pages, the next fetched while one is folded (readHistory). */
const BATCH_SIZE = 5_000;

/**
 * R-EVAL-1, R-MON-1 (issue 7 §3): the report as the system knew it at the end of asOf, and up to a head of the
 * store. A new run takes the head as it stands now (`upTo` left out); a verification or trace of a frozen report
 * gives the head the run stored, so it reads exactly what the run read, even for a report as of today with facts
 * recorded later that day. The context (target set, policy versions) is resolved as known at that head and day; the
 * history is read once in store order (only the types the report folds) and folded by EvaluationHistory, which skips
 * every fact recorded after asOf, so a past report is never today's data filtered.
 */
export async function runEvaluationReport(
  sources: ReportSources,
  request: ReportRequest,
  options: { readonly upTo?: HistoryHead | null; readonly onProgress?: (eventsRead: number, eventsTotal: number) => void; readonly tracer?: Tracer } = {},
): Promise<ComputedReport> {
  const head = options.upTo === undefined ? await readHistoryHead(sources.system.db) : options.upTo;
  const context = await resolveReportContext(sources.system, sources.units, request, head);
  const history = new EvaluationHistory(context.asOf);
  const onProgress = options.onProgress ?? (() => undefined);
  // Issue 7: attendance aggregated in SQL, the rest streamed, both up to this head (readEvaluationHistory).
  const eventsRead = await readEvaluationHistory(sources.system.db, sources.system.catalogue, history, { batchSize: BATCH_SIZE, onProgress, upTo: head });
  return { report: buildEvaluationReport(history, context, options.tracer ?? NO_TRACE), context, history, eventsRead, head };
}

/** The same report built again over a history already read (a trace of one figure): no second read of the store. */
export function rebuildEvaluationReport(computed: Pick<ComputedReport, 'history' | 'context'>, tracer: Tracer): EvaluationReport {
  return buildEvaluationReport(computed.history, computed.context, tracer);
}
