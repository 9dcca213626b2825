import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { ImportReport } from '../api/types';
import { newUuid } from '../api/uuid';
import { useI18n } from '../i18n/i18n';
import { ErrorNote, FieldError, fieldProps } from './errors';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The api reads the type from the header; browsers often give a CSV none, so the name decides. */
function typeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return CSV;
  if (name.endsWith('.xlsx')) return XLSX;
  return file.type || 'application/octet-stream';
}

function reportOf(value: unknown): ImportReport | undefined {
  const report = value as Partial<ImportReport> | undefined;
  return report && Array.isArray(report.errors) && typeof report.status === 'string' ? (report as ImportReport) : undefined;
}

/**
 * R-FREE-3: a provider uploads a cohort's attendance sheet (all or nothing) and sees the api's per-row report
 * beside the form: each refused row with its field and what to fix.
 */
export function AttendanceUpload({ cohortId, onSaved }: { cohortId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file: sending the same file again (a double click, a retry) records it once.
  const [key, setKey] = useState(newUuid);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(undefined);
    setError(undefined);
    if (!file) {
      setError(new ApiError(400, 'CONSOLE.NO_FILE', t('cohort.chooseFile'), [{ field: 'file', message: t('cohort.chooseFile') }]));
      return;
    }
    setBusy(true);
    try {
      const answer = await api<ImportReport>('POST', `/api/cohorts/${cohortId}/attendance/imports`, { file: { data: file, type: typeOf(file) }, idempotencyKey: key });
      setReport(answer);
      onSaved();
    } catch (caught) {
      const failure = caught as ApiError;
      // A file refused whole answers 422 with the same per-row report.
      const refused = reportOf(failure.body);
      if (refused) setReport(refused);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby="upload-help">
      <p id="upload-help" className="muted">
        {t('cohort.uploadHelp')}
      </p>
      <div className="field">
        <label htmlFor="attendance-file">{t('cohort.file')}</label>
        <input
          id="attendance-file"
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setKey(newUuid());
          }}
          {...fieldProps(error, 'file', 'attendance-file-error')}
        />
        <FieldError error={error} field="file" id="attendance-file-error" />
      </div>
      <ErrorNote error={error} shownFields={['file']} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('action.busy') : t('cohort.upload')}
      </button>
      {report && <RowReport report={report} />}
    </form>
  );
}

function RowReport({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const rejected = report.status !== 'imported' && report.errors.length > 0;
  return (
    <div className={rejected ? 'report rejected' : 'report'} role={rejected ? 'alert' : 'status'} data-testid="row-report">
      <h3>{t('cohort.reportTitle')}</h3>
      <p>{t('cohort.report', { received: report.rowsReceived, saved: report.rowsSaved, already: report.rowsAlreadySaved ?? 0 })}</p>
      {rejected && <p>{t('cohort.reportRejected')}</p>}
      {report.errors.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">{t('cohort.row')}</th>
              <th scope="col">{t('cohort.field')}</th>
              <th scope="col">{t('cohort.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((row, i) => (
              <tr key={i}>
                <td className="num">{row.row}</td>
                <td>
                  <code>{row.field}</code>
                </td>
                <td>{row.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
