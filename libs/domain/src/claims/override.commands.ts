import type { CommandContext } from '../shared/decider';
import type { ClaimGateId } from './claim-vocabulary';
import type { OverrideRejectionReason } from './override.events';

/**
 * The bureau roles of R-CLAIM-3/4, named as libs/platform's auth names them (the domain cannot import it; an api test
 * keeps the names equal): a reviewer proposes an override, a second person with the approver role decides it.
 */
export const OVERRIDE_PROPOSER_ROLE = 'REVIEWER';
export const OVERRIDE_APPROVER_ROLE = 'APPROVER';

/** Who acts: the account is `context.actor`; its roles come from its token, never from the request body. */
interface OverrideCommandBase {
  readonly claimId: string;
  readonly overrideId: string;
  readonly actorRoles: readonly string[];
  readonly context: CommandContext;
}

/** What to override: a "no rule" line with the amount proposed for it, or a failed gate. */
export type OverrideTargetRequest = { readonly kind: 'LINE'; readonly lineId: string; readonly amountFen: number } | { readonly kind: 'GATE'; readonly gate: ClaimGateId };

/**
 * R-CLAIM-4. The justification's text is checked here and never recorded: the caller stores it in the vault under the
 * override id before appending, and passes its keyed digest (HMAC-SHA256, hex) for the event.
 */
export interface ProposeClaimOverride extends OverrideCommandBase {
  readonly type: 'ProposeClaimOverride';
  readonly target: OverrideTargetRequest;
  readonly justification: { readonly text: string; readonly digest: string };
}

export interface ApproveClaimOverride extends OverrideCommandBase {
  readonly type: 'ApproveClaimOverride';
}

export interface RejectClaimOverride extends OverrideCommandBase {
  readonly type: 'RejectClaimOverride';
  readonly reason: OverrideRejectionReason;
}

export type ClaimOverrideCommand = ProposeClaimOverride | ApproveClaimOverride | RejectClaimOverride;
