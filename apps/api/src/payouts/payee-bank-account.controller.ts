import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Principal, System } from '@skills/platform';
import { CurrentPrincipal, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { PAYEE_BANK_ACCOUNT_READERS, readPayeeBankAccount } from './payee-bank-account.service';

/**
 * R-PAY-1: the instruction names a person payee by id only; finance reads the account to pay into here, per payout,
 * and each read is logged (who, which payout, which person; never the account).
 */
@Controller('api/payouts')
export class PayeeBankAccountController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get(':payoutId/bank-account')
  @Roles(...PAYEE_BANK_ACCOUNT_READERS)
  async bankAccount(@Param('payoutId') payoutId: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const body = await readPayeeBankAccount(this.system, principal, payoutId);
    void reply.status(200).header('cache-control', 'private, no-store').send(body);
  }
}
