import { formatInstant } from '../components/format';
import { Loading, Section } from '../components/page';
import type { Loaded } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { reportsOf } from './evaluation-api';

/** The reports frozen so far (the api lists only the caller's units), newest first as the api gives them. */
export function FrozenReports({ list, current }: { list: Loaded<unknown>; current: string | null }) {
  const { t, language } = useI18n();
  return (
    <Section title={t('evaluation.frozen')} id="evaluation-frozen">
      <Loading loaded={list}>
        {(body) => {
          const reports = reportsOf(body);
          if (reports.length === 0) return <p>{t('evaluation.noFrozen')}</p>;
          return (
            <table data-testid="evaluation-frozen">
              <caption className="visually-hidden">{t('evaluation.frozen')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.period')}</th>
                  <th scope="col">{t('evaluation.asOfShort')}</th>
                  <th scope="col">{t('evaluation.unit')}</th>
                  <th scope="col">{t('evaluation.frozenAt')}</th>
                  <th scope="col">{t('evaluation.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.reportId} data-report={r.reportId}>
                    <td>
                      <Link to={`/evaluation?report=${encodeURIComponent(r.reportId)}`} aria-current={r.reportId === current ? 'true' : undefined}>
                        {r.period}
                      </Link>
                    </td>
                    <td>{r.asOf}</td>
                    <td>{r.unit}</td>
                    <td>{formatInstant(r.frozenAt, language)}</td>
                    <td>
                      <code className="small" title={r.contentHash}>
                        {r.contentHash.slice(0, 12)}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loading>
    </Section>
  );
}
