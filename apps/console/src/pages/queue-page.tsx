import { useState } from 'react';
import { api, ApiError } from '../api/client';
import { reviewApi } from '../api/review-api';
import type { ClaimListItem, Organisation, Subdistrict } from '../api/types';
import { afterWrite, useApi } from '../api/use-api';
import { hasRole, useUser } from '../api/user';
import { ErrorNote } from '../components/errors';
import { FilterField, FilterForm, FilterSelect, filterQuery, SchemeFilter, type FilterValues } from '../components/filter-form';
import { formatFen, shortId } from '../components/format';
import { Loading, Page, Section, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../router';

export interface QueueItem extends Omit<ClaimListItem, 'organisation'> {
  readonly organisation: { readonly kind: string; readonly id: string; readonly name?: string | null };
  readonly dueOn?: string | null;
  readonly overdue?: boolean;
  readonly assignee?: string | null;
  readonly subdistrictId?: string | null;
}

const STATES = ['READY_FOR_REVIEW', 'CHECKED', 'IN_NOTICE', 'RETURNED', 'WAITING_ON_OUTCOMES', 'BLOCKED', 'REJECTED', 'RELEASED_FOR_PAYMENT'];
const FILTERS = ['scheme', 'subdistrictId', 'organisationId', 'status', 'dueBefore'] as const;
type Filters = FilterValues<(typeof FILTERS)[number]>;

/**
 * The bureau's queue of claims (R-CLAIM-3): filters kept in the address (a filtered queue can be bookmarked or
 * shared), and claims taken or released in bulk with the checkboxes.
 */
export function QueuePage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, search.get(name) ?? ''])) as Filters;
  const query = filterQuery(applied);
  const queue = useApi<{ items: QueueItem[]; total: number }>(reviewApi.queue(query));
  // Until the api has a review queue, every claim (by scheme and state only) stands in for it.
  const noQueue = queue.error?.status === 404 && queue.error.code === 'HTTP.NOT_FOUND';
  const fallbackQuery = filterQuery({ scheme: applied.scheme, status: applied.status, limit: '200' });
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
  const subdistricts = useApi<{ items: Subdistrict[] }>('/api/subdistricts');
  const organisations = useApi<{ items: Organisation[] }>('/api/organisations');
  const claimants = (organisations.data?.items ?? []).filter((o) => o.kind === 'PROVIDER' || o.kind === 'ENTERPRISE');
  return (
    <FilterForm path="/queue" applied={applied}>
      {(bind) => (
        <>
          <SchemeFilter id="f-scheme" binding={bind('scheme')} />
          <FilterSelect id="f-subdistrict" label={t('queue.subdistrict')} binding={bind('subdistrictId')} options={(subdistricts.data?.items ?? []).map((s) => ({ value: s.subdistrictId, text: language === 'zh' ? s.name : s.nameEn }))} />
          <FilterSelect id="f-organisation" label={t('queue.provider')} binding={bind('organisationId')} options={claimants.map((o) => ({ value: o.organisationId, text: o.name }))} />
          <FilterSelect id="f-status" label={t('queue.state')} binding={bind('status')} options={STATES.map((s) => ({ value: s, text: label('status', s) }))} />
          <FilterField id="f-due" label={t('queue.dueBefore')}>
            <input id="f-due" type="date" {...bind('dueBefore')} />
          </FilterField>
        </>
      )}
    </FilterForm>
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
