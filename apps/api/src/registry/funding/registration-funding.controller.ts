import { Controller, Get, Inject, Query } from '@nestjs/common';
import { z } from 'zod';
import { REGISTERING_UNIT_KIND } from '@skills/domain';
import { calculateRegistrationFunding } from '@skills/policy';
import { countRegistrationsByUnit } from '@skills/projections';
import { parseInput, type System } from '@skills/platform';
import { Roles } from '../../http/access.decorators';
import { TOKENS } from '../../http/tokens';
import type { RegistryDirectory } from '../registry-directory';
import { REGISTRY_DIRECTORY } from '../registry-directory.token';

export const RegistrationFundingQuery = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });

/**
 * R-REG-3: 4 yuan per card to the unit that registered it, for cards registered in [from, to]. Erased cards
 * still count: the registration happened and was paid for.
 */
@Controller('api/registration-funding')
export class RegistrationFundingController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Get()
  @Roles('ADMIN', 'REVIEWER', 'APPROVER', 'FINANCE', 'EVALUATOR')
  async funding(@Query() query: unknown) {
    const period = parseInput(RegistrationFundingQuery, query);
    const rows = await countRegistrationsByUnit(this.system.db, period.from, period.to);
    return calculateRegistrationFunding({
      policy: this.directory.policyThroughout(period.from, period.to),
      period,
      counts: rows.map((r) => ({ registeringUnit: { kind: REGISTERING_UNIT_KIND.parse(r.kind), id: r.id }, labourersRegistered: r.count })),
    });
  }
}
