import { DomainError } from '../shared/domain-error';

/** One line of a new claim whose payment key another claim holds. */
export interface AlreadyClaimedLine {
  /** Absent when the scheme pays the subject itself. */
  readonly labourerId?: string;
  /** The claim holding the key: only when it is the same organisation's (its own claim may be shown to it). */
  readonly claimId?: string;
}

/**
 * R-CLAIM-2: the claim is refused as a whole, naming the people already claimed for. The other claim's id is given
 * to its own organisation only: another payee learns that the person was claimed for, not by whom.
 */
export const alreadyClaimed = (lines: readonly AlreadyClaimedLine[], totalReserving: number) =>
  new DomainError(
    'CLAIM.ALREADY_CLAIMED',
    `${lines.length} of the ${totalReserving} line(s) of this claim are claimed already for the same scheme, subject and period (R-CLAIM-2: paid at most once): nothing was submitted. The people are listed in details${
      lines.some((l) => l.claimId !== undefined) ? ' with your earlier claim' : ''
    }; a correction of an earlier claim goes through that claim's review`,
    'conflict',
    { ruleId: 'R-CLAIM-2', alreadyClaimed: lines.map((l) => ({ ...(l.labourerId ? { labourerId: l.labourerId } : { subject: true }), ...(l.claimId ? { claimId: l.claimId } : {}) })) },
  );

/** Every line is refused: a claim would pay nothing and reserve nothing. */
export const nothingToClaim = (refusals: readonly { readonly labourerId?: string; readonly code: string }[]) =>
  new DomainError(
    'CLAIM.NOTHING_TO_CLAIM',
    `every one of the ${refusals.length} line(s) is refused, so the claim would pay nothing: the reasons are in details`,
    'rule',
    { ruleId: 'R-CLAIM-1', refused: refusals.map((r) => ({ ...(r.labourerId ? { labourerId: r.labourerId } : {}), code: r.code })) },
  );

export const alreadySubmitted = (claimId: string) =>
  new DomainError('CLAIM.ALREADY_SUBMITTED', 'this claim is submitted already: send a new Idempotency-Key for a new claim', 'conflict', { claimId });

export const duplicateLineKey = () =>
  new DomainError('CLAIM.DUPLICATE_LINE', 'two lines of one claim pay the same person for the same scheme, subject and period (R-CLAIM-2)', 'conflict', { ruleId: 'R-CLAIM-2' });

export const lineOutsidePeriod = (lineId: string) =>
  new DomainError('CLAIM.LINE_OUTSIDE_PERIOD', 'a line is for days outside the claim\'s period: claim each period separately', 'validation', { lineId }, [
    { field: 'period', message: 'must cover the period of every line' },
  ]);

/** A claim the caller may not see is answered like one that does not exist. */
export const claimNotFound = (claimId: string) => new DomainError('CLAIM.NOT_FOUND', 'no claim with this id is visible to you: check the id', 'not_found', { claimId });
