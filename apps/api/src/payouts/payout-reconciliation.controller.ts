import { Controller, Get, Inject, Query } from '@nestjs/common';
import { shanghaiDateOf } from '@skills/domain';
import { parseInput, type System } from '@skills/platform';
import { payoutReconciliation } from '@skills/projections';
import { Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { PAYOUT_RECONCILERS } from './payout-reconciliation-access';
import { PayoutReconciliationQuery } from './payout-reconciliation-forms';

/** R-PAY-1: released against paid money per scheme, from the claims and payouts read models (docs/decisions.md). */
@Controller('api/payouts')
export class PayoutReconciliationController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get('reconciliation')
  @Roles(...PAYOUT_RECONCILERS)
  read(@Query() query: unknown) {
    const { from, to, scheme, olderThanDays } = parseInput(PayoutReconciliationQuery, query ?? {});
    // Ages are counted to today in Shanghai, the district's calendar.
    return payoutReconciliation(this.system.db, { from, to, olderThanDays, asOf: shanghaiDateOf(new Date().toISOString()), ...(scheme ? { scheme } : {}) });
  }
}
