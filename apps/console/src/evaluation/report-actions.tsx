import { useState } from 'react';
import { useAction } from '../api/use-action';
import { ErrorNote } from '../components/errors';
import { useI18n } from '../i18n/i18n';
import { evaluationApi } from './evaluation-api';
import type { EvaluationReport, Verification } from './report-types';

/**
 * The name the api gives the file (apps/api/src/evaluation/report-file-name.ts): period, day and the unit's code,
 * ASCII only, so the files of two reports never share a name.
 */
export function reportFileName(report: EvaluationReport, kind: 'xlsx' | 'pdf'): string {
  const { period } = report;
  const periodPart = period.kind === 'RANGE' ? `${period.from}_${period.to}` : `${period.kind}-${period.from.slice(0, 4)}`;
  const code = report.unit.subdistrictId === null ? 'DISTRICT' : (report.progress.units[0]?.code ?? 'UNIT');
  return `evaluation-report_${periodPart}_asof-${report.asOf}_${code}.${kind}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The frozen report as XLSX and PDF, the same figures as the page. */
export function ReportDownloads({ reportId, report }: { reportId: string; report: EvaluationReport }) {
  const { t } = useI18n();
  const xlsx = useAction();
  const pdf = useAction();
  return (
    <div className="toolbar" data-testid="evaluation-downloads">
      <button type="button" disabled={xlsx.busy} onClick={() => xlsx.run(() => evaluationApi.download(reportId, 'xlsx', reportFileName(report, 'xlsx')))}>
        {t('evaluation.downloadXlsx')}
      </button>
      <button type="button" disabled={pdf.busy} onClick={() => pdf.run(() => evaluationApi.download(reportId, 'pdf', reportFileName(report, 'pdf')))}>
        {t('evaluation.downloadPdf')}
      </button>
      <ErrorNote error={xlsx.error ?? pdf.error} />
    </div>
  );
}

/**
 * R-EVAL-1 reproducibility: the api rebuilds the report from the events as of its day and hashes it again; the
 * page shows whether it came out the same, with both hashes, so a reader can check them against the PDF's.
 */
export function VerifyReport({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<Verification | null>(null);
  const verify = () => action.run(async (key) => setResult(await evaluationApi.verify(reportId, key)));
  return (
    <div className="verify" data-testid="evaluation-verify">
      <button type="button" disabled={action.busy} onClick={verify}>
        {action.busy ? t('evaluation.verifying') : t('evaluation.verify')}
      </button>
      <ErrorNote error={action.error} />
      {result && (
        <div role="status" className={result.reproduced ? 'verify-ok' : 'verify-bad'} data-reproduced={String(result.reproduced)}>
          <p>
            <strong>{result.reproduced ? t('evaluation.reproduced') : t('evaluation.notReproduced')}</strong>
          </p>
          <dl className="facts">
            <dt>{t('evaluation.frozenHash')}</dt>
            <dd>
              <code data-testid="frozen-hash">{result.frozenHash}</code>
            </dd>
            <dt>{t('evaluation.recomputedHash')}</dt>
            <dd>
              <code data-testid="recomputed-hash">{result.recomputedHash}</code>
            </dd>
            {!result.reproduced && (result.differingSections?.length ?? 0) > 0 && (
              <>
                <dt>{t('evaluation.differingSections')}</dt>
                <dd data-testid="differing-sections">{result.differingSections!.join('、')}</dd>
              </>
            )}
          </dl>
        </div>
      )}
    </div>
  );
}
