import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { ORGANISERS, UPGRADE_EMPLOYERS } from './certification-scheme-access';
import { NameEvaluationCertificatesForm, RecordFreeEvaluationForm, RecordUpgradeTrainingForm } from './certification-scheme-forms';
import { nameEvaluationCertificates, recordFreeEvaluation } from './free-evaluation.service';
import { recordUpgradeTraining } from './upgrade-training.service';

/**
 * The facts the certification schemes are claimed from (R-CERT-2, R-CERT-3): an organiser records its free
 * evaluations and the certificates issued from them, an employer its employees' upgrade training. 201 when something
 * was written, 200 when it was there.
 */
@Controller('api')
export class CertificationSchemesController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Post('free-evaluations')
  @Roles(...ORGANISERS)
  async evaluation(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await recordFreeEvaluation(this.system, this.directory, principal, parseInput(RecordFreeEvaluationForm, body), envelope));
  }

  @Post('free-evaluations/:evaluationId/certificates')
  @Roles(...ORGANISERS)
  async certificates(@Param('evaluationId', UuidOr404) evaluationId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await nameEvaluationCertificates(this.system, this.directory, principal, evaluationId, parseInput(NameEvaluationCertificatesForm, body), envelope));
  }

  @Post('upgrade-trainings')
  @Roles(...UPGRADE_EMPLOYERS)
  async upgrade(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await recordUpgradeTraining(this.system, this.directory, principal, parseInput(RecordUpgradeTrainingForm, body), envelope));
  }
}

function send(reply: FastifyReply, result: { readonly recorded: boolean }): void {
  void reply.status(result.recorded ? 201 : 200).send(result);
}
