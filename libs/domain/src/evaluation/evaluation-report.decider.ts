import type { CommandContext, Decider } from '../shared/decider';
import type { EvaluationReportFrozen } from './evaluation-report.events';

/** R-EVAL-1: store a completed report with its content hash (computed outside: this code has no crypto). */
export interface FreezeEvaluationReport {
  readonly type: 'FreezeEvaluationReport';
  readonly report: EvaluationReportFrozen['data'];
  readonly context: CommandContext;
}

export interface FrozenReportState {
  readonly contentHash: string | null;
}

/**
 * A report is frozen once and never replaced (issue 7 §3): the stream of a report id holds one event. A second
 * freeze of the same id (a retried run after a restart) stores nothing; what was frozen first stays the report.
 */
export const evaluationReportDecider: Decider<FreezeEvaluationReport, FrozenReportState, EvaluationReportFrozen> = {
  initialState: () => ({ contentHash: null }),
  decide(command, state) {
    if (state.contentHash !== null) return [];
    return [{ type: 'EvaluationReportFrozen', data: command.report }];
  },
  evolve: (state, event) => (state.contentHash === null ? { contentHash: event.data.contentHash } : state),
};
