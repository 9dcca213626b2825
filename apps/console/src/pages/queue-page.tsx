import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import { reviewApi } from '../api/review-api';
import type { ClaimListItem, Organisation, Subdistrict } from '../api/types';
import { afterWrite, useApi } from '../api/use-api';
import { hasRole, useUser } from '../api/user';
import { ErrorNote } from '../components/errors';
import { formatFen, shortId } from '../components/format';
import { Loading, Page, Section, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, useLocation } from '../router';
import { SCHEMES } from '../api/schemes';

export interface QueueItem extends Omit<ClaimListItem, 'organisation'> {
  readonly organisation: { readonly kind: string; readonly id: string; readonly name?: string | null };
  readonly dueOn?: string | null;
  readonly overdue?: boolean;
  readonly assignee?: string | null;
  readonly subdistrictId?: string | null;
}

const STATES = ['READY_FOR_REVIEW', 'CHECKED', 'IN_NOTICE', 'RETURNED', 'WAITING_ON_OUTCOMES', 'BLOCKED', 'REJECTED', 'RELEASED_FOR_PAYMENT'];
const FILTERS = ['scheme', 'subdistrictId', 'organisationId', 'status', 'dueBefore'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

/**
 * The bureau's queue of claims (R-CLAIM-3): filters kept in the address (a filtered queue can be bookmarked or
 * shared), and claims taken or released in bulk with the checkboxes.
 */
export function QueuePage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v !== '')).toString();
  const queue = useApi<{ items: QueueItem[]; total: number }>(reviewApi.queue(query));
  // Until the api has a review queue, every claim (by scheme and state only) stands in for it.
  const noQueue = queue.error?.status === 404 && queue.error.code === 'HTTP.NOT_FOUND';
  const fallbackQuery = new URLSearchParams(Object.entries({ scheme: applied.scheme, status: applied.status, limit: '200' }).filter(([, v]) => v !== '')).toString();
  const claims = useApi<{ items: QueueItem[]; total: number }>(noQueue ? `/api/claims?${fallbackQuery}` : null);
  const shown = noQueue ? claims : queue;
  return (
    <Page title={t('queue.title')}>
      <QueueFilters applied={applied} />
      <Section title={t('nav.claims')} id="queue">
        {noQueue && <p className="muted">{t('queue.fallback')}</p>}
        <Loading loaded={shown}>{(data) => <QueueTable items={data.items} onChanged={() => afterWrite(shown.reload)} />}</Loading>
      </Section>
    </Page>
  );
}

function QueueFilters({ applied }: { applied: Filters }) {
  const { t, label, language } = useI18n();
  const [filters, setFilters] = useState<Filters>(applied);
  const subdistricts = useApi<{ items: Subdistrict[] }>('/api/subdistricts');
  const organisations = useApi<{ items: Organisation[] }>('/api/organisations');
  const claimants = (organisations.data?.items ?? []).filter((o) => o.kind === 'PROVIDER' || o.kind === 'ENTERPRISE');
  const set = (name: keyof Filters) => (event: { target: { value: string } }) => setFilters({ ...filters, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
    navigate(`/queue${query ? `?${query}` : ''}`);
  };
  return (
    <form className="card filters" onSubmit={submit} aria-label={t('queue.filters')}>
      <div className="field">
        <label htmlFor="f-scheme">{t('queue.scheme')}</label>
        <select id="f-scheme" value={filters.scheme} onChange={set('scheme')}>
          <option value="">{t('queue.any')}</option>
          {SCHEMES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-subdistrict">{t('queue.subdistrict')}</label>
        <select id="f-subdistrict" value={filters.subdistrictId} onChange={set('subdistrictId')}>
          <option value="">{t('queue.any')}</option>
          {(subdistricts.data?.items ?? []).map((s) => (
            <option key={s.subdistrictId} value={s.subdistrictId}>
              {language === 'zh' ? s.name : s.nameEn}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-organisation">{t('queue.provider')}</label>
        <select id="f-organisation" value={filters.organisationId} onChange={set('organisationId')}>
          <option value="">{t('queue.any')}</option>
          {claimants.map((o) => (
            <option key={o.organisationId} value={o.organisationId}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">{t('queue.state')}</label>
        <select id="f-status" value={filters.status} onChange={set('status')}>
          <option value="">{t('queue.any')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {label('status', s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-due">{t('queue.dueBefore')}</label>
        <input id="f-due" type="date" value={filters.dueBefore} onChange={set('dueBefore')} />
      </div>
      <button type="submit">{t('queue.apply')}</button>
    </form>
  );
}

interface BulkResult {
  readonly done: number;
  readonly refused: number;
  readonly results: readonly ({ readonly claimId: string; readonly ok: true } | { readonly claimId: string; readonly ok: false; readonly error: { readonly code: string; readonly message: string } })[];
}

function QueueTable({ items, onChanged }: { items: readonly QueueItem[]; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const user = useUser()!;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult>();
  const [error, setError] = useState<ApiError>();
  const toggle = (claimId: string) => {
    const next = new Set(selected);
    if (next.has(claimId)) next.delete(claimId);
    else next.add(claimId);
    setSelected(next);
  };
  // One request for the lot; each claim is its own command with its own result, so one refusal leaves the rest done.
  const bulk = async (take: boolean) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const answer = await api<BulkResult>('POST', take ? reviewApi.bulkAssign : reviewApi.bulkUnassign, { body: { claimIds: [...selected] } });
      setResult(answer);
      setSelected(new Set(answer.results.filter((r) => !r.ok).map((r) => r.claimId)));
      onChanged();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  };
  if (items.length === 0) return <p>{t('queue.empty')}</p>;
  const allSelected = items.every((item) => selected.has(item.claimId));
  // Taking and releasing claims is for the two review levels (and an administrator); others read the queue.
  const works = hasRole(user, 'REVIEWER', 'APPROVER', 'ADMIN');
  return (
    <>
      {works && (
      <div className="toolbar" role="group" aria-label={t('queue.select')}>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk(true)}>
          {t('queue.claimSelected')} ({selected.size})
        </button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => bulk(false)}>
          {t('queue.releaseSelected')}
        </button>
      </div>
      )}
      <ErrorNote error={error} />
      {result && (
        <div role="status" className="bulk-result">
          <p>{t('queue.bulkDone', { n: result.done })}</p>
          {result.refused > 0 && (
            <>
              <p>{t('queue.bulkFailed', { n: result.refused })}</p>
              <ul>
                {result.results.map((r) =>
                  r.ok ? null : (
                    <li key={r.claimId} data-code={r.error.code}>
                      {shortId(r.claimId)}: {errorText(r.error.code, r.error.message)}
                    </li>
                  ),
                )}
              </ul>
            </>
          )}
        </div>
      )}
      <table>
        <thead>
          <tr>
            {works && (
              <th scope="col">
                <input type="checkbox" aria-label={t('queue.selectAll')} checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.claimId)))} />
              </th>
            )}
            <th scope="col">{t('claims.open')}</th>
            <th scope="col">{t('claims.scheme')}</th>
            <th scope="col">{t('queue.provider')}</th>
            <th scope="col">{t('claims.status')}</th>
            <th scope="col">{t('queue.due')}</th>
            <th scope="col">{t('queue.assignee')}</th>
            <th scope="col" className="num">{t('claims.total')}</th>
            <th scope="col">{t('claims.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.claimId} className={item.overdue ? 'overdue' : undefined}>
              {works && (
                <td>
                  <input type="checkbox" aria-label={`${t('queue.select')} ${shortId(item.claimId)}`} checked={selected.has(item.claimId)} onChange={() => toggle(item.claimId)} />
                </td>
              )}
              <td>
                <Link to={`/claims/${item.claimId}`} title={item.claimId}>
                  {shortId(item.claimId)}
                </Link>
              </td>
              <td>{item.scheme}</td>
              <td>{item.organisation.name ?? shortId(item.organisation.id)}</td>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>
                {item.dueOn ?? '—'} {item.overdue && <strong className="flag overdue-flag">{t('queue.overdue')}</strong>}
              </td>
              <td>{item.assignee ? (item.assignee.toLowerCase() === user.userId.toLowerCase() ? t('queue.you') : shortId(item.assignee)) : t('queue.unassigned')}</td>
              <td className="num">{formatFen(item.totalFen)}</td>
              <td>
                {item.overridden && <span className="flag">{t('claims.overridden')}</span>}
                {item.lateFlagsOpen > 0 && <span className="flag">{t('claims.late')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
