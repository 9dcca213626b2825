import { useState, type FormEvent } from 'react';
import { api, ApiError, download } from '../api/client';
import { EVIDENCE_KINDS, reviewApi } from '../api/review-api';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { formatInstant, shortId } from '../components/format';
import { Loading } from '../components/page';
import { useI18n } from '../i18n/i18n';

interface Evidence {
  readonly evidenceId: string;
  readonly kind: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly attachedBy: { readonly accountId: string; readonly side: string };
  readonly attachedAt: string;
}

const kib = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KiB`;

/**
 * R-CLAIM-3 evidence: the files on the claim with their content hash and size, and a form to attach one. The api
 * checks the type and size; a refusal (too large, not a PDF, JPEG or PNG) shows under the file field.
 */
export function ClaimEvidence({ claimId }: { claimId: string }) {
  const { t, language, label } = useI18n();
  const evidence = useApi<{ items: Evidence[] }>(reviewApi.evidence(claimId));
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>(EVIDENCE_KINDS[0]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run((key) => {
      if (!file) throw new ApiError(400, 'CONSOLE.NO_FILE', t('cohort.chooseFile'), [{ field: 'file', message: t('cohort.chooseFile') }]);
      return api('POST', `${reviewApi.evidence(claimId)}?kind=${kind}`, { file: { data: file, type: file.type || 'application/octet-stream' }, idempotencyKey: key });
    });
    if (ok) evidence.reload();
  };
  return (
    <>
      <Loading loaded={evidence}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('evidence.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('evidence.kind')}</th>
                  <th scope="col">{t('evidence.name')}</th>
                  <th scope="col" className="num">{t('evidence.size')}</th>
                  <th scope="col">{t('evidence.hash')}</th>
                  <th scope="col">{t('evidence.uploadedBy')}</th>
                  <th scope="col">{t('evidence.download')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.evidenceId}>
                    <td>{label('evidenceKind', item.kind)}</td>
                    <td>{item.mediaType}</td>
                    <td className="num">{kib(item.sizeBytes)}</td>
                    <td>
                      <code title={item.sha256}>{item.sha256.slice(0, 16)}…</code>
                    </td>
                    <td>
                      <span title={item.attachedBy.accountId}>{shortId(item.attachedBy.accountId)}</span> · {formatInstant(item.attachedAt, language)}
                    </td>
                    <td>
                      <DownloadButton claimId={claimId} item={item} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
      <form onSubmit={submit} noValidate className="inline-form">
        <div className="field">
          <label htmlFor="evidence-kind">{t('evidence.kind')}</label>
          <select id="evidence-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {label('evidenceKind', k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="evidence-file">{t('evidence.file')}</label>
          <input id="evidence-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} {...fieldProps(action.error, 'file', 'evidence-file-error')} />
          <FieldError error={action.error} field="file" id="evidence-file-error" />
          <FieldError error={action.error} field="content-type" id="evidence-file-type-error" />
        </div>
        <ErrorNote error={action.error} shownFields={['file', 'content-type']} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('action.busy') : t('evidence.upload')}
        </button>
      </form>
    </>
  );
}

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

function DownloadButton({ claimId, item }: { claimId: string; item: Evidence }) {
  const { t, label } = useI18n();
  const action = useAction();
  const name = `evidence-${item.evidenceId}.${EXTENSIONS[item.mediaType] ?? 'bin'}`;
  return (
    <>
      <button type="button" aria-label={`${t('evidence.download')} ${label('evidenceKind', item.kind)} ${shortId(item.evidenceId)}`} onClick={() => action.run(() => download(reviewApi.evidenceFile(claimId, item.evidenceId), name))}>
        {t('evidence.download')}
      </button>
      <ErrorNote error={action.error} />
    </>
  );
}
