import { download } from '../api/client';
import { hasRole, useUser } from '../api/user';
import { useAction } from '../api/use-action';
import { useI18n } from '../i18n/i18n';
import { ErrorNote } from './errors';

/** The day of the export in Asia/Shanghai, as the api names the file (en-CA formats a date as YYYY-MM-DD). */
const shanghaiToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * R-PAY-1, without KAFKA_BROKERS: finance, approvers and admins download the payout instructions waiting in the
 * outbox as a CSV file (GET /api/payouts/outbox.csv). Nothing for other roles, who would get a 403.
 */
export function PayoutExportButton() {
  const user = useUser();
  const { t } = useI18n();
  const action = useAction();
  if (!user || !hasRole(user, 'FINANCE', 'APPROVER', 'ADMIN')) return null;
  return (
    <p className="payout-export">
      <button type="button" title={t('payouts.exportHelp')} disabled={action.busy} onClick={() => action.run(() => download('/api/payouts/outbox.csv', `payout-instructions-${shanghaiToday()}.csv`))}>
        {action.busy ? t('payouts.exporting') : t('payouts.export')}
      </button>
      <ErrorNote error={action.error} />
    </p>
  );
}
