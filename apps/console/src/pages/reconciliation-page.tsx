// R-PAY-1: the answer's types are the projection's own, imported by path (types only, erased at build), so a renamed
// field breaks the console's build too.
import type { FlaggedPayout, PayoutReconciliation, ReconciliationFigures } from '../../../../libs/projections/src/payouts/payout-reconciliation-report';
import { useApi } from '../api/use-api';
import { FilterField, FilterForm, filterQuery, SchemeFilter, type FilterValues } from '../components/filter-form';
import { formatFen, shortId } from '../components/format';
import { Loading, Page, Section } from '../components/page';
import { PayoutExportButton } from '../components/payout-export-button';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../router';

const MONEY = ['releasedFen', 'instructedFen', 'paidFen', 'failedFen', 'cancelledFen', 'outstandingFen'] as const;
type Filters = FilterValues<'from' | 'to' | 'scheme' | 'olderThanDays'>;

/** This month in Shanghai, the district's calendar (en-CA formats a day as YYYY-MM-DD): the 1st to the last day. */
function thisMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/**
 * R-PAY-1 reconciliation: money released for payment against money paid, per scheme and in total, for a period of
 * release days; filters kept in the address so a period's report can be bookmarked. Figures and claim ids only.
 * The api decides who may read it (FINANCE, APPROVER, ADMIN, EVALUATOR); anyone else sees its 403 here.
 */
export function ReconciliationPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const month = thisMonth();
  const applied: Filters = { from: search.get('from') || month.from, to: search.get('to') || month.to, scheme: search.get('scheme') ?? '', olderThanDays: search.get('olderThanDays') ?? '' };
  const report = useApi<PayoutReconciliation>(`/api/payouts/reconciliation?${filterQuery(applied)}`);
  return (
    <Page title={t('reconciliation.title')}>
      <p className="muted">{t('reconciliation.help')}</p>
      <ReconciliationFilters applied={applied} />
      <PayoutExportButton />
      <Loading loaded={report}>{(data) => <ReconciliationReport data={data} />}</Loading>
    </Page>
  );
}

function ReconciliationFilters({ applied }: { applied: Filters }) {
  const { t } = useI18n();
  return (
    <FilterForm path="/reconciliation" applied={applied}>
      {(bind) => (
        <>
          <FilterField id="r-from" label={t('reconciliation.from')}>
            <input id="r-from" type="date" {...bind('from')} />
          </FilterField>
          <FilterField id="r-to" label={t('reconciliation.to')}>
            <input id="r-to" type="date" {...bind('to')} />
          </FilterField>
          <SchemeFilter id="r-scheme" binding={bind('scheme')} />
          <FilterField id="r-older" label={t('reconciliation.olderThanDays')}>
            <input id="r-older" type="number" min={0} max={3650} step={1} placeholder="30" {...bind('olderThanDays')} />
          </FilterField>
        </>
      )}
    </FilterForm>
  );
}

function ReconciliationReport({ data }: { data: PayoutReconciliation }) {
  const { t } = useI18n();
  const rows: { key: string; name: string; figures: ReconciliationFigures }[] = [...data.schemes.map((s) => ({ key: s.scheme, name: s.scheme, figures: s })), { key: 'TOTAL', name: t('reconciliation.total'), figures: data.totals }];
  const differences = data.schemes.flatMap((s) => s.differences.map((d) => ({ ...d, scheme: s.scheme })));
  return (
    <>
      <Section title={t('reconciliation.perScheme')} id="reconciliation">
        <p className="muted" data-testid="reconciliation-period">
          {t('reconciliation.period', { from: data.from, to: data.to, asOf: data.asOf })}
        </p>
        {data.schemes.length === 0 && <p>{t('reconciliation.empty')}</p>}
        <table data-testid="reconciliation-table">
          <caption className="visually-hidden">{t('reconciliation.perScheme')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.scheme')}</th>
              <th scope="col" className="num">{t('reconciliation.releasedClaims')}</th>
              {MONEY.map((m) => (
                <th scope="col" className="num" key={m}>
                  {t(`reconciliation.${m}`)}
                </th>
              ))}
              <th scope="col" className="num">{t('reconciliation.older', { n: data.olderThanDays })}</th>
              <th scope="col" className="num">{t('reconciliation.overpaidFen')}</th>
              <th scope="col" className="num">{t('reconciliation.duplicateRisk')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-scheme={row.key} className={row.key === 'TOTAL' ? 'total' : undefined}>
                <th scope="row">{row.name}</th>
                <td className="num" data-testid="releasedClaims">{row.figures.releasedClaims}</td>
                {MONEY.map((m) => (
                  <td className="num" key={m} data-testid={m}>
                    {formatFen(row.figures[m])}
                  </td>
                ))}
                <td className="num" data-testid="olderOutstanding">
                  {formatFen(row.figures.olderOutstanding.fen)} ({row.figures.olderOutstanding.count})
                </td>
                <td className={row.figures.overpaidFen > 0 ? 'num no' : 'num'} data-testid="overpaidFen">
                  {formatFen(row.figures.overpaidFen)}
                </td>
                <td className={row.figures.duplicateRisk.count > 0 ? 'num no' : 'num'} data-testid="duplicateRisk">
                  {formatFen(row.figures.duplicateRisk.fen)} ({row.figures.duplicateRisk.count})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t('reconciliation.differences')} id="reconciliation-differences">
        {differences.length === 0 ? (
          <p>{t('reconciliation.noDifferences')}</p>
        ) : (
          <table data-testid="reconciliation-differences">
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.claim')}</th>
                <th scope="col">{t('queue.scheme')}</th>
                <th scope="col" className="num">{t('reconciliation.releasedFen')}</th>
                <th scope="col" className="num">{t('reconciliation.paidFen')}</th>
                <th scope="col" className="num">{t('reconciliation.cancelledFen')}</th>
                <th scope="col" className="num">{t('reconciliation.outstandingFen')}</th>
                <th scope="col" className="num">{t('reconciliation.unaccounted')}</th>
                <th scope="col" className="num">{t('reconciliation.unpaid')}</th>
                <th scope="col" className="num">{t('reconciliation.overpaidFen')}</th>
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => [
                <tr key={d.claimId} data-claim={d.claimId}>
                  <td>
                    <Link to={`/claims/${d.claimId}`} title={d.claimId}>
                      {shortId(d.claimId)}
                    </Link>
                  </td>
                  <td>{d.scheme}</td>
                  <td className="num">{formatFen(d.releasedFen)}</td>
                  <td className="num">{formatFen(d.paidFen)}</td>
                  <td className="num">{formatFen(d.cancelledFen)}</td>
                  <td className="num">{formatFen(d.outstandingFen)}</td>
                  <td className="num">{formatFen(d.unaccountedFen)}</td>
                  <td className="num">{formatFen(d.unpaidFen)}</td>
                  <td className={d.overpaidFen > 0 ? 'num no' : 'num'}>{formatFen(d.overpaidFen)}</td>
                </tr>,
                d.flaggedPayouts.length > 0 && (
                  <tr key={`${d.claimId}-flagged`} data-flagged-for={d.claimId}>
                    <td colSpan={COLUMNS_OF_DIFFERENCES}>
                      <FlaggedPayouts payouts={d.flaggedPayouts} />
                    </td>
                  </tr>
                ),
              ])}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}

const COLUMNS_OF_DIFFERENCES = 9;

/**
 * R-PAY-1: a payout finance paid more than once (what to recover) or may yet pay twice (a later attempt still at
 * finance: what to ask finance to stop), said in words under its claim, so no one reads the row as settled.
 */
function FlaggedPayouts({ payouts }: { payouts: readonly FlaggedPayout[] }) {
  const { t } = useI18n();
  return (
    <div className="error-note" role="note">
      {payouts.map((p) => (
        <div key={p.idempotencyKey} data-testid="flagged-payout" data-key={p.idempotencyKey}>
          {p.overpaidFen > 0 && <p>{t('reconciliation.overpaidWarning', { key: p.idempotencyKey, attempts: p.paidAttempts, amount: formatFen(p.amountFen), overpaid: formatFen(p.overpaidFen) })}</p>}
          {p.duplicateRisk && <p>{t('reconciliation.duplicateRiskWarning', { key: p.idempotencyKey, amount: formatFen(p.amountFen) })}</p>}
        </div>
      ))}
    </div>
  );
}
