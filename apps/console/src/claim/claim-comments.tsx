import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { reviewApi } from '../api/review-api';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { ErrorNote, FieldError, fieldProps } from '../components/errors';
import { formatInstant, shortId } from '../components/format';
import { Loading } from '../components/page';
import { useI18n } from '../i18n/i18n';

interface Comment {
  readonly commentId: string;
  readonly text: string | null;
  readonly author: { readonly accountId: string; readonly side: string };
  readonly addedAt: string;
}

/** Comments left at any step (R-CLAIM-3), and a form to add one. */
export function ClaimComments({ claimId }: { claimId: string }) {
  const { t, language } = useI18n();
  const comments = useApi<{ items: Comment[] }>(reviewApi.comments(claimId));
  const action = useAction();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run((key) => api('POST', reviewApi.comments(claimId), { body: { text }, idempotencyKey: key }))) {
      setText('');
      comments.reload();
    }
  };
  return (
    <>
      <Loading loaded={comments}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('comment.empty')}</p>
          ) : (
            <ol className="comments">
              {data.items.map((comment) => (
                <li key={comment.commentId}>
                  <p className="muted small">
                    {formatInstant(comment.addedAt, language)} · <span title={comment.author.accountId}>{shortId(comment.author.accountId)}</span> ({comment.author.side})
                  </p>
                  <p>{comment.text ?? '—'}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Loading>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="comment-text">{t('comment.text')}</label>
          <textarea id="comment-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} {...fieldProps(action.error, 'text', 'comment-text-error')} />
          <FieldError error={action.error} field="text" id="comment-text-error" />
        </div>
        <ErrorNote error={action.error} shownFields={['text']} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('action.busy') : t('comment.add')}
        </button>
      </form>
    </>
  );
}
