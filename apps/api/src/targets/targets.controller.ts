import { Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@skills/domain';
import { targetSetTimeline } from '@skills/policy';
import { parseInput, type CommandEnvelope, type System } from '@skills/platform';
import { Envelope, Roles } from '../http/access.decorators';
import type { AuthenticatedRequest } from '../http/request-context';
import { TOKENS } from '../http/tokens';
import { CSV_TYPE, XLSX_TYPE } from '../http/upload-parsers';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { publishTargetSet } from './publish-target-set';
import { TARGET_READERS } from './target-readers';
import { readTargetSetVersions } from './target-set-versions';
import { publishedUploadOf, targetSetDetailOf, targetSetSummaryOf, targetSetVersionNotFound } from './target-set-views';
import { readTargetUploadFile } from './target-upload-file';
import { TargetUploadQuery } from './target-upload-query';

/**
 * Targets as data (R-TGT-1, R-TGT-2): the shipped table of the notice and every version an administrator uploads,
 * each with its flags. A version is never edited; a new one takes effect from its date.
 */
@Controller('api/targets')
export class TargetsController {
  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {}

  @Post()
  @Roles('ADMIN')
  async upload(@Req() request: AuthenticatedRequest, @Query() query: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const terms = parseInput(TargetUploadQuery, query);
    const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (type !== CSV_TYPE && type !== XLSX_TYPE) {
      throw new DomainError('TARGETS.UNSUPPORTED_TYPE', `Send the task table as ${CSV_TYPE} or ${XLSX_TYPE}`, 'validation', {}, [{ field: 'content-type', message: `use ${CSV_TYPE} or ${XLSX_TYPE}` }]);
    }
    const file = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const { table, districtTargets } = await readTargetUploadFile(file, type === CSV_TYPE ? 'csv' : 'xlsx');
    const units = this.directory.subdistrictList();
    const result = await publishTargetSet(this.system, units, { grid: table, districtTargets, file, query: terms }, envelope);
    if (result.status === 'rejected') {
      void reply.status(422).send(result);
      return;
    }
    const { version, rows, alreadyPublished, districtTargetsFrom } = result;
    void reply.status(alreadyPublished ? 200 : 201).send(publishedUploadOf(version, units, rows, { alreadyPublished, districtTargetsFrom }));
  }

  @Get()
  @Roles(...TARGET_READERS)
  async list() {
    const units = this.directory.subdistrictList();
    const versions = await readTargetSetVersions(this.system, units);
    return { items: versions.map((v) => targetSetSummaryOf(v, units)), timeline: targetSetTimeline(versions) };
  }

  @Get(':targetSetVersion')
  @Roles(...TARGET_READERS)
  async one(@Param('targetSetVersion') name: string) {
    const units = this.directory.subdistrictList();
    const found = (await readTargetSetVersions(this.system, units)).find((v) => v.targetSetVersion === name);
    if (!found) throw targetSetVersionNotFound(name);
    return targetSetDetailOf(found, units);
  }
}
