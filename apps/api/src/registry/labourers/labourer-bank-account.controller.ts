import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { z } from 'zod';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, REGISTRARS, Roles } from '../../http/access.decorators';
import { TOKENS } from '../../http/tokens';
import { BankAccountForm } from './bank-account-form';
import { labourerNotFound, readLabourerCard } from './labourer-card';
import { recordLabourerBankAccount } from './labourer-bank-account.service';

/**
 * R-PAY-1: the bank account a person payee (R-FREE-5, R-CERT-3 …) is paid into. Recorded by the bureau or by the unit
 * that registered the card (the card's read scope: anyone else gets 404); read back only by finance, per payout
 * (apps/api/src/payouts/payee-bank-account.controller.ts). The reply never carries the account.
 */
@Controller('api/labourers')
export class LabourerBankAccountController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Put(':labourerId/bank-account')
  @Roles(...REGISTRARS)
  async record(@Param('labourerId') labourerId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    if (!z.uuid().safeParse(labourerId).success) throw labourerNotFound();
    const id = labourerId.toLowerCase();
    const form = parseInput(BankAccountForm, body);
    await readLabourerCard(this.system, principal, id, 'masked'); // scope check: 404 for cards the caller may not see
    const result = await recordLabourerBankAccount(this.system, id, form, envelope);
    // Who changed whose account, never the account: the fingerprint says whether it is the same one as before.
    this.system.logger.info('labourer bank account recorded', { labourerId: id, actor: envelope.actor, accountFingerprint: result.accountFingerprint, alreadyRecorded: result.alreadyRecorded });
    return result;
  }
}
