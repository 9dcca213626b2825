import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OVERRIDE_APPROVER_ROLE, OVERRIDE_PROPOSER_ROLE } from '@skills/domain';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedTexts } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { BUREAU_ROLES } from '../training/cohort-access';
import { ApproveOverrideForm, ProposeOverrideForm, RejectOverrideForm } from './overrides-forms';
import { approveOverride, listOverrides, proposeOverride, rejectOverride } from './overrides.service';

/** R-CLAIM-4: a reviewer proposes an override of a "no rule" line or a failed gate; a second person decides it. */
@Controller('api/claims/:claimId/overrides')
export class ClaimOverridesController {
  /** The justifications, sealed outside the events (table: PERSONAL_DATA_MIGRATIONS, applied with all others). */
  private readonly justifications: SealedTexts;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.justifications = new SealedTexts(system.db, system.secrets.masterKey);
  }

  /** 201 when proposed now, 200 for a retry with the same Idempotency-Key. */
  @Post()
  @Roles(OVERRIDE_PROPOSER_ROLE)
  async propose(
    @Param('claimId', UuidOr404) claimId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
    @Res() reply: FastifyReply,
  ) {
    const { alreadyProposed, ...override } = await proposeOverride(this.system, this.justifications, principal, claimId, parseInput(ProposeOverrideForm, body), envelope);
    void reply.status(alreadyProposed ? 200 : 201).send({ ...override, alreadyProposed });
  }

  @Get()
  @Roles(...BUREAU_ROLES)
  list(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return listOverrides(this.system, this.justifications, principal, claimId);
  }

  @Post(':overrideId/approve')
  @HttpCode(200)
  @Roles(OVERRIDE_APPROVER_ROLE)
  approve(
    @Param('claimId', UuidOr404) claimId: string,
    @Param('overrideId', UuidOr404) overrideId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
  ) {
    parseInput(ApproveOverrideForm, body ?? {});
    return approveOverride(this.system, principal, claimId, overrideId, envelope);
  }

  @Post(':overrideId/reject')
  @HttpCode(200)
  @Roles(OVERRIDE_APPROVER_ROLE)
  reject(
    @Param('claimId', UuidOr404) claimId: string,
    @Param('overrideId', UuidOr404) overrideId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
  ) {
    return rejectOverride(this.system, principal, claimId, overrideId, parseInput(RejectOverrideForm, body ?? {}), envelope);
  }
}
