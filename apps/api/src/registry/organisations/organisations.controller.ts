import { Body, Controller, Get, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  enterpriseDecider,
  evaluationBodyDecider,
  providerDecider,
  toEnterpriseStreamId,
  toEvaluationBodyStreamId,
  toProviderStreamId,
  type Decider,
  type DomainEvent,
} from '@skills/domain';
import { listOrganisations } from '@skills/projections';
import { contextOf, decideAndAppend, deterministicUuid, parseInput, type CommandEnvelope, type System } from '@skills/platform';
import { Envelope, REGISTRY_READERS, Roles } from '../../http/access.decorators';
import { UuidOr404 } from '../../http/uuid-or-404.pipe';
import { TOKENS } from '../../http/tokens';
import type { RegistryDirectory } from '../registry-directory';
import { REGISTRY_DIRECTORY } from '../registry-directory.token';
import { EnterpriseChangeForm, EnterpriseForm, EvaluationBodyForm, OrganisationListQuery, ProviderForm, RenewQualificationForm } from './organisation-forms';

/** Providers, enterprises and evaluation bodies (R-ORG-1), registered by the bureau; subdistricts come from the task table. */
@Controller('api')
export class OrganisationsController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Post('providers')
  @Roles('ADMIN')
  async registerProvider(@Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    const form = parseInput(ProviderForm, body);
    const providerId = deterministicUuid(envelope.idempotencyKey, 'provider');
    await this.run(providerDecider, toProviderStreamId(providerId), { type: 'RegisterProvider', providerId, ...form, knownSubdistrictIds: this.directory.subdistrictIds(), context: contextOf(envelope) }, envelope);
    return { providerId };
  }

  @Put('providers/:providerId/qualification')
  @Roles('ADMIN')
  async renewQualification(@Param('providerId', UuidOr404) providerId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    const form = parseInput(RenewQualificationForm, body);
    await this.run(providerDecider, toProviderStreamId(providerId), { type: 'RenewProviderQualification', providerId, ...form, context: contextOf(envelope) }, envelope);
    return { providerId };
  }

  @Post('enterprises')
  @Roles('ADMIN')
  async registerEnterprise(@Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    const form = parseInput(EnterpriseForm, body);
    const enterpriseId = deterministicUuid(envelope.idempotencyKey, 'enterprise');
    await this.run(enterpriseDecider, toEnterpriseStreamId(enterpriseId), { type: 'RegisterEnterprise', enterpriseId, ...form, knownSubdistrictIds: this.directory.subdistrictIds(), context: contextOf(envelope) }, envelope);
    return { enterpriseId };
  }

  @Put('enterprises/:enterpriseId')
  @Roles('ADMIN')
  async changeEnterprise(@Param('enterpriseId', UuidOr404) enterpriseId: string, @Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    const form = parseInput(EnterpriseChangeForm, body);
    await this.run(enterpriseDecider, toEnterpriseStreamId(enterpriseId), { type: 'ChangeEnterpriseProfile', enterpriseId, ...form, knownSubdistrictIds: this.directory.subdistrictIds(), context: contextOf(envelope) }, envelope);
    return { enterpriseId };
  }

  @Post('evaluation-bodies')
  @Roles('ADMIN')
  async registerEvaluationBody(@Body() body: unknown, @Envelope() envelope: CommandEnvelope) {
    const form = parseInput(EvaluationBodyForm, body);
    const evaluationBodyId = deterministicUuid(envelope.idempotencyKey, 'evaluation-body');
    await this.run(evaluationBodyDecider, toEvaluationBodyStreamId(evaluationBodyId), { type: 'RegisterEvaluationBody', evaluationBodyId, ...form, knownSubdistrictIds: this.directory.subdistrictIds(), context: contextOf(envelope) }, envelope);
    return { evaluationBodyId };
  }

  /** Organisations are public registers, not personal data; finance has no business with them. */
  @Get('organisations')
  @Roles(...REGISTRY_READERS)
  async list(@Query() query: unknown) {
    const { kind, subdistrictId } = parseInput(OrganisationListQuery, query);
    const rows = await listOrganisations(this.system.db, { kind, subdistrictId });
    return { items: rows };
  }

  @Get('subdistricts')
  @Roles(...REGISTRY_READERS)
  subdistricts() {
    return { items: this.directory.subdistrictList() };
  }

  private run<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, streamId: string, command: C, envelope: CommandEnvelope) {
    return decideAndAppend({ store: this.system.store, catalogue: this.system.catalogue, decider, streamId, command, envelope });
  }
}
