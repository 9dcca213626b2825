import { DomainError } from '@skills/domain';

/** What holds the guard: a report run, a verification or a trace's read of the history. */
export type ReportWork = { readonly kind: 'run'; readonly runId: string } | { readonly kind: 'verify' | 'trace'; readonly reportId: string };

/** Seconds a refused caller is told to wait: a report of the generated district reads its history in a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * R-EVAL-1 (issue 7, limits): one read of the whole history at a time in this process, whether a report run, a
 * verification or a trace. Each keeps a core busy and holds the folded history in memory (hundreds of MiB on the
 * generated district), so a second at once would slow every request and could exhaust memory. A caller refused
 * gets a 409 that names what is running and says to retry.
 */
export class ReportWorkGuard {
  private holder: ReportWork | null = null;

  /** Takes the guard for `work` now (synchronously, so two callers cannot both take it), or throws the 409. */
  acquire(work: ReportWork): () => void {
    if (this.holder !== null) throw busy(this.holder);
    this.holder = work;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holder = null;
    };
  }

  /** Runs `task` under the guard, released however it ends. */
  async run<T>(work: ReportWork, task: () => Promise<T>): Promise<T> {
    const release = this.acquire(work);
    try {
      return await task();
    } finally {
      release();
    }
  }

  get busyWith(): ReportWork | null {
    return this.holder;
  }
}

function busy(holder: ReportWork): DomainError {
  const retry = `retry in ${RETRY_AFTER_SECONDS} seconds`;
  if (holder.kind === 'run') {
    return new DomainError(
      'EVALUATION.REPORT_ALREADY_RUNNING',
      `report run ${holder.runId} is reading the history: one report, verification or trace reads at a time; follow it with GET /api/evaluation/reports/runs/${holder.runId} and ${retry} when it is done`,
      'conflict',
      { runningRunId: holder.runId, retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  const what = holder.kind === 'verify' ? 'a verification' : 'a trace';
  return new DomainError('EVALUATION.BUSY', `${what} of report ${holder.reportId} is reading the history: one report, verification or trace reads at a time; ${retry}`, 'conflict', {
    busyWith: holder.kind,
    reportId: holder.reportId,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
}
