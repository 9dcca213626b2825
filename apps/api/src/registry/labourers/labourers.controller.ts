import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError, labourerDecider, toLabourerStreamId } from '@skills/domain';
import { contextOf, decideAndAppend, parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { CurrentPrincipal, Envelope, REGISTRARS, REGISTRY_READERS, Roles } from '../../http/access.decorators';
import type { AuthenticatedRequest } from '../../http/request-context';
import { TOKENS } from '../../http/tokens';
import { CSV_TYPE, XLSX_TYPE } from '../../http/upload-parsers';
import { importLabourers } from '../../imports/labourer-import.service';
import { readSheet } from '../../imports/sheet-reader';
import { REGISTRY_DIRECTORY } from '../registry-directory.token';
import type { RegistryDirectory } from '../registry-directory';
import { assertMayRegisterIn, registeringUnitOf } from '../registering-unit';
import { eraseLabourer } from './erase-labourer.service';
import { labourerNotFound, readLabourerCard } from './labourer-card';
import { ChangeGroupsForm, LabourerForm } from './labourer-form';
import { commitRegistrations, prepareRegistration } from './labourer-registration.service';
import { LabourerSearchQuery, searchLabourers } from './labourer-search';

export const ImportQuery = z.strictObject({ mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing') });
/** Path ids that are not UUIDs name no card: 404, like any card the caller may not see. */
function parseLabourerId(text: string): string {
  if (!z.uuid().safeParse(text).success) throw labourerNotFound();
  return text.toLowerCase();
}

@Controller('api/labourers')
export class LabourersController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  /** R-REG-1: one card per person; the same person twice is 409 naming the existing card. */
  @Post()
  @Roles(...REGISTRARS)
  async register(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(LabourerForm, body);
    const unit = registeringUnitOf(principal);
    assertMayRegisterIn(principal, form.subdistrictId);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const prepared = await prepareRegistration(this.system, this.directory, form, unit, envelope);
      if (await commitRegistrations(this.system, [prepared])) {
        void reply.status(prepared.alreadyRegistered ? 200 : 201).send({ labourerId: prepared.labourerId, alreadyRegistered: prepared.alreadyRegistered });
        return;
      }
    }
    throw new DomainError('REGISTRY.CONCURRENT_REGISTRATION', 'The same person was being registered at the same moment: try again', 'conflict');
  }

  @Get()
  @Roles(...REGISTRY_READERS)
  search(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return searchLabourers(this.system, principal, parseInput(LabourerSearchQuery, query));
  }

  @Get(':labourerId')
  @Roles(...REGISTRY_READERS)
  card(@Param('labourerId') labourerId: string, @CurrentPrincipal() principal: Principal) {
    return readLabourerCard(this.system, principal, parseLabourerId(labourerId));
  }

  /** R-REG-4: key groups and flags change over time (a graduate becomes unemployed, a family leaves dibao). */
  @Patch(':labourerId/groups')
  @Roles(...REGISTRARS)
  async changeGroups(@Param('labourerId') labourerId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    const id = parseLabourerId(labourerId);
    const form = parseInput(ChangeGroupsForm, body);
    await readLabourerCard(this.system, principal, id); // scope check: 404 for cards the caller may not see
    const { state } = await decideAndAppend({
      store: this.system.store,
      catalogue: this.system.catalogue,
      decider: labourerDecider,
      streamId: toLabourerStreamId(id),
      command: { type: 'ChangeLabourerGroups', labourerId: id, ...form, context: contextOf(envelope) },
      envelope,
    });
    return { labourerId: id, status: state.status };
  }

  /** Crypto-shredding: the person's key is destroyed; the card still counts in every total. */
  @Post(':labourerId/erase')
  @Roles('ADMIN')
  @HttpCode(200)
  async erase(@Param('labourerId') labourerId: string, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope) {
    const id = parseLabourerId(labourerId);
    await readLabourerCard(this.system, principal, id);
    await eraseLabourer(this.system, id, envelope);
    return { labourerId: id, status: 'erased' };
  }

  /** Bulk import from CSV or XLSX with a per-row report; see ImportReport. */
  @Post('imports')
  @Roles(...REGISTRARS)
  async import(@Req() request: AuthenticatedRequest, @Query() query: unknown, @CurrentPrincipal() principal: Principal, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const { mode } = parseInput(ImportQuery, query);
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (type !== CSV_TYPE && type !== XLSX_TYPE) {
      throw new DomainError('IMPORT.UNSUPPORTED_TYPE', `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}`, 'validation', {}, [{ field: 'content-type', message: `use ${CSV_TYPE} or ${XLSX_TYPE}` }]);
    }
    const sheet = await readSheet(request.body as Buffer, type === CSV_TYPE ? 'csv' : 'xlsx');
    const report = await importLabourers(this.system, this.directory, sheet, registeringUnitOf(principal), envelope, mode, (subdistrictId) =>
      assertMayRegisterIn(principal, subdistrictId),
    );
    void reply.status(report.status === 'imported' ? 200 : 422).send(report);
  }
}
