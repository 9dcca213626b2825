import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { CLAIM_SUBMITTERS, CLAIM_VIEWERS } from './claim-access';
import { ClaimListQuery, SubmitClaimForm } from './claim-forms';
import { readClaim, readClaimList } from './read-claims.service';
import { submitClaim } from './submit-claim.service';

/** R-CLAIM-1, R-CLAIM-2: claims computed from recorded events, for one scheme and one subject. */
@Controller('api/claims')
export class ClaimsController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  /** 201 when submitted now, 200 for a retry with the same Idempotency-Key (the same claim, nothing more written). */
  @Post()
  @Roles(...CLAIM_SUBMITTERS)
  async submit(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const { claim, alreadySubmitted } = await submitClaim(this.system, this.directory, principal, parseInput(SubmitClaimForm, body), envelope);
    void reply.status(alreadySubmitted ? 200 : 201).send({ ...claim, alreadySubmitted });
  }

  @Get()
  @Roles(...CLAIM_VIEWERS)
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return readClaimList(this.system, principal, parseInput(ClaimListQuery, query ?? {}));
  }

  @Get(':claimId')
  @Roles(...CLAIM_VIEWERS)
  read(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return readClaim(this.system, principal, claimId);
  }
}
