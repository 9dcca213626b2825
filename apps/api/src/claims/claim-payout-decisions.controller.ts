import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { PAYOUT_DECIDER_ROLE } from '@skills/domain';
import { parseInput, type CommandEnvelope, type Principal, type Role, type System } from '@skills/platform';
import { SealedTexts } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { CancelPayoutForm, ReinstructPayoutForm } from './claim-payout-decisions-forms';
import { cancelClaimPayout, reinstructClaimPayout } from './claim-payout-decisions.service';

/**
 * R-PAY-1 "a failed payout can be retried or cancelled, never silently dropped": the bureau's approver decides. Both
 * answer 200 with the claim's payouts; the same request again (same Idempotency-Key) changes nothing, `alreadyDone`.
 */
@Controller('api/claims')
export class ClaimPayoutDecisionsController {
  /** Approvers' written reasons for a cancellation, sealed outside the events. */
  private readonly reasons: SealedTexts;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.reasons = new SealedTexts(system.db, system.secrets.masterKey);
  }

  @Post(':claimId/payouts/:payoutId/reinstruct')
  @HttpCode(200)
  @Roles(PAYOUT_DECIDER_ROLE as Role)
  reinstruct(@Param('claimId', UuidOr404) claimId: string, @Param('payoutId') payoutId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    parseInput(ReinstructPayoutForm, body ?? {});
    return reinstructClaimPayout(this.system, principal, claimId, payoutId, envelope);
  }

  @Post(':claimId/payouts/:payoutId/cancel')
  @HttpCode(200)
  @Roles(PAYOUT_DECIDER_ROLE as Role)
  cancel(@Param('claimId', UuidOr404) claimId: string, @Param('payoutId') payoutId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return cancelClaimPayout(this.system, this.reasons, principal, claimId, payoutId, parseInput(CancelPayoutForm, body ?? {}), envelope);
  }
}
