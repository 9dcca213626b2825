import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { reviewApi } from '../api/review-api';
import type { Claim } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { useI18n } from '../i18n/i18n';

interface AccountItem {
  readonly userId: string;
  readonly username: string;
}

const sameId = (a: string | undefined | null, b: string) => a?.toLowerCase() === b.toLowerCase();

/**
 * R-CLAIM-3: an administrator gives a queued claim to an account holding the role of the step it waits for (a
 * reviewer to check, an approver to approve). The claim's submitter, and for approval its checker, are left out of the
 * list; the api refuses them anyway, beside the field.
 */
export function AssignReviewer({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const role = claim.status === 'CHECKED' ? 'APPROVER' : 'REVIEWER';
  const accounts = useApi<{ items: AccountItem[] }>(reviewApi.accounts(role));
  const [assigneeId, setAssigneeId] = useState('');
  const excluded = [claim.submittedBy.accountId, claim.review?.check?.by];
  const choices = (accounts.data?.items ?? []).filter((a) => !excluded.some((id) => sameId(id, a.userId)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run((key) => api('POST', reviewApi.assign(claim.claimId), { body: { assigneeId }, idempotencyKey: key }))) {
      setAssigneeId('');
      onDone();
    }
  };
  return (
    <form className="action inline-form" onSubmit={submit} aria-labelledby="assign-title" noValidate>
      <p id="assign-title">{t(role === 'APPROVER' ? 'assign.titleApprover' : 'assign.titleReviewer')}</p>
      <div className="field">
        <label htmlFor="assign-to">{t('assign.to')}</label>
        <select id="assign-to" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} {...fieldProps(action.error, 'assigneeId', 'assign-to-error')}>
          <option value="">{t('assign.choose')}</option>
          {choices.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.username}
            </option>
          ))}
        </select>
        <FieldError error={action.error} field="assigneeId" id="assign-to-error" />
      </div>
      <ErrorNote error={action.error ?? accounts.error} shownFields={['assigneeId']} />
      <button type="submit" disabled={action.busy || assigneeId === ''} data-testid="action-assign">
        {action.busy ? t('action.busy') : t('assign.submit')}
      </button>
    </form>
  );
}
