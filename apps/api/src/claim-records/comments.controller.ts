import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedTexts } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { CLAIM_READERS } from '../claims/claim-access';
import { claimFileAccess } from './claim-file-access';
import { AddCommentForm } from './claim-records-forms';
import { addComment, listComments, viewOf } from './comments.service';

/** R-CLAIM-3: comments at any step, by the bureau and the claim's own organisation. */
@Controller('api/claims/:claimId/comments')
export class ClaimCommentsController {
  /** The comment texts, sealed outside the events (table: PERSONAL_DATA_MIGRATIONS). */
  private readonly texts: SealedTexts;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.texts = new SealedTexts(system.db, system.secrets.masterKey);
  }

  /** 201 when added now, 200 for a retry with the same Idempotency-Key. */
  @Post()
  @Roles(...CLAIM_READERS)
  async add(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(AddCommentForm, body);
    const access = await claimFileAccess(this.system, principal, claimId);
    const { comment, alreadyAdded } = await addComment(this.system, this.texts, access, form, envelope);
    void reply.status(alreadyAdded ? 200 : 201).send({ ...viewOf(comment, principal), alreadyAdded });
  }

  @Get()
  @Roles(...CLAIM_READERS)
  async list(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return listComments(this.system, this.texts, principal, await claimFileAccess(this.system, principal, claimId));
  }
}
