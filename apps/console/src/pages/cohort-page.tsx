import type { Cohort, Trainee } from '../api/types';
import { hasRole, isBureau, useUser } from '../api/user';
import { afterWrite, useApi } from '../api/use-api';
import { AttendanceUpload } from '../components/attendance-upload';
import { CohortRates } from '../components/cohort-rates';
import { shortId } from '../components/format';
import { Loading, Page, Section, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** One cohort: its plan and state, the attendance upload with its row report, its trainees and its three rates. */
export function CohortPage({ cohortId }: { cohortId: string }) {
  const { t } = useI18n();
  const user = useUser()!;
  const cohort = useApi<Cohort>(`/api/cohorts/${cohortId}`);
  const trainees = useApi<{ items: Trainee[] }>(`/api/cohorts/${cohortId}/trainees`);
  const title = t('cohort.title', { name: cohort.data?.occupation ?? shortId(cohortId) });
  return (
    <Page title={title} actions={<Link to={`/cohorts/${cohortId}/timeline`}>{t('cohort.timeline')}</Link>}>
      <Loading loaded={cohort}>
        {(c) => (
          <>
            <dl className="facts card">
              <dt>{t('cohort.programme')}</dt>
              <dd>{c.programmeType}</dd>
              <dt>{t('cohort.level')}</dt>
              <dd>{c.level}</dd>
              <dt>{t('cohort.dates')}</dt>
              <dd>
                {c.plannedStartOn} – {c.plannedEndOn} ({c.plannedDays})
              </dd>
              <dt>{t('cohort.status')}</dt>
              <dd>
                <StatusBadge status={c.status} />
              </dd>
              <dt>{t('cohort.enrolled')}</dt>
              <dd>{c.enrolledCount}</dd>
            </dl>
            {hasRole(user, 'PROVIDER') && (c.status === 'started' || c.status === 'completed') && (
              <Section title={t('cohort.uploadTitle')} id="upload">
                <AttendanceUpload cohortId={cohortId} onSaved={() => afterWrite(trainees.reload)} />
              </Section>
            )}
          </>
        )}
      </Loading>
      <Section title={t('cohort.trainees')} id="trainees">
        <Loading loaded={trainees}>{(page) => <TraineeTable items={page.items} personLinks={isBureau(user)} />}</Loading>
      </Section>
      <Section title={t('claim.ratesTitle')} id="rates">
        <CohortRates cohortId={cohortId} personLinks={isBureau(user)} />
      </Section>
    </Page>
  );
}

function TraineeTable({ items, personLinks }: { items: readonly Trainee[]; personLinks: boolean }) {
  const { t, label } = useI18n();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('claim.person')}</th>
          <th scope="col">{t('cohort.name')}</th>
          <th scope="col">{t('cohort.status')}</th>
          <th scope="col" className="num">{t('cohort.days')}</th>
          <th scope="col">{t('cohort.assessment')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((trainee) => (
          <tr key={trainee.labourerId}>
            {/* The full id: it is what an attendance file names. */}
            <td>{personLinks ? <Link to={`/people/${trainee.labourerId}/timeline`}><code>{trainee.labourerId}</code></Link> : <code>{trainee.labourerId}</code>}</td>
            <td>{trainee.name ?? '—'}</td>
            <td>{label('status', trainee.status)}</td>
            <td className="num">{trainee.daysAttended}</td>
            <td>{trainee.assessment?.result ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
