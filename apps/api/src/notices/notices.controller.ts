import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedTexts } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { CLAIM_READERS } from '../claims/claim-access';
import { claimFileAccess } from '../claim-records/claim-file-access';
import { LodgeObjectionForm, NoticeBoardQuery } from './notice-forms';
import { readNotice, readNoticeBoard } from './notice-board.service';
import { listObjections, objectTo } from './objections.service';

/**
 * R-CLAIM-3 public notice (公示): the board and objections. Any logged-in account reads the board and may object (no
 * @Roles: every role); the objections themselves are the bureau's and the claim's organisation's to read.
 */
@Controller('api/notices')
export class NoticesController {
  /** Objection statements, sealed outside the events (table: PERSONAL_DATA_MIGRATIONS). */
  private readonly statements: SealedTexts;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.statements = new SealedTexts(system.db, system.secrets.masterKey);
  }

  @Get()
  board(@Query() query: unknown) {
    return readNoticeBoard(this.system, parseInput(NoticeBoardQuery, query ?? {}));
  }

  @Get(':claimId')
  one(@Param('claimId', UuidOr404) claimId: string) {
    return readNotice(this.system, claimId);
  }

  /** 201 when lodged now (the claim is back in review), 200 for a retry with the same Idempotency-Key. */
  @Post(':claimId/objections')
  async object(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const objection = await objectTo(this.system, this.statements, claimId, parseInput(LodgeObjectionForm, body), envelope);
    void reply.status(objection.alreadyLodged ? 200 : 201).send(objection);
  }

  @Get(':claimId/objections')
  @Roles(...CLAIM_READERS)
  async objections(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return listObjections(this.system, this.statements, principal, await claimFileAccess(this.system, principal, claimId));
  }
}
