import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Claim } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { hasRole, useUser } from '../api/user';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { shortId } from '../components/format';
import { Loading, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';

interface Override {
  readonly overrideId: string;
  readonly target: { readonly kind: 'LINE'; readonly lineId: string; readonly amountFen: number } | { readonly kind: 'GATE'; readonly gate: string };
  readonly status: string;
  readonly proposedBy: string;
  readonly proposedOn: string;
  readonly justificationText?: string | null;
}

const REJECTION = ['JUSTIFICATION_INSUFFICIENT', 'EVIDENCE_MISSING', 'AMOUNT_NOT_SUPPORTED', 'POLICY_APPLIES', 'DUPLICATE'] as const;

/**
 * R-CLAIM-4: a "no rule" line or a failed gate is approved only with a written justification (the reviewer's) and
 * the consent of a second person (an approver), given here by ticking the consent box before approving.
 */
export function ClaimOverrides({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const { t, label } = useI18n();
  const user = useUser()!;
  const overrides = useApi<{ items: Override[] }>(`/api/claims/${claim.claimId}/overrides`);
  const changed = () => {
    overrides.reload();
    onDone();
  };
  const targets = [
    ...claim.lines.filter((line) => line.outcome === 'NO_RULE').map((line) => ({ value: `LINE:${line.lineId}`, text: `${t('claim.noRule')} ${shortId(line.lineId)}` })),
    ...(claim.gates ?? []).filter((gate) => gate.status === 'FAILED').map((gate) => ({ value: `GATE:${gate.gate}`, text: label('gate', gate.gate) })),
  ];
  return (
    <>
      <Loading loaded={overrides}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('app.none')}</p>
          ) : (
            <ul className="overrides">
              {data.items.map((o) => (
                <li key={o.overrideId} data-override={o.overrideId} data-status={o.status}>
                  <StatusBadge status={o.status} /> {o.target.kind === 'GATE' ? label('gate', o.target.gate) : `${shortId(o.target.lineId)} → ${o.target.amountFen} fen`} · {o.proposedOn}
                  {o.justificationText && <blockquote>{o.justificationText}</blockquote>}
                  {o.status === 'PROPOSED' && hasRole(user, 'APPROVER') && <DecideOverride claimId={claim.claimId} overrideId={o.overrideId} onDone={changed} />}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
      {hasRole(user, 'REVIEWER') && targets.length > 0 && <ProposeOverride claimId={claim.claimId} targets={targets} onDone={changed} />}
    </>
  );
}

function ProposeOverride({ claimId, targets, onDone }: { claimId: string; targets: { value: string; text: string }[]; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [target, setTarget] = useState(targets[0]!.value);
  const [amountYuan, setAmountYuan] = useState('');
  const [justification, setJustification] = useState('');
  const [kind, id] = target.split(':') as ['LINE' | 'GATE', string];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Yuan typed with at most two decimals becomes whole fen without floating point.
    const [whole = '0', cents = ''] = amountYuan.trim().split('.');
    const amountFen = Number(whole) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
    const body = { target: kind === 'LINE' ? { kind, lineId: id, amountFen } : { kind, gate: id }, justification };
    if (await action.run((key) => api('POST', `/api/claims/${claimId}/overrides`, { body, idempotencyKey: key }))) onDone();
  };
  return (
    <details className="action">
      <summary>{t('override.propose')}</summary>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="override-target">{t('override.target')}</label>
          <select id="override-target" value={target} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((option) => (
              <option key={option.value} value={option.value}>
                {option.text}
              </option>
            ))}
          </select>
        </div>
        {kind === 'LINE' && (
          <div className="field">
            <label htmlFor="override-amount">{t('override.amount')}</label>
            <input id="override-amount" inputMode="decimal" value={amountYuan} onChange={(e) => setAmountYuan(e.target.value)} {...fieldProps(action.error, 'target.amountFen', 'override-amount-error')} />
            <FieldError error={action.error} field="target.amountFen" id="override-amount-error" />
          </div>
        )}
        <div className="field">
          <label htmlFor="override-justification">{t('action.justification')}</label>
          <textarea id="override-justification" rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} {...fieldProps(action.error, 'justification', 'override-justification-error')} />
          <FieldError error={action.error} field="justification" id="override-justification-error" />
        </div>
        <ErrorNote error={action.error} shownFields={['justification', 'target.amountFen']} />
        <button type="submit" disabled={action.busy}>
          {t('override.propose')}
        </button>
      </form>
    </details>
  );
}

function DecideOverride({ claimId, overrideId, onDone }: { claimId: string; overrideId: string; onDone: () => void }) {
  const { t, label } = useI18n();
  const approve = useAction();
  const reject = useAction();
  const [consent, setConsent] = useState(false);
  const [reason, setReason] = useState<string>(REJECTION[0]);
  const base = `/api/claims/${claimId}/overrides/${overrideId}`;
  const approveErrorId = `override-approve-error-${overrideId}`;
  return (
    <div className="actions">
      <div className="action">
        <label className="check">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> {t('action.consent')}
        </label>
        <button
          type="button"
          className="primary"
          disabled={!consent || approve.busy}
          aria-describedby={approve.error ? approveErrorId : undefined}
          data-testid="override-approve"
          onClick={async () => (await approve.run((key) => api('POST', `${base}/approve`, { body: {}, idempotencyKey: key }))) && onDone()}
        >
          {t('override.approve')}
        </button>
        <ErrorNote error={approve.error} id={approveErrorId} />
      </div>
      <div className="action">
        <label htmlFor={`reject-${overrideId}`}>{t('action.reasonCode')}</label>
        <select id={`reject-${overrideId}`} value={reason} onChange={(e) => setReason(e.target.value)}>
          {REJECTION.map((code) => (
            <option key={code} value={code}>
              {label('overrideReason', code)}
            </option>
          ))}
        </select>
        <button type="button" disabled={reject.busy} onClick={async () => (await reject.run((key) => api('POST', `${base}/reject`, { body: { reason }, idempotencyKey: key }))) && onDone()}>
          {t('override.reject')}
        </button>
        <ErrorNote error={reject.error} />
      </div>
    </div>
  );
}
