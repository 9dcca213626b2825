import type { ReportRunView } from './evaluation-report-runs';
import type { FrozenReport } from './frozen-reports';

/**
 * R-EVAL-1 (issue 7 §3): a run answered from its frozen report, once the run itself is gone from this process
 * (restart, eviction, another replica). The frozen event is the truth: its asOf and content hash are what the run
 * answers, never a recomputation's.
 */
export function runViewOfFrozen(frozen: FrozenReport, runId: string): ReportRunView {
  const read = frozen.eventsRead ?? 0;
  return {
    runId,
    status: 'DONE',
    period: frozen.period.label,
    asOf: frozen.asOf,
    subdistrictId: frozen.subdistrictId,
    requestedBy: frozen.requestedBy,
    // The start is not stored: the freeze is the only instant the event knows.
    startedAt: frozen.frozenAt,
    finishedAt: frozen.frozenAt,
    progress: { eventsRead: read, eventsTotal: read, percent: 100 },
    reportId: frozen.reportId,
    contentHash: frozen.contentHash,
  };
}
