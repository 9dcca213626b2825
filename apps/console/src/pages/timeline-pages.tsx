import type { TimelineEvent, Trainee } from '../api/types';
import { useApi } from '../api/use-api';
import { formatInstant, maskName, shortId } from '../components/format';
import { Loading, Page } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

/**
 * R-MON-1: every event of a cohort in order, with who did what and when. The events carry ids only; a trainee is
 * shown by the masked name (surname and stars) whatever the reader's role, since a timeline is for following what
 * happened, not for identifying people.
 */
export function CohortTimelinePage({ cohortId }: { cohortId: string }) {
  const { t } = useI18n();
  const timeline = useApi<{ events: TimelineEvent[] }>(`/api/timelines/cohorts/${cohortId}`);
  const trainees = useApi<{ items: Trainee[] }>(`/api/cohorts/${cohortId}/trainees`);
  const names = new Map((trainees.data?.items ?? []).map((trainee) => [trainee.labourerId, trainee.name ? maskName(trainee.name) : undefined]));
  return (
    <Page title={t('timeline.cohortTitle')} actions={<Link to={`/cohorts/${cohortId}`}>{t('app.back')}</Link>}>
      <p className="muted">{t('timeline.masked')}</p>
      <Loading loaded={timeline}>{(data) => <EventTable events={data.events} names={names} />}</Loading>
    </Page>
  );
}

/** Who a person's timeline is about, as the api serves it: name and ID number already masked, whatever the role. */
interface MaskedPerson {
  readonly name: string | null;
  readonly idNumber: string | null;
  readonly registeredOn: string;
}

/**
 * R-MON-1: every event about one person (card, free-training ledger, attendance, results, certificates, jobs). The api
 * masks the person (GET /api/timelines/labourers/:id `person`): the full name and ID number never reach the browser.
 */
export function PersonTimelinePage({ labourerId }: { labourerId: string }) {
  const { t } = useI18n();
  const timeline = useApi<{ person: MaskedPerson; events: TimelineEvent[] }>(`/api/timelines/labourers/${labourerId}`);
  const names = new Map([[labourerId, timeline.data?.person.name ?? undefined]]);
  return (
    <Page title={t('timeline.personTitle')}>
      <p className="muted">{t('timeline.masked')}</p>
      <Loading loaded={timeline}>
        {({ person, events }) => (
          <>
            <dl className="facts card">
              <dt>{t('timeline.name')}</dt>
              <dd data-testid="masked-name">{person.name ?? '—'}</dd>
              <dt>{t('timeline.idNumber')}</dt>
              <dd data-testid="masked-id">{person.idNumber ?? '—'}</dd>
              <dt>{t('timeline.registeredOn')}</dt>
              <dd>{person.registeredOn}</dd>
            </dl>
            <EventTable events={events} names={names} />
          </>
        )}
      </Loading>
    </Page>
  );
}

function EventTable({ events, names }: { events: readonly TimelineEvent[]; names: ReadonlyMap<string, string | undefined> }) {
  const { t, language, label } = useI18n();
  return (
    <table className="timeline">
      <thead>
        <tr>
          <th scope="col">{t('timeline.when')}</th>
          <th scope="col">{t('timeline.recorded')}</th>
          <th scope="col">{t('timeline.event')}</th>
          <th scope="col">{t('timeline.actor')}</th>
          <th scope="col">{t('timeline.details')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.position}>
            <td>{formatInstant(event.occurredAt, language)}</td>
            <td className="muted">{formatInstant(event.recordedAt, language)}</td>
            <td>{label('event', event.type)}</td>
            <td title={event.actor}>{shortId(event.actor)}</td>
            <td className="small">{summary(event.data, names)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The event's own facts in one line: ids shortened, a person by masked name, nested values as compact JSON. */
function summary(data: Readonly<Record<string, unknown>>, names: ReadonlyMap<string, string | undefined>): string {
  return Object.entries(data)
    .filter(([key]) => key !== 'cohortId')
    .map(([key, value]) => {
      if (key === 'labourerId' && typeof value === 'string') return `${names.get(value) ?? ''} ${shortId(value)}`.trim();
      if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value)) return `${key}=${shortId(value)}`;
      return `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
    })
    .join(' · ');
}
