import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { APPROVER_ROLE, CHECKER_ROLE } from '@skills/domain';
import { parseInput, type CommandEnvelope, type Principal, type Role, type System } from '@skills/platform';
import { SealedTexts } from '@skills/personal-data';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { CLAIM_SUBMITTERS, CLAIM_VIEWERS } from './claim-access';
import { QUEUE_MANAGERS, QUEUE_READERS, QUEUE_WORKERS } from './review-access';
import { claimHistory } from './claim-history.service';
import { rejectClaim, resubmitClaim, returnClaim } from './review-decisions.service';
import { AssignReviewerForm, BulkQueueForm, RejectClaimForm, ReturnClaimForm, ReviewQueueQuery, ReviewStepForm } from './review-forms';
import { reviewQueue } from './review-queue.service';
import { approveClaim, assignReviewer, bulkQueue, checkClaim, unassignReviewer } from './review.service';

/**
 * R-CLAIM-3 review over HTTP: the queue, the two levels, return and reject, resubmission, and the history. Every step
 * answers 200 with the claim's status and review; the same request again (same Idempotency-Key, or the same decision
 * by the same person) changes nothing and says `alreadyDone`.
 */
@Controller('api')
export class ClaimReviewController {
  /** Reviewers' written reasons, sealed outside the events (table: PERSONAL_DATA_MIGRATIONS). */
  private readonly reasons: SealedTexts;

  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {
    this.reasons = new SealedTexts(system.db, system.secrets.masterKey);
  }

  @Get('review-queue')
  @Roles(...QUEUE_READERS)
  queue(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return reviewQueue(this.system, principal, parseInput(ReviewQueueQuery, query ?? {}), envelope.now);
  }

  @Post('review-queue/assign')
  @HttpCode(200)
  @Roles(...QUEUE_WORKERS)
  bulkAssign(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return bulkQueue(this.system, principal, parseInput(BulkQueueForm, body ?? {}), envelope, 'assign');
  }

  @Post('review-queue/unassign')
  @HttpCode(200)
  @Roles(...QUEUE_MANAGERS)
  bulkUnassign(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return bulkQueue(this.system, principal, parseInput(BulkQueueForm, body ?? {}), envelope, 'unassign');
  }

  @Post('claims/:claimId/review/assign')
  @HttpCode(200)
  @Roles(...QUEUE_MANAGERS)
  assign(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return assignReviewer(this.system, principal, claimId, parseInput(AssignReviewerForm, body ?? {}), envelope);
  }

  @Post('claims/:claimId/review/unassign')
  @HttpCode(200)
  @Roles(...QUEUE_MANAGERS)
  unassign(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    parseInput(ReviewStepForm, body ?? {});
    return unassignReviewer(this.system, principal, claimId, envelope);
  }

  @Post('claims/:claimId/check')
  @HttpCode(200)
  @Roles(CHECKER_ROLE as Role)
  check(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    parseInput(ReviewStepForm, body ?? {});
    return checkClaim(this.system, principal, claimId, envelope);
  }

  @Post('claims/:claimId/approve')
  @HttpCode(200)
  @Roles(APPROVER_ROLE as Role)
  approve(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    parseInput(ReviewStepForm, body ?? {});
    return approveClaim(this.system, principal, claimId, envelope);
  }

  @Post('claims/:claimId/return')
  @HttpCode(200)
  @Roles(...QUEUE_WORKERS)
  sendBack(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return returnClaim(this.system, this.reasons, principal, claimId, parseInput(ReturnClaimForm, body ?? {}), envelope);
  }

  @Post('claims/:claimId/reject')
  @HttpCode(200)
  @Roles(...QUEUE_WORKERS)
  reject(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return rejectClaim(this.system, this.reasons, principal, claimId, parseInput(RejectClaimForm, body ?? {}), envelope);
  }

  @Post('claims/:claimId/resubmit')
  @HttpCode(200)
  @Roles(...CLAIM_SUBMITTERS)
  resubmit(@Param('claimId', UuidOr404) claimId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    parseInput(ReviewStepForm, body ?? {});
    return resubmitClaim(this.system, this.directory, principal, claimId, envelope);
  }

  @Get('claims/:claimId/history')
  @Roles(...CLAIM_VIEWERS)
  history(@Param('claimId', UuidOr404) claimId: string, @CurrentPrincipal() principal: Principal) {
    return claimHistory(this.system, this.reasons, principal, claimId);
  }
}
