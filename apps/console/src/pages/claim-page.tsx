import { useState } from 'react';
import type { Claim } from '../api/types';
import { isBureau, useUser } from '../api/user';
import { useApi } from '../api/use-api';
import { ClaimComments } from '../claim/claim-comments';
import { ClaimEvidence } from '../claim/claim-evidence';
import { ClaimGates } from '../claim/claim-gates';
import { ClaimHistory } from '../claim/claim-history';
import { ClaimLines } from '../claim/claim-lines';
import { ClaimOverrides } from '../claim/claim-overrides';
import { ClaimPayouts } from '../claim/claim-payouts';
import { ReviewActions } from '../claim/review-actions';
import { CohortRates } from '../components/cohort-rates';
import { formatFen, shortId } from '../components/format';
import { Loading, Page, Section, StatusBadge } from '../components/page';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import type { ClaimReview } from '../api/types';


type ClaimView = Claim & { overriddenLineIds?: string[]; overriddenGates?: string[] };

/**
 * One claim as a reviewer works it: the actions open to the caller first, then the lines with their explanations,
 * the gates, the cohort's three rates with the explain list, overrides, evidence, comments and the history.
 */
export function ClaimPage({ claimId }: { claimId: string }) {
  const { t } = useI18n();
  const user = useUser()!;
  const claim = useApi<ClaimView>(`/api/claims/${claimId}`);
  // Counts the steps taken on the page: some (a reassignment, an override proposed) leave the status as it was.
  const [steps, setSteps] = useState(0);
  const stepTaken = () => {
    setSteps((n) => n + 1);
    claim.reload();
  };
  const bureau = isBureau(user);
  return (
    <Page title={t('claim.title', { id: shortId(claimId) })}>
      <Loading loaded={claim}>
        {(c) => (
          <>
            <dl className="facts card">
              <dt>{t('claims.scheme')}</dt>
              <dd>{c.scheme}</dd>
              <dt>{t('claims.status')}</dt>
              <dd data-testid="claim-status" data-status={c.status}>
                {c.status && <StatusBadge status={c.status} />}
                {c.overridden && <span className="flag">{t('claims.overridden')}</span>}
                {(c.lateFlagsOpen ?? 0) > 0 && <span className="flag">{t('claims.late')}</span>}
              </dd>
              <dt>{t('claims.total')}</dt>
              <dd>{c.totalFen === undefined ? '—' : formatFen(c.totalFen)}</dd>
              <dt>{t('claims.subject')}</dt>
              <dd>{c.subject.kind === 'COHORT' ? <Link to={`/cohorts/${c.subject.id}`}>{`${c.subject.kind} ${shortId(c.subject.id)}`}</Link> : `${c.subject.kind} ${shortId(c.subject.id)}`}</dd>
              <dt>{t('claims.period')}</dt>
              <dd>
                {c.period.from} – {c.period.to}
              </dd>
              <dt>{t('claims.submittedOn')}</dt>
              <dd>{c.submittedOn}</dd>
              <dt>{t('claim.organisation')}</dt>
              <dd title={c.submittedBy.organisation.id}>
                {c.submittedBy.organisation.kind} {shortId(c.submittedBy.organisation.id)}
              </dd>
              {c.tier && (
                <>
                  <dt>{t('claim.tier')}</dt>
                  <dd>{c.tier}</dd>
                </>
              )}
              {c.review && <ReviewFacts review={c.review} />}
              {c.adjusts && (
                <>
                  <dt>{t('claim.adjusts')}</dt>
                  <dd>
                    <Link to={`/claims/${c.adjusts.claimId}`}>{shortId(c.adjusts.claimId)}</Link>
                  </dd>
                </>
              )}
            </dl>
            <Section title={t('claim.actionsTitle')} id="actions">
              <ReviewActions claim={c} onDone={stepTaken} />
            </Section>
            <Section title={t('claim.linesTitle')} id="lines">
              <ClaimLines lines={c.lines} personLinks={bureau} overriddenLineIds={c.overriddenLineIds ?? []} />
            </Section>
            {c.gates && c.gates.length > 0 && (
              <Section title={t('claim.gatesTitle')} id="gates">
                <ClaimGates gates={c.gates} overriddenGates={c.overriddenGates ?? []} />
              </Section>
            )}
            {c.subject.kind === 'COHORT' && (
              <Section title={t('claim.ratesTitle')} id="rates">
                <p>
                  <Link to={`/cohorts/${c.subject.id}/timeline`}>{t('claim.timeline')}</Link>
                </p>
                <CohortRates cohortId={c.subject.id} personLinks={bureau} />
              </Section>
            )}
            {bureau && (
              <Section title={t('claim.overridesTitle')} id="overrides">
                <ClaimOverrides key={c.status} claim={c} onDone={stepTaken} />
              </Section>
            )}
            <Section title={t('claim.payoutsTitle')} id="payouts">
              {/* R-PAY-1: keyed by the status, so a release taken on this page reads the payouts it instructed. */}
              <ClaimPayouts key={c.status} claimId={c.claimId} />
            </Section>
            <Section title={t('claim.evidenceTitle')} id="evidence">
              <ClaimEvidence claimId={c.claimId} />
            </Section>
            <Section title={t('claim.commentsTitle')} id="comments">
              <ClaimComments claimId={c.claimId} />
            </Section>
            <Section title={t('claim.historyTitle')} id="history">
              {/* Keyed by the status and the steps taken here: each step taken on the page reads the history again. */}
              <ClaimHistory key={`${c.status}:${steps}`} claimId={c.claimId} />
            </Section>
          </>
        )}
      </Loading>
    </Page>
  );
}

/** Who holds the claim and who took each level's step (account ids; the history has every step with its reason). */
function ReviewFacts({ review }: { review: ClaimReview }) {
  const { t, label } = useI18n();
  const user = useUser()!;
  const who = (id: string) => (id.toLowerCase() === user.userId.toLowerCase() ? t('queue.you') : shortId(id));
  return (
    <>
      <dt>{t('queue.assignee')}</dt>
      <dd data-testid="assignee">{review.assignee ? who(review.assignee) : t('queue.unassigned')}</dd>
      {review.check && (
        <>
          <dt>{t('action.check')}</dt>
          <dd>
            {who(review.check.by)} · {review.check.on}
          </dd>
        </>
      )}
      {review.approval && (
        <>
          <dt>{t('action.approve')}</dt>
          <dd>
            {who(review.approval.by)} · {review.approval.on}
            {review.approval.noticeEndsOn && ` · ${t('notices.period')} → ${review.approval.noticeEndsOn}`}
          </dd>
        </>
      )}
      {(review.returned ?? review.rejected) && (
        <>
          <dt>{t(review.returned ? 'action.return' : 'action.reject')}</dt>
          <dd>
            {label('reason', (review.returned ?? review.rejected)!.code)} · {(review.returned ?? review.rejected)!.on}
          </dd>
        </>
      )}
    </>
  );
}
