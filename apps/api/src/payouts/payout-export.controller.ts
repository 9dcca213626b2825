import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { shanghaiDateOf } from '@skills/domain';
import { payoutCsvFileName, payoutInstructionsCsv, waitingPayoutInstructions } from '@skills/messaging';
import type { System } from '@skills/platform';
import { Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { PAYOUT_EXPORTERS } from './payout-export-access';

/**
 * R-PAY-1, without KAFKA_BROKERS: the payout instructions waiting in the outbox, as a CSV file for finance. A read:
 * nothing is marked sent or exported (docs/decisions.md); finance pays each idempotency key at most once.
 */
@Controller('api/payouts')
export class PayoutExportController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get('outbox.csv')
  @Roles(...PAYOUT_EXPORTERS)
  async outboxCsv(@Res() reply: FastifyReply) {
    const instructions = await waitingPayoutInstructions(this.system.db);
    const bytes = Buffer.from(payoutInstructionsCsv(instructions), 'utf8');
    const fileName = payoutCsvFileName(shanghaiDateOf(new Date().toISOString()));
    void reply
      .status(200)
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-length', String(bytes.length))
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('x-payout-instructions', String(instructions.length))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }
}
