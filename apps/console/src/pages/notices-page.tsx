import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { OBJECTION_REASONS, reviewApi } from '../api/review-api';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { formatFen, maskName, shortId } from '../components/format';
import { Loading, Page } from '../components/page';
import { PayoutExportButton } from '../components/payout-export-button';
import { useI18n } from '../i18n/i18n';

export interface Notice {
  readonly claimId: string;
  readonly scheme: string;
  readonly organisation: { readonly name: string | null };
  readonly overridden?: boolean;
  readonly notice: { readonly startsOn: string; readonly endsOn: string; readonly daysLeft: number; readonly objectionsOpen: boolean };
  readonly totalFen: number;
  readonly lines: readonly { readonly lineId: string; readonly personName: string | null; readonly payee: { readonly kind: string; readonly name: string | null }; readonly amountFen: number; readonly direction?: string }[];
}

/**
 * The public notice (公示) of approved claims: payees with masked names and no ID numbers, and for anyone with an
 * account a form to object during the period, which sends the claim back to review.
 */
export function NoticesPage() {
  const { t } = useI18n();
  const notices = useApi<{ items: Notice[] }>(reviewApi.notices);
  // The claim objected to leaves the board (it is back in review), so the confirmation is the page's.
  const [objected, setObjected] = useState<string>();
  const onObjected = (claimId: string) => {
    setObjected(claimId);
    notices.reload();
  };
  return (
    <Page title={t('notices.title')}>
      <p className="muted">{t('notices.help')}</p>
      <PayoutExportButton />
      {objected && (
        <p role="status" className="report" data-testid="objected">
          {shortId(objected)}: {t('notices.objected')}
        </p>
      )}
      <Loading loaded={notices}>{(data) => (data.items.length === 0 ? <p>{t('notices.empty')}</p> : data.items.map((notice) => <NoticeCard key={notice.claimId} notice={notice} onObjected={onObjected} />))}</Loading>
    </Page>
  );
}

function NoticeCard({ notice, onObjected }: { notice: Notice; onObjected: (claimId: string) => void }) {
  const { t } = useI18n();
  const id = `notice-${notice.claimId}`;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-claim={notice.claimId}>
      <h2 id={`${id}-title`}>
        {notice.organisation.name ?? shortId(notice.claimId)} · {notice.scheme} · {formatFen(notice.totalFen)}
        {notice.overridden && <span className="flag">{t('claims.overridden')}</span>}
      </h2>
      <p>
        {t('notices.period')}: {notice.notice.startsOn} – {notice.notice.endsOn} ({t('notices.daysLeft', { n: notice.notice.daysLeft })})
      </p>
      <table>
        <caption className="visually-hidden">{t('notices.payees')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.name')}</th>
            <th scope="col">{t('notices.payee')}</th>
            <th scope="col" className="num">{t('claim.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {notice.lines.map((line) => (
            <tr key={line.lineId}>
              {/* Masked again here: the notice board never shows a full name, whatever the api sends. */}
              <td>{line.personName ? maskName(line.personName) : '—'}</td>
              <td>{line.payee.kind === 'LABOURER' ? (line.payee.name ? maskName(line.payee.name) : '—') : (line.payee.name ?? line.payee.kind)}</td>
              <td className="num">
                {line.direction === 'CLAWBACK' ? '−' : ''}
                {formatFen(line.amountFen)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notice.notice.objectionsOpen && <ObjectionForm claimId={notice.claimId} onObjected={onObjected} />}
    </section>
  );
}

function ObjectionForm({ claimId, onObjected }: { claimId: string; onObjected: (claimId: string) => void }) {
  const { t, label } = useI18n();
  const action = useAction();
  const [reason, setReason] = useState<string>(OBJECTION_REASONS[0]);
  const [statement, setStatement] = useState('');
  const id = `objection-${claimId}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run((key) => api('POST', reviewApi.objections(claimId), { body: { reason, statement }, idempotencyKey: key }))) onObjected(claimId);
  };
  return (
    <details className="action">
      <summary>{t('notices.object')}</summary>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('action.reasonCode')}</label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} {...fieldProps(action.error, 'reason', `${id}-reason-error`)}>
            {OBJECTION_REASONS.map((code) => (
              <option key={code} value={code}>
                {label('objection', code)}
              </option>
            ))}
          </select>
          <FieldError error={action.error} field="reason" id={`${id}-reason-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-statement`}>{t('notices.objection')}</label>
          <textarea id={`${id}-statement`} rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} {...fieldProps(action.error, 'statement', `${id}-statement-error`)} />
          <FieldError error={action.error} field="statement" id={`${id}-statement-error`} />
        </div>
        <ErrorNote error={action.error} shownFields={['reason', 'statement']} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('action.busy') : t('notices.object')}
        </button>
      </form>
    </details>
  );
}
