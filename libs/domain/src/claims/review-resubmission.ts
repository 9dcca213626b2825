import { shanghaiDateOf } from '../shared/calendar-date';
import { sameId } from '../training/cohort-roster';
import type { ClaimState } from './claim.decider';
import * as claimErrors from './claim.errors';
import type { ClaimLine } from './claim.events';
import { assertLinesMatchTier, releaseOf } from './claim-release';
import { isDecidedTier, statusWith } from './claim-gate-outcome';
import { withAmount } from './override.decisions';
import { overriddenGates } from './override.rules';
import type { ResubmitClaim } from './review.commands';
import * as errors from './review.errors';
import type { ClaimResubmitted } from './review.events';
import { lifecycleStatusOf } from './review.evolve';
import { assertStage } from './review.rules';
import type { ClaimReview } from './review.state';

/**
 * R-CLAIM-3 "the submitter fixes the underlying records and resubmits": the returned claim computed again by its
 * scheme's source, under the same claim id. It must be ready for review as it stands today (its gates holding, or set
 * aside by an approved override, R-CLAIM-4) and, for R-FREE-4, at the tier already decided: a resubmission corrects
 * the records of a claim, it does not decide its outcome again (R-GATE-4), unless a late-change flag found the new
 * tier already. Approved line overrides stay with their
 * line while it is still "no rule"; a line that is no longer "no rule" is paid by its rule.
 */
export function decideResubmission(command: ResubmitClaim, state: ClaimState, review: ClaimReview | null): ClaimResubmitted {
  if (state.status === 'absent') throw claimErrors.claimNotFound(command.claimId);
  if (state.status === 'adjustment') throw errors.adjustmentNotReturnable();
  const { claim } = state;
  assertStage(claim.claimId, review, lifecycleStatusOf(state), ['RETURNED'], 'resubmitted');
  const organisation = command.submittedBy.organisation;
  if (organisation.kind !== claim.submittedBy.organisation.kind || !sameId(organisation.id, claim.submittedBy.organisation.id)) throw errors.notSubmittersOrganisation(claim.claimId);
  const { lines, period } = command;
  const reserving = lines.filter((line) => line.outcome !== 'REFUSED');
  if (reserving.length === 0) throw claimErrors.nothingToClaim(lines.map((line) => ({ ...(line.labourerId ? { labourerId: line.labourerId } : {}), code: line.outcome === 'REFUSED' ? line.reason.code : line.outcome })));
  if (new Set(reserving.map((line) => line.paymentKey)).size !== reserving.length) throw claimErrors.duplicateLineKey();
  const outside = lines.find((line) => line.period.from < period.from || line.period.to > period.to);
  if (outside) throw claimErrors.lineOutsidePeriod(outside.lineId);

  const release = releaseOf(claim.scheme, command.gates, isDecidedTier(claim.tier));
  const setAside = overriddenGates(state.overrides);
  const status = statusWith(release.gates, setAside);
  if (status !== 'READY_FOR_REVIEW') throw errors.resubmissionNotReady(status, release.gates.filter((g) => g.status !== 'HOLDING' && !setAside.has(g.gate)).map((g) => g.gate));
  // R-GATE-4: a resubmission does not decide the outcome again, but a tier a late-change flag has found already (the
  // claim could not be approved at its old one, review-late-outcome.ts) is the outcome it is computed at.
  const flagged = isDecidedTier(release.tier) && release.tier === state.lateOutcome?.tier;
  if (claim.tier !== release.tier && !flagged) throw errors.resubmissionTierChanged(claim.tier, release.tier);
  assertLinesMatchTier(claim.scheme, release.tier, lines);

  const lineOverrides = state.overrides.flatMap((o) => (o.status === 'APPROVED' && o.target.kind === 'LINE' ? [o.target] : []));
  const paid: ClaimLine[] = lines.map((line) => {
    const override = lineOverrides.find((o) => sameId(o.lineId, line.lineId));
    return override ? withAmount(line, override.amountFen) : line;
  });
  const totalFen = paid.reduce((sum, line) => (line.outcome === 'AMOUNT' ? sum + line.amountFen : sum), 0);
  const before = new Set(claim.lines.flatMap((line) => (line.outcome === 'REFUSED' ? [] : [line.paymentKey])));
  const after = new Set(reserving.map((line) => line.paymentKey));
  const kept = [...after].filter((key) => before.has(key)).length;
  return {
    type: 'ClaimResubmitted',
    data: {
      claimId: claim.claimId,
      round: review.round + 1,
      resubmittedBy: command.submittedBy,
      resubmittedOn: shanghaiDateOf(command.context.now),
      period,
      tier: release.tier,
      gates: [...release.gates],
      lines: paid,
      totalFen,
      paymentKeys: { kept, reserved: after.size - kept, released: before.size - kept },
    },
  };
}
