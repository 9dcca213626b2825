import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { REJECTION_REASONS, RETURN_REASONS, reviewApi } from '../api/review-api';
import type { Claim } from '../api/types';
import { useAction } from '../api/use-action';
import { hasRole, isClaimant, useUser, type User } from '../api/user';
import { ErrorNote } from '../components/errors';
import { ReasonFields } from '../components/reason-fields';
import { AssignReviewer } from './assign-reviewer';
import { useI18n } from '../i18n/i18n';

type Level = 'check' | 'approve';

/**
 * The steps the caller's roles allow on the claim as it stands (R-CLAIM-3). The api decides: a button shown here can
 * still be refused (a checker approving their own check), and the refusal shows beside the button that was pressed.
 */
export function availableLevel(user: User, status: string | undefined): Level | null {
  if (status === 'READY_FOR_REVIEW' && hasRole(user, 'REVIEWER')) return 'check';
  if (status === 'CHECKED' && hasRole(user, 'APPROVER')) return 'approve';
  return null;
}

export function ReviewActions({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const { t } = useI18n();
  const user = useUser()!;
  const level = availableLevel(user, claim.status);
  const resubmits = claim.status === 'RETURNED' && isClaimant(user);
  // R-CLAIM-3: an administrator reassigns a claim waiting for either step (and releases anyone's).
  const reassigns = hasRole(user, 'ADMIN') && (claim.status === 'READY_FOR_REVIEW' || claim.status === 'CHECKED');
  if (!level && !resubmits && !reassigns) return <p className="muted">{t('claim.noActions')}</p>;
  const assignee = claim.review?.assignee ?? null;
  return (
    <div className="actions">
      {reassigns && <AssignReviewer claim={claim} onDone={onDone} />}
      {reassigns && !level && assignee !== null && <StepButton claimId={claim.claimId} path={reviewApi.unassign} text={t('action.release')} onDone={onDone} testId="release" />}
      {level && assignee === null && <StepButton claimId={claim.claimId} path={reviewApi.assign} text={t('action.claim')} onDone={onDone} testId="take" />}
      {level && assignee !== null && assignee.toLowerCase() === user.userId.toLowerCase() && <StepButton claimId={claim.claimId} path={reviewApi.unassign} text={t('action.release')} onDone={onDone} testId="release" />}
      {level === 'check' && <StepButton claimId={claim.claimId} path={reviewApi.check} text={t('action.check')} onDone={onDone} testId="check" />}
      {level === 'approve' && <StepButton claimId={claim.claimId} path={reviewApi.approve} text={t('action.approve')} onDone={onDone} testId="approve" />}
      {resubmits && <StepButton claimId={claim.claimId} path={reviewApi.resubmit} text={t('action.resubmit')} onDone={onDone} testId="resubmit" />}
      {level && <ReasonForm claimId={claim.claimId} kind="return" onDone={onDone} />}
      {level && <ReasonForm claimId={claim.claimId} kind="reject" onDone={onDone} />}
    </div>
  );
}

/** A step with no input (check, approve, resubmit): one button, its refusal right under it. */
function StepButton({ claimId, path, text, onDone, testId }: { claimId: string; path: (id: string) => string; text: string; onDone: () => void; testId: string }) {
  const { t } = useI18n();
  const action = useAction();
  const errorId = `${testId}-error`;
  const press = async () => {
    if (await action.run((key) => api('POST', path(claimId), { body: {}, idempotencyKey: key }))) onDone();
  };
  return (
    <div className="action">
      <button type="button" className="primary" onClick={press} disabled={action.busy} aria-describedby={action.error ? errorId : undefined} data-testid={`action-${testId}`}>
        {action.busy ? t('action.busy') : text}
      </button>
      <ErrorNote error={action.error} id={errorId} />
    </div>
  );
}

/** Return for correction or reject: a reason code and a written explanation, both required by the api. */
function ReasonForm({ claimId, kind, onDone }: { claimId: string; kind: 'return' | 'reject'; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const codes = kind === 'return' ? RETURN_REASONS : REJECTION_REASONS;
  const [code, setCode] = useState<string>(codes[0]);
  const [text, setText] = useState('');
  const id = `${kind}-form`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run((key) => api('POST', reviewApi[kind](claimId), { body: { reason: { code, text } }, idempotencyKey: key }))) onDone();
  };
  return (
    <details className="action">
      <summary>{t(kind === 'return' ? 'action.return' : 'action.reject')}</summary>
      <form onSubmit={submit} noValidate>
        <ReasonFields id={id} codes={codes} labelPrefix="reason" help={t('action.reasonHelp')} code={code} text={text} onCode={setCode} onText={setText} error={action.error} />
        <ErrorNote error={action.error} shownFields={['reason.code', 'reason.text']} />
        <button type="submit" className={kind === 'reject' ? 'danger' : undefined} disabled={action.busy} data-testid={`action-${kind}`}>
          {action.busy ? t('action.busy') : t(kind === 'return' ? 'action.return' : 'action.reject')}
        </button>
      </form>
    </details>
  );
}
