import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { policyTimeline } from '@skills/policy';
import { publishPolicyVersion, type CommandEnvelope, type System } from '@skills/platform';
import { Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { BUREAU_ROLES } from '../training/cohort-access';
import { policySummaryOf, policyVersionNotFound } from './policy-views';

/**
 * Policy versions as data (R-CLAIM-1): the administrator publishes a new version with new dates instead of a
 * deploy; a published version is never edited. Reads refresh from the store first, so an api replica that did
 * not publish answers with the newest versions too.
 */
@Controller('api/policies')
export class PoliciesController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Post()
  @Roles('ADMIN')
  async publish(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const { version, alreadyPublished } = await publishPolicyVersion(this.system, body, envelope);
    void reply.status(alreadyPublished ? 200 : 201).send({ ...policySummaryOf(version), alreadyPublished });
  }

  @Get()
  @Roles(...BUREAU_ROLES)
  async list() {
    await this.system.policies.refresh();
    return {
      items: this.system.policies.all().map(policySummaryOf),
      // Which version is in force when, once overlapping versions are resolved (the newest start wins).
      timeline: policyTimeline(this.system.policies.documents()),
    };
  }

  @Get(':policyVersion')
  @Roles(...BUREAU_ROLES)
  async one(@Param('policyVersion') policyVersion: string) {
    await this.system.policies.refresh();
    const found = this.system.policies.find(policyVersion);
    if (!found) throw policyVersionNotFound(policyVersion);
    return { ...policySummaryOf(found), document: found.document };
  }
}
