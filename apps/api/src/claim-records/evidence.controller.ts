import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { SealedFiles } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import type { AuthenticatedRequest } from '../http/request-context';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { CLAIM_READERS } from '../claims/claim-access';
import { claimFileAccess } from './claim-file-access';
import { AttachEvidenceQuery } from './claim-records-forms';
import { attachEvidence, fileNameOf, listEvidence, readEvidence, viewOf } from './evidence.service';

/** R-CLAIM-3: evidence files (scanned attendance sheets, employment contracts) of a claim, encrypted at rest. */
@Controller('api/claims/:claimId/evidence')
export class ClaimEvidenceController {
  /** The files, sealed outside the events (table: PERSONAL_DATA_MIGRATIONS). */
  private readonly files: SealedFiles;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.files = new SealedFiles(system.db, system.secrets.masterKey);
  }

  /** The body is the file (PDF, JPEG or PNG). 201 when attached now, 200 when the claim has this content already. */
  @Post()
  @Roles(...CLAIM_READERS)
  async attach(
    @Param('claimId', UuidOr404) claimId: string,
    @Query() query: unknown,
    @Req() request: AuthenticatedRequest,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
    @Res() reply: FastifyReply,
  ) {
    const { kind } = parseInput(AttachEvidenceQuery, query ?? {});
    const access = await claimFileAccess(this.system, principal, claimId);
    // A JSON or text body arrives parsed, under a type no evidence file has: refused by that type.
    const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const declaredType = String(request.headers['content-type'] ?? '');
    const { evidence, alreadyAttached } = await attachEvidence(this.system, this.files, access, { declaredType, bytes, kind }, envelope);
    void reply.status(alreadyAttached ? 200 : 201).send({ ...viewOf(evidence, principal), alreadyAttached });
  }

  @Get()
  @Roles(...CLAIM_READERS)
  async list(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return listEvidence(this.system, principal, await claimFileAccess(this.system, principal, claimId));
  }

  /** The file itself, as attached; never cached, never rendered in place. */
  @Get(':evidenceId')
  @Roles(...CLAIM_READERS)
  async download(@Param('claimId', UuidOr404) claimId: string, @Param('evidenceId', UuidOr404) evidenceId: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const access = await claimFileAccess(this.system, principal, claimId);
    const { evidence, bytes } = await readEvidence(this.system, this.files, access, evidenceId);
    void reply
      .status(200)
      .header('content-type', evidence.mediaType)
      .header('content-length', String(bytes.length))
      .header('content-disposition', `attachment; filename="${fileNameOf(evidence)}"`)
      .header('x-content-sha256', evidence.sha256)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }
}
