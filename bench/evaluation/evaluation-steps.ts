/**
 * The steps of one evaluation report as the api runs them (computeEvaluationReport in
 * apps/api/src/evaluation/evaluation-report.service.ts), each timed on its own by evaluation-child.ts:
 * 1. context (resolveReportContext: the target set and policy versions known on asOf) + read + fold
 *    (readEvaluationHistory into an EvaluationHistory: attendance aggregated in SQL, the rest by readHistory in pages of 5,000);
 * 2. build (buildEvaluationReport);
 * 3. render: XLSX (renderReportXlsx) and PDF (renderReportPdf).
 * The units are the task table's (RegistryDirectory's data file, as the app registers them at boot).
 *
 * BENCH_FOLD_ONLY=1 folds into the simulation's own history instead (SimulationHistory, the bulk of the evaluation
 * history) and builds nothing: how this bench measured the pass before the report's sections landed.
 */
import { createEventCatalogue, type CalendarDate } from '@skills/domain';
import { SqlEventStore } from '@skills/event-store';
import { PolicyCatalogue, SIMULATION_EVENT_TYPES, SimulationHistory, readHistory } from '@skills/platform';
import type { RegistryUnit } from '@skills/policy';
import { EvaluationHistory, buildEvaluationReport, parseReportPeriod, readEvaluationHistory, type EvaluationReport, type ReportContext } from '@skills/reports';
import type { SqlDatabase } from '@skills/sql';
import { resolveReportContext } from '../../apps/api/src/evaluation/report-context.service';
import { DEFAULT_TASK_TABLE, readTaskTableUnits } from '../../apps/api/src/registry/registry-directory';
import { renderReportPdf } from '../../libs/reports/src/render/pdf';
import { renderReportXlsx } from '../../libs/reports/src/render/xlsx';
import { passFloor, type FloorStep } from './pass-floor';

export interface Folded {
  readonly eventsRead: number;
  readonly history: EvaluationHistory | SimulationHistory;
  readonly context?: ReportContext;
}

export interface Pipeline {
  readonly description: string;
  /** Every step there: fold, build, XLSX, PDF. */
  readonly complete: boolean;
  fold(asOf: CalendarDate, onProgress: (read: number, total: number) => void, period: string): Promise<Folded>;
  build?(folded: Folded): Promise<EvaluationReport>;
  describe?(report: EvaluationReport): string;
  renderXlsx?(report: EvaluationReport): Promise<Uint8Array>;
  renderPdf?(report: EvaluationReport): Promise<Uint8Array>;
  /** The same pass stopped after one step (pass-floor.ts): what reading costs before the fold. */
  floor?(step: FloorStep): Promise<number>;
}

/** The api's page size (evaluation-report.service.ts). */
export const BATCH_SIZE = Number(process.env['BENCH_BATCH_SIZE'] ?? 5_000);
const FOLD_ONLY = process.env['BENCH_FOLD_ONLY'] === '1';

export async function loadPipeline(db: SqlDatabase): Promise<Pipeline> {
  const catalogue = createEventCatalogue();
  if (FOLD_ONLY) {
    return {
      description: `read + fold only, into the simulation history (SimulationHistory, SIMULATION_EVENT_TYPES, pages of ${BATCH_SIZE})`,
      complete: false,
      async fold(asOf, onProgress) {
        const history = new SimulationHistory(asOf);
        const eventsRead = await readHistory(db, catalogue, { types: SIMULATION_EVENT_TYPES, batchSize: BATCH_SIZE, onProgress }, (e) => history.fold(e));
        return { eventsRead, history };
      },
    };
  }
  const units: readonly RegistryUnit[] = readTaskTableUnits(DEFAULT_TASK_TABLE);
  const store = new SqlEventStore(db);
  const system = { db, store, catalogue, policies: await PolicyCatalogue.load(store, catalogue) };
  return {
    description: `context (resolveReportContext) + read + fold (readEvaluationHistory into EvaluationHistory: attendance aggregated in SQL, the rest in pages of ${BATCH_SIZE}), build (buildEvaluationReport), XLSX (renderReportXlsx), PDF (renderReportPdf)`,
    complete: true,
    async fold(asOf, onProgress, period) {
      const context = await resolveReportContext(system, units, { period: parseReportPeriod(period), asOf, subdistrictId: null });
      const history = new EvaluationHistory(context.asOf);
      const eventsRead = await readEvaluationHistory(db, catalogue, history, { batchSize: BATCH_SIZE, onProgress });
      return { eventsRead, history, context };
    },
    async build(folded) {
      if (!(folded.history instanceof EvaluationHistory) || !folded.context) throw new Error('build needs an EvaluationHistory and its context');
      return buildEvaluationReport(folded.history, folded.context);
    },
    describe: describeReport,
    renderXlsx: (report) => renderReportXlsx(report),
    renderPdf: (report) => renderReportPdf(report),
    floor: (step) => passFloor(db, catalogue, new EvaluationHistory('2000-01-01').eventTypes, BATCH_SIZE, step),
  };
}

/** Counts only, to see that the report measured is a real one. */
function describeReport(report: EvaluationReport): string {
  const { progress, targets, rates, money, dataQuality } = report;
  const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
  return [
    `${report.period.label} as of ${report.asOf}, target set ${progress.targetSetVersion}`,
    `certificates done (district line) ${progress.district?.done.count ?? '—'} over ${progress.units.length} units`,
    `targets ${targets.lines.map((l) => `${l.code} ${l.status}`).join(' ')}`,
    `rates: ${rates.byProgrammeType.reduce((n, r) => n + r.cohorts.count, 0)} cohorts in ${rates.byProgrammeType.length} programme types, ${rates.byProvider.length} providers, ${rates.failedCohorts.length} failed cohorts`,
    `money: released ${yuan(money.total.released.fen)}, paid ${yuan(money.total.paid.fen)} yuan, ${money.overrides.length} overrides, ${money.waitingOnGates.length} claims waiting on gates`,
    `data quality: ${dataQuality.flags.map((f) => `${f.kind} ${f.figure.count}`).join(', ') || 'no flags'}`,
  ].join('; ');
}
