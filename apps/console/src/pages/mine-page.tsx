import type { ClaimListItem, CohortSummary } from '../api/types';
import { hasRole, useUser } from '../api/user';
import { useApi } from '../api/use-api';
import { ClaimsTable } from '../components/claims-table';
import { Loading, Page, Section, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** A provider's or an enterprise's own view: its cohorts (each with uploads and rates) and its claims with their states. */
export function MinePage() {
  const { t } = useI18n();
  const user = useUser()!;
  const showsCohorts = hasRole(user, 'PROVIDER', 'SUBDISTRICT_OFFICER');
  const showsClaims = hasRole(user, 'PROVIDER', 'ENTERPRISE');
  const cohorts = useApi<{ items: CohortSummary[]; total: number }>(showsCohorts ? '/api/cohorts?pageSize=100' : null);
  const claims = useApi<{ items: ClaimListItem[]; total: number }>(showsClaims ? '/api/claims?limit=200' : null);
  return (
    <Page title={t('mine.title')}>
      {showsCohorts && (
        <Section title={t('mine.cohorts')} id="cohorts">
          <Loading loaded={cohorts}>{(page) => <CohortList items={page.items} />}</Loading>
        </Section>
      )}
      {showsClaims && (
        <Section title={t('mine.claims')} id="claims">
          <Loading loaded={claims}>{(page) => <ClaimsTable items={page.items} caption={t('mine.claims')} />}</Loading>
        </Section>
      )}
    </Page>
  );
}

function CohortList({ items }: { items: readonly CohortSummary[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p>{t('mine.noCohorts')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('cohort.occupation')}</th>
          <th scope="col">{t('cohort.programme')}</th>
          <th scope="col">{t('cohort.dates')}</th>
          <th scope="col">{t('cohort.status')}</th>
          <th scope="col" className="num">{t('cohort.enrolled')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((cohort) => (
          <tr key={cohort.cohortId}>
            <td>
              <Link to={`/cohorts/${cohort.cohortId}`}>{cohort.occupation}</Link>
            </td>
            <td>{cohort.programmeType}</td>
            <td>
              {cohort.plannedStart} – {cohort.plannedEnd}
            </td>
            <td>
              <StatusBadge status={cohort.status} />
            </td>
            <td className="num">{cohort.enrolledCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
