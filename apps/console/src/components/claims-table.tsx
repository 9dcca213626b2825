import type { ClaimListItem } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { formatFen, shortId } from './format';
import { StatusBadge } from './page';

/** Claims with their state, each a link to its page. */
export function ClaimsTable({ items, caption }: { items: readonly ClaimListItem[]; caption: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <p>{t('claims.empty')}</p>;
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('claims.open')}</th>
          <th scope="col">{t('claims.scheme')}</th>
          <th scope="col">{t('claims.period')}</th>
          <th scope="col">{t('claims.submittedOn')}</th>
          <th scope="col">{t('claims.status')}</th>
          <th scope="col" className="num">{t('claims.total')}</th>
          <th scope="col">{t('claims.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((claim) => (
          <tr key={claim.claimId}>
            <td>
              <Link to={`/claims/${claim.claimId}`} title={claim.claimId}>
                {shortId(claim.claimId)}
              </Link>
            </td>
            <td>{claim.scheme}</td>
            <td>
              {claim.period.from} – {claim.period.to}
            </td>
            <td>{claim.submittedOn}</td>
            <td>
              <StatusBadge status={claim.status} />
            </td>
            <td className="num">{formatFen(claim.totalFen)}</td>
            <td>
              {claim.overridden && <span className="flag">{t('claims.overridden')}</span>}
              {claim.lateFlagsOpen > 0 && <span className="flag">{t('claims.late')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
