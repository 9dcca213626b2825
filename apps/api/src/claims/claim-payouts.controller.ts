import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { Principal, System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { CLAIM_VIEWERS } from './claim-access';
import { readClaimPayouts } from './claim-payouts.service';

/** R-PAY-1: a claim's payouts to finance and finance's answers. */
@Controller('api/claims')
export class ClaimPayoutsController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get(':claimId/payouts')
  @Roles(...CLAIM_VIEWERS)
  read(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return readClaimPayouts(this.system, principal, claimId);
  }
}
