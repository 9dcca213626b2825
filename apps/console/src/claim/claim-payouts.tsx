import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { hasRole, useUser } from '../api/user';
import { ErrorNote } from '../components/errors';
import { ReasonFields } from '../components/reason-fields';
import { formatFen, formatInstant, shortId } from '../components/format';
import { Loading } from '../components/page';
import { useI18n } from '../i18n/i18n';

/** The codes of apps/api/src/claims/claim-payout-decisions-forms.ts (PAYOUT_CANCELLATION_REASON in libs/domain). */
export const PAYOUT_CANCELLATION_REASONS = ['PAYEE_NOT_ENTITLED', 'BANK_DETAILS_UNAVAILABLE', 'PAYEE_DISSOLVED', 'PAID_BY_OTHER_MEANS', 'OTHER'] as const;

type Answer = { outcome: 'PAID'; bankReference: string; paidOn: string } | { outcome: 'FAILED'; reasonCode: string; failedOn: string } | null;

interface PayoutView {
  readonly idempotencyKey: string;
  readonly payee: { readonly kind: string; readonly id: string };
  readonly amountFen: number;
  readonly status: 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CANCELLED';
  readonly sentToFinanceAt: string | null;
  readonly attempts: readonly { attempt: number; instructionId: string; instructedAt: string; reinstructedBy: string | null; answer: Answer }[];
  readonly cancellation: { attempt: number; cancelledBy: string; cancelledOn: string; reasonCode: string; reasonLength: number } | null;
}

interface ClaimPayouts {
  readonly status: 'NOT_RELEASED' | 'INSTRUCTED' | 'PAID' | 'FAILED' | 'CLOSED';
  readonly releasedFen: number;
  readonly paidFen: number;
  readonly payouts: readonly PayoutView[];
}

const payoutsPath = (claimId: string) => `/api/claims/${claimId}/payouts`;
const decisionPath = (claimId: string, key: string, decision: 'reinstruct' | 'cancel') => `${payoutsPath(claimId)}/${key}/${decision}`;

/**
 * R-PAY-1 "each claim's page shows its payouts": one per payee with its amount, status, every attempt with finance's
 * answer, and when the latest left for finance. A FAILED payout waits for an approver, who re-instructs it or cancels
 * it with a reason (never dropped); the api decides, and its refusal shows beside the button pressed. Ids only: a
 * person payee is shown by its id, as the api gives it.
 */
export function ClaimPayouts({ claimId }: { claimId: string }) {
  const { t, label } = useI18n();
  const loaded = useApi<ClaimPayouts>(payoutsPath(claimId));
  return (
    <Loading loaded={loaded}>
      {(p) =>
        p.payouts.length === 0 ? (
          <p className="muted" data-testid="payouts-none">
            {t('claimPayouts.none')}
          </p>
        ) : (
          <>
            <p data-testid="payouts-summary" data-status={p.status}>
              {label('claimPayouts.claimStatus', p.status)} · {t('claimPayouts.released')} {formatFen(p.releasedFen)} · {t('claimPayouts.paid')} {formatFen(p.paidFen)}
            </p>
            <ul className="payouts">
              {p.payouts.map((payout) => (
                <PayoutItem key={payout.idempotencyKey} claimId={claimId} payout={payout} onDone={loaded.reload} />
              ))}
            </ul>
          </>
        )
      }
    </Loading>
  );
}

function PayoutItem({ claimId, payout, onDone }: { claimId: string; payout: PayoutView; onDone: () => void }) {
  const { t, label, language } = useI18n();
  const user = useUser()!;
  // R-PAY-1: only an approver decides a failed payout (the api answers 403 to anyone else anyway).
  const decides = payout.status === 'FAILED' && hasRole(user, 'APPROVER');
  return (
    <li className="card payout" data-testid="payout" data-key={payout.idempotencyKey} data-status={payout.status}>
      <dl className="facts">
        <dt>{t('claimPayouts.payee')}</dt>
        <dd title={payout.payee.id}>
          {label('claimPayouts.payeeKind', payout.payee.kind)} {shortId(payout.payee.id)}
        </dd>
        <dt>{t('claimPayouts.amount')}</dt>
        <dd data-testid="payout-amount">{formatFen(payout.amountFen)}</dd>
        <dt>{t('claimPayouts.status')}</dt>
        <dd data-testid="payout-status">
          <span className={`badge badge-${payout.status.toLowerCase()}`}>{label('claimPayouts.status', payout.status)}</span>
        </dd>
        <dt>{t('claimPayouts.sentToFinance')}</dt>
        <dd data-testid="payout-sent">{payout.sentToFinanceAt === null ? t('claimPayouts.waitingInOutbox') : formatInstant(payout.sentToFinanceAt, language)}</dd>
        {payout.cancellation && (
          <>
            <dt>{t('claimPayouts.cancelled')}</dt>
            <dd data-testid="payout-cancellation">
              {label('payoutReason', payout.cancellation.reasonCode)} · {payout.cancellation.cancelledOn} · {shortId(payout.cancellation.cancelledBy)}
            </dd>
          </>
        )}
      </dl>
      <table>
        <caption>{t('claimPayouts.attempts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimPayouts.attempt')}</th>
            <th scope="col">{t('claimPayouts.instructedAt')}</th>
            <th scope="col">{t('claimPayouts.answer')}</th>
          </tr>
        </thead>
        <tbody>
          {payout.attempts.map((a) => (
            <tr key={a.attempt} data-testid="payout-attempt" data-attempt={a.attempt} data-outcome={a.answer?.outcome ?? 'NONE'}>
              <td>{a.attempt}</td>
              <td>
                {formatInstant(a.instructedAt, language)}
                {a.reinstructedBy && ` · ${t('claimPayouts.reinstructedBy', { id: shortId(a.reinstructedBy) })}`}
              </td>
              <td>
                <AnswerText answer={a.answer} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {decides && (
        <div className="actions">
          <ReinstructButton claimId={claimId} payoutKey={payout.idempotencyKey} onDone={onDone} />
          <CancelForm claimId={claimId} payoutKey={payout.idempotencyKey} onDone={onDone} />
        </div>
      )}
    </li>
  );
}

/** Finance's answer: paid on a day with the bank's reference, or failed with finance's reason code; none yet. */
function AnswerText({ answer }: { answer: Answer }) {
  const { t, label } = useI18n();
  if (answer === null) return <span className="muted">{t('claimPayouts.noAnswer')}</span>;
  if (answer.outcome === 'PAID') return <>{t('claimPayouts.paidOn', { day: answer.paidOn, reference: answer.bankReference })}</>;
  return <>{t('claimPayouts.failedOn', { day: answer.failedOn, reason: label('financeReason', answer.reasonCode) })}</>;
}

/** R-PAY-1: the next attempt under the same key; the button's Idempotency-Key makes a double press harmless. */
function ReinstructButton({ claimId, payoutKey, onDone }: { claimId: string; payoutKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const errorId = `reinstruct-${payoutKey}-error`;
  const press = async () => {
    if (await action.run((key) => api('POST', decisionPath(claimId, payoutKey, 'reinstruct'), { body: {}, idempotencyKey: key }))) onDone();
  };
  return (
    <div className="action">
      <button type="button" className="primary" onClick={press} disabled={action.busy} aria-describedby={action.error ? errorId : undefined} data-testid="payout-reinstruct">
        {action.busy ? t('action.busy') : t('claimPayouts.reinstruct')}
      </button>
      <ErrorNote error={action.error} id={errorId} />
    </div>
  );
}

/** R-PAY-1: closing a failed payout for good takes a reason code and a written reason (5 to 2000 characters, api-checked). */
function CancelForm({ claimId, payoutKey, onDone }: { claimId: string; payoutKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [code, setCode] = useState<string>(PAYOUT_CANCELLATION_REASONS[0]);
  const [text, setText] = useState('');
  const id = `cancel-${payoutKey.slice(0, 12)}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run((key) => api('POST', decisionPath(claimId, payoutKey, 'cancel'), { body: { reason: { code, text } }, idempotencyKey: key }))) onDone();
  };
  return (
    <details className="action">
      <summary>{t('claimPayouts.cancel')}</summary>
      <form onSubmit={submit} noValidate data-testid="payout-cancel-form">
        <ReasonFields id={id} codes={PAYOUT_CANCELLATION_REASONS} labelPrefix="payoutReason" help={t('claimPayouts.cancelHelp')} code={code} text={text} onCode={setCode} onText={setText} error={action.error} testId="payout-cancel" />
        <ErrorNote error={action.error} shownFields={['reason.code', 'reason.text']} />
        <button type="submit" className="danger" disabled={action.busy} data-testid="payout-cancel">
          {action.busy ? t('action.busy') : t('claimPayouts.cancel')}
        </button>
      </form>
    </details>
  );
}
