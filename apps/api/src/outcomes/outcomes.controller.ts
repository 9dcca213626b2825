import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import type { AuthenticatedRequest } from '../http/request-context';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { ownProviderId } from '../training/cohort-access';
import { recordAssessment } from './assessment.service';
import { readAttendanceRows } from './attendance-sheet';
import { importAttendance, recordAttendanceDay } from './attendance.service';
import { recordCertificate } from './certificate.service';
import { recordEmployment, rejectEmployment, verifyEmployment } from './employment.service';
import { CERTIFICATE_RECORDERS, EMPLOYMENT_RECORDERS, EMPLOYMENT_VERIFIERS } from './outcome-access';
import { RecordAssessmentForm, RecordAttendanceForm, RecordCertificateForm, RecordEmploymentForm, RejectEmploymentForm, VerifyEmploymentForm } from './outcome-forms';

/**
 * Training outcomes: attendance and final assessments in the provider's own cohorts (R-FREE-3, R-GATE-1),
 * certificates (R-CERT-1) and employments (R-GATE-3). 201 when something was written, 200 when it was there already.
 */
@Controller('api')
export class OutcomesController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Post('cohorts/:cohortId/attendance')
  @Roles('PROVIDER')
  async attend(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(RecordAttendanceForm, body);
    const result = await recordAttendanceDay(this.system, this.directory, cohortId, ownProviderId(principal), form, envelope);
    void reply.status(result.recorded ? 201 : 200).send(result);
  }

  /** All or nothing: 422 with a per-row report and nothing saved, or 200 with every row recorded. */
  @Post('cohorts/:cohortId/attendance/imports')
  @Roles('PROVIDER')
  async importAttendance(
    @Param('cohortId', UuidOr404) cohortId: string,
    @Req() request: AuthenticatedRequest,
    @CurrentPrincipal() principal: Principal,
    @Envelope() envelope: CommandEnvelope,
    @Res() reply: FastifyReply,
  ) {
    const providerId = ownProviderId(principal);
    const rows = await readAttendanceRows(request.body, request.headers['content-type']);
    const report = await importAttendance(this.system, this.directory, cohortId, providerId, rows, envelope);
    void reply.status(report.status === 'imported' ? 200 : 422).send(report);
  }

  @Post('cohorts/:cohortId/assessments')
  @Roles('PROVIDER')
  async assess(@Param('cohortId', UuidOr404) cohortId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(RecordAssessmentForm, body);
    const result = await recordAssessment(this.system, this.directory, cohortId, ownProviderId(principal), form, envelope);
    void reply.status(result.recorded ? 201 : 200).send(result);
  }

  @Post('certificates')
  @Roles(...CERTIFICATE_RECORDERS)
  async certificate(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const result = await recordCertificate(this.system, this.directory, principal, parseInput(RecordCertificateForm, body), envelope);
    void reply.status(result.outcome === 'RECORDED' ? 201 : 200).send(result);
  }

  @Post('employments')
  @Roles(...EMPLOYMENT_RECORDERS)
  async employment(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const result = await recordEmployment(this.system, this.directory, principal, parseInput(RecordEmploymentForm, body), envelope);
    void reply.status(result.recorded ? 201 : 200).send(result);
  }

  @Post('employments/:employmentId/verify')
  @Roles(...EMPLOYMENT_VERIFIERS)
  @HttpCode(200)
  verify(@Param('employmentId', UuidOr404) employmentId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    return verifyEmployment(this.system, this.directory, employmentId, parseInput(VerifyEmploymentForm, body ?? {}), envelope);
  }

  @Post('employments/:employmentId/reject')
  @Roles(...EMPLOYMENT_VERIFIERS)
  @HttpCode(200)
  reject(@Param('employmentId', UuidOr404) employmentId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    return rejectEmployment(this.system, this.directory, employmentId, parseInput(RejectEmploymentForm, body ?? {}), envelope);
  }
}
