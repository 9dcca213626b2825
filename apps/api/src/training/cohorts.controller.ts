import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CohortState } from '@skills/domain';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { COHORT_APPROVERS, COHORT_READERS, cohortView, ownProviderId, visibleCohort } from './cohort-access';
import { ApproveCohortForm, CancelCohortForm, CompleteCohortForm, EnrolTraineeForm, PlanCohortForm, StartCohortForm, WithdrawTraineeForm } from './cohort-forms';
import { CohortLifecycle } from './cohort-lifecycle.service';
import { enrolTrainee, withdrawTrainee } from './enrolment.service';

/** Cohorts (培训班) and enrolment: R-ORG-1 when planned and started, R-FREE-1 and R-FREE-2 when a person enrols. */
@Controller('api/cohorts')
export class CohortsController {
  private readonly lifecycle: CohortLifecycle;

  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {
    this.lifecycle = new CohortLifecycle(system, directory);
  }

  @Post()
  @Roles('PROVIDER')
  plan(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return this.lifecycle.plan(ownProviderId(principal), parseInput(PlanCohortForm, body), envelope);
  }

  @Get(':cohortId')
  @Roles(...COHORT_READERS)
  async read(@Param('cohortId', UuidOr404) cohortId: string, @CurrentPrincipal() principal: Principal) {
    return cohortView(await visibleCohort(this.system, principal, cohortId));
  }

  @Post(':cohortId/approve')
  @Roles(...COHORT_APPROVERS)
  @HttpCode(200)
  async approve(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    return summary(cohortId, await this.lifecycle.approve(cohortId, parseInput(ApproveCohortForm, body ?? {}), envelope));
  }

  @Post(':cohortId/start')
  @Roles('PROVIDER')
  @HttpCode(200)
  async start(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return summary(cohortId, await this.lifecycle.start(cohortId, ownProviderId(principal), parseInput(StartCohortForm, body ?? {}), envelope));
  }

  @Post(':cohortId/complete')
  @Roles('PROVIDER')
  @HttpCode(200)
  async complete(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return summary(cohortId, await this.lifecycle.complete(cohortId, ownProviderId(principal), parseInput(CompleteCohortForm, body ?? {}), envelope));
  }

  @Post(':cohortId/cancel')
  @Roles('PROVIDER')
  @HttpCode(200)
  async cancel(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    return summary(cohortId, await this.lifecycle.cancel(cohortId, ownProviderId(principal), parseInput(CancelCohortForm, body ?? {}), envelope));
  }

  /** 201 when enrolled now, 200 for a retry with the same Idempotency-Key (nothing more written). */
  @Post(':cohortId/enrolments')
  @Roles('PROVIDER')
  async enrol(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(EnrolTraineeForm, body);
    const result = await enrolTrainee(this.system, this.directory, cohortId, ownProviderId(principal), form, envelope);
    void reply.status(result.alreadyApplied ? 200 : 201).send({ ...result, status: 'enrolled' });
  }

  @Post(':cohortId/enrolments/:labourerId/withdraw')
  @Roles('PROVIDER')
  @HttpCode(200)
  async withdraw(
    @Param('cohortId', UuidOr404) cohortId: string,
    @Param('labourerId', UuidOr404) labourerId: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
  ) {
    const form = parseInput(WithdrawTraineeForm, body);
    const result = await withdrawTrainee(this.system, this.directory, cohortId, labourerId, ownProviderId(principal), form, envelope);
    return { ...result, status: 'withdrawn' };
  }
}

const summary = (cohortId: string, state: CohortState) => ({ cohortId, status: state.status });
