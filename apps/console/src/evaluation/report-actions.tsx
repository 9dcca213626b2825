import { useState } from 'react';
import { useAction } from '../api/use-action';
import { ErrorNote } from '../components/errors';
import { useI18n } from '../i18n/i18n';
import { BusyNote } from './busy-note';
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
 * R-EVAL-1, R-MON-1 verification: the api checks that the stored report still hashes to its frozen hash (nobody
 * edited its figures in the database) and that rebuilding it from the events as of its day gives that hash again.
 * The verdict is `verified`, both checks: a report edited in the store reproduces from the events yet is not
 * verified. When it fails, each failed check and the three hashes, so a reader can check them against the PDF's.
 */
export function VerifyReport({ reportId }: { reportId: string }) {
  const { t, label } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<Verification | null>(null);
  const verify = () => {
    setResult(null);
    return action.run(async (key) => setResult(await evaluationApi.verify(reportId, key)));
  };
  return (
    <div className="verify" data-testid="evaluation-verify">
      <button type="button" disabled={action.busy} onClick={verify}>
        {action.busy ? t('evaluation.verifying') : t('evaluation.verify')}
      </button>
      <ErrorNote error={action.error} />
      <BusyNote error={action.error} />
      {result && (
        <div
          role="status"
          className={result.verified ? 'verify-ok' : 'verify-bad'}
          data-verified={String(result.verified)}
          data-reproduced={String(result.reproduced)}
          data-stored-intact={String(result.storedIntact)}
        >
          <p>
            <strong data-testid="verify-verdict">{result.verified ? t('evaluation.verified') : t('evaluation.notVerified')}</strong>
          </p>
          {!result.verified && result.failedChecks.length > 0 && (
            <>
              <p>{t('evaluation.failedChecks')}</p>
              <ul data-testid="failed-checks">
                {result.failedChecks.map((failed) => (
                  <li key={failed.check} data-check={failed.check}>
                    {label('evaluation.check', failed.check)}: <span className="muted">{failed.message}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p data-testid="verify-reproduced">{result.reproduced ? t('evaluation.reproduced') : t('evaluation.notReproduced')}</p>
          <dl className="facts">
            <dt>{t('evaluation.frozenHash')}</dt>
            <dd>
              <code data-testid="frozen-hash">{result.frozenHash}</code>
            </dd>
            {!result.verified && (
              <>
                <dt>{t('evaluation.storedHash')}</dt>
                <dd>
                  <code data-testid="stored-hash">{result.storedHash}</code>
                </dd>
              </>
            )}
            <dt>{t('evaluation.recomputedHash')}</dt>
            <dd>
              <code data-testid="recomputed-hash">{result.recomputedHash}</code>
            </dd>
            {result.unitsFrom && (
              <>
                <dt>{t('evaluation.unitsFrom')}</dt>
                <dd data-testid="units-from" data-units-from={result.unitsFrom}>
                  {label('evaluation.unitsFrom', result.unitsFrom)}
                </dd>
              </>
            )}
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
