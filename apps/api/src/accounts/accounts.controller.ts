import { Controller, Get, Inject, Query } from '@nestjs/common';
import { parseInput, type System } from '@skills/platform';
import { Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { AccountListQuery, accountsWithRole } from './account-list';

/** The accounts an administrator may give a claim to (R-CLAIM-3 reassignment); accounts are created by the CLI. */
@Controller('api/accounts')
export class AccountsController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Get()
  @Roles('ADMIN')
  list(@Query() query: unknown) {
    return accountsWithRole(this.system, parseInput(AccountListQuery, query ?? {}));
  }
}
