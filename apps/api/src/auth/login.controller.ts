import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '@skills/domain';
import { parseInput, type System } from '@skills/platform';
import { Public } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

@Controller('api/auth')
export class LoginController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown) {
    const { username, password } = parseInput(LoginRequest, body);
    const principal = await this.system.accounts.authenticate(username, password);
    if (!principal) throw new DomainError('AUTH.INVALID_CREDENTIALS', 'Wrong username or password', 'unauthenticated');
    const { token, expiresInSeconds } = this.system.tokens.issue(principal);
    return { token, tokenType: 'Bearer', expiresInSeconds, roles: principal.roles, scope: principal.scope };
  }
}
