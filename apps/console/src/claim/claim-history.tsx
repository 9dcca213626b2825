import { reviewApi } from '../api/review-api';
import { useApi } from '../api/use-api';
import { formatInstant, shortId } from '../components/format';
import { Loading } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { useUser } from '../api/user';

export interface HistoryEntry {
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly reason?: { readonly code: string; readonly text?: string | null } | null;
}

/** Every step of the claim as an event with its actor, time and reason (R-CLAIM-3), oldest first. */
export function ClaimHistory({ claimId }: { claimId: string }) {
  const history = useApi<{ items: HistoryEntry[] }>(reviewApi.history(claimId));
  const { t, language, label } = useI18n();
  const user = useUser();
  const who = (id: string) => (user && id.toLowerCase() === user.userId.toLowerCase() ? t('queue.you') : shortId(id));
  return (
    <Loading loaded={history}>
      {(data) =>
        data.items.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry, i) => (
                <tr key={i} data-event={entry.type}>
                  <td>{formatInstant(entry.occurredAt, language)}</td>
                  <td>{label('event', entry.type)}</td>
                  <td title={entry.actor}>{who(entry.actor)}</td>
                  <td>{entry.reason ? `${label('reason', entry.reason.code)}${entry.reason.text ? `: ${entry.reason.text}` : ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Loading>
  );
}
