import { Body, Controller, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { EMPLOYERS, SCHEME_RECORDERS } from './enterprise-scheme-access';
import { CountBrandPeopleForm, DesignateStudioForm, RecogniseBrandForm, RecogniseTrainingCentreForm, RecordPlacementForm, RecordWorkedMonthForm, UpgradeStudioForm } from './enterprise-scheme-forms';
import { countBrandPeople, recogniseBrand } from './labour-brand.service';
import { designateStudio, upgradeStudio } from './skills-master-studio.service';
import { recogniseTrainingCentre } from './training-centre.service';
import { recordPlacement, recordWorkedMonth } from './work-for-training.service';

/**
 * The facts the enterprise and award schemes are claimed from (R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2): an employer
 * records its work-for-training, the bureau its recognitions. 201 when something was written, 200 when it was there.
 */
@Controller('api')
export class EnterpriseSchemesController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Post('work-for-training/placements')
  @Roles(...EMPLOYERS)
  async place(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await recordPlacement(this.system, this.directory, principal, parseInput(RecordPlacementForm, body), envelope));
  }

  @Post('work-for-training/months')
  @Roles(...EMPLOYERS)
  async month(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await recordWorkedMonth(this.system, this.directory, principal, parseInput(RecordWorkedMonthForm, body), envelope));
  }

  @Post('training-centres')
  @Roles(...SCHEME_RECORDERS)
  async centre(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const result = await recogniseTrainingCentre(this.system, this.directory, parseInput(RecogniseTrainingCentreForm, body), envelope);
    void reply.status(result.recognised ? 201 : 200).send(result);
  }

  @Post('skills-master-studios')
  @Roles(...SCHEME_RECORDERS)
  async studio(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await designateStudio(this.system, this.directory, parseInput(DesignateStudioForm, body), envelope));
  }

  @Post('skills-master-studios/:studioId/designations')
  @Roles(...SCHEME_RECORDERS)
  async upgrade(@Param('studioId', UuidOr404) studioId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await upgradeStudio(this.system, this.directory, studioId, parseInput(UpgradeStudioForm, body), envelope));
  }

  @Post('labour-brands')
  @Roles(...SCHEME_RECORDERS)
  async brand(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await recogniseBrand(this.system, this.directory, parseInput(RecogniseBrandForm, body), envelope));
  }

  @Post('labour-brands/:brandId/counts')
  @Roles(...SCHEME_RECORDERS)
  async count(@Param('brandId', UuidOr404) brandId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    send(reply, await countBrandPeople(this.system, this.directory, brandId, parseInput(CountBrandPeopleForm, body), envelope));
  }
}

function send(reply: FastifyReply, result: { readonly recorded: boolean }): void {
  void reply.status(result.recorded ? 201 : 200).send(result);
}
