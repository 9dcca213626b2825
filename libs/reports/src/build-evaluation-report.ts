import type { EvaluationReport } from './evaluation-report';
import type { EvaluationHistory } from './history/evaluation-history';
import type { ReportContext } from './report-context';
import { dataQualitySection } from './sections/data-quality.section';
import { moneySection } from './sections/money.section';
import { progressSection } from './sections/progress.section';
import { ratesSection } from './sections/rates.section';
import { targetsSection } from './sections/targets.section';
import { NO_TRACE, type Tracer } from './tracing';

/** R-EVAL-1: the report, section by section, from the folded history. Pure: the same history and context give the same report. */
export function buildEvaluationReport(history: EvaluationHistory, context: ReportContext, tracer: Tracer = NO_TRACE): EvaluationReport {
  return {
    schemaVersion: 1,
    period: context.period,
    asOf: context.asOf,
    unit: context.unit,
    progress: progressSection(history, context, tracer),
    targets: targetsSection(history, context, tracer),
    rates: ratesSection(history, context, tracer),
    money: moneySection(history, context, tracer),
    dataQuality: dataQualitySection(history, context, tracer),
  };
}
