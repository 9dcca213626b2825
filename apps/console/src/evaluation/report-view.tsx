import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { CHART_LABELS } from '../../../../libs/reports/src/charts/chart-labels';
import { progressChartOption, ratesChartOption, CHART_SIZE } from '../../../../libs/reports/src/charts/chart-options';
import { formatInstant } from '../components/format';
import { Section } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { FigureTracePanel } from './figure-trace';
import { ReportDownloads, VerifyReport } from './report-actions';
import { ReportTables } from './report-tables';
import type { FrozenReport } from './report-types';

// ECharts is most of the console's weight: loaded when a report is first shown, not with every page.
const ReportChart = lazy(() => import('./report-chart').then((m) => ({ default: m.ReportChart })));

/**
 * R-EVAL-1: one frozen report: what it covers, its hash, the files, the check that it is reproduced, the two charts
 * (drawn from the PDF's option builders) and every section as tables. A figure opens its trace (R-MON-1).
 */
export function ReportView({ frozen }: { frozen: FrozenReport }) {
  const { t, language } = useI18n();
  const { report, reportId } = frozen;
  const [figure, setFigure] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onTrace = useCallback((figureId: string, from: HTMLElement) => {
    opener.current = from;
    setFigure(figureId);
  }, []);
  const close = useCallback(() => {
    setFigure(null);
    opener.current?.focus();
  }, []);
  // The charts' words in the console's language (the PDF keeps the Chinese set).
  const labels = CHART_LABELS[language];
  const progressOption = useMemo(() => progressChartOption(report, labels), [report, labels]);
  const ratesOption = useMemo(() => ratesChartOption(report, labels), [report, labels]);
  return (
    <div className="evaluation-report" data-testid="evaluation-report" data-report={reportId}>
      <Section title={t('evaluation.reportTitle', { period: report.period.label, unit: report.unit.name })} id="evaluation-summary">
        <dl className="facts">
          <dt>{t('evaluation.period')}</dt>
          <dd data-testid="evaluation-period">
            {report.period.label} ({report.period.from} – {report.period.to})
          </dd>
          <dt>{t('evaluation.asOfShort')}</dt>
          <dd data-testid="evaluation-asof">{report.asOf}</dd>
          <dt>{t('evaluation.unit')}</dt>
          <dd data-testid="evaluation-unit">{report.unit.name}</dd>
          <dt>{t('evaluation.frozenAt')}</dt>
          <dd>{formatInstant(frozen.frozenAt, language)}</dd>
          <dt>{t('evaluation.hash')}</dt>
          <dd>
            <code className="small" data-testid="evaluation-hash">
              {frozen.contentHash}
            </code>
          </dd>
        </dl>
        <ReportDownloads reportId={reportId} report={report} />
        <VerifyReport reportId={reportId} />
      </Section>
      <Section title={t('evaluation.charts')} id="evaluation-charts">
        <p className="muted">{t('evaluation.chartsHelp')}</p>
        <Suspense fallback={<p aria-live="polite">{t('app.loading')}</p>}>
          <div className="evaluation-charts">
            <ReportChart option={progressOption} label={t('evaluation.progressChart')} testId="evaluation-progress-chart" height={CHART_SIZE.progress.height} />
            <ReportChart option={ratesOption} label={t('evaluation.ratesChart')} testId="evaluation-rates-chart" height={CHART_SIZE.rates.height} />
          </div>
        </Suspense>
      </Section>
      {figure && <FigureTracePanel reportId={reportId} figureId={figure} onClose={close} />}
      <ReportTables report={report} tracing={{ selected: figure, onTrace }} />
    </div>
  );
}
