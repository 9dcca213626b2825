import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { shanghaiDateOf } from '@skills/domain';
import { policyVersionOf, type PolicyDocument } from '@skills/policy';
import {
  deterministicUuid,
  describeError,
  hashCommand,
  parseInput,
  policyContentHash,
  simulatePolicy,
  type CommandEnvelope,
  type System,
} from '@skills/platform';
import { Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import { BUREAU_ROLES } from '../training/cohort-access';
import { policyVersionNotFound } from './policy-views';
import { StartSimulationForm, asOfOf, candidateOf, simulationNotFound, type SimulationCandidate } from './simulation-forms';
import { SimulationRuns } from './simulation-runs';

/**
 * Issue 4 item 6: the whole history replayed under another policy version (a published one or a draft), read only.
 * A run can take minutes at district scale, so POST starts it (202) and GET follows its progress to the report.
 */
@Controller('api/policies/simulations')
export class PolicySimulationsController {
  private readonly runs: SimulationRuns;

  constructor(@Inject(TOKENS.system) private readonly system: System) {
    this.runs = new SimulationRuns((input, options) => simulatePolicy(system.db, input, options), {
      onFailure: (simulationId, error) => system.logger.warn('policy simulation failed', { simulationId, ...describeError(error) }),
    });
  }

  /** 202 when started now, 200 for a retry with the same Idempotency-Key and body (the same run, as it stands). */
  @Post()
  @Roles(...BUREAU_ROLES)
  async start(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @Res() reply: FastifyReply) {
    const form = parseInput(StartSimulationForm, body);
    const asOf = asOfOf(form, shanghaiDateOf(envelope.now));
    const requested = candidateOf(form);
    const document = await this.documentOf(requested);
    const key = requested.source === 'PUBLISHED' ? { policyVersion: requested.policyVersion } : { draftContentHash: policyContentHash(document) };
    const { run, alreadyStarted } = this.runs.start({
      simulationId: deterministicUuid(envelope.idempotencyKey, 'policy-simulation'),
      // asOf as sent: a retry tomorrow of a request without one is still the same request.
      requestHash: hashCommand({ type: 'SimulatePolicy', ...key, asOf: form.asOf ?? null }),
      requestedBy: envelope.actor,
      candidate: { source: requested.source, policyVersion: policyVersionOf(document) },
      input: { candidate: document, asOf },
    });
    if (!alreadyStarted) this.system.logger.info('policy simulation started', { simulationId: run.simulationId, policyVersion: run.candidate.policyVersion, source: run.candidate.source, asOf });
    void reply
      .status(alreadyStarted ? 200 : 202)
      .header('location', `/api/policies/simulations/${run.simulationId}`)
      .send({ ...run, alreadyStarted });
  }

  @Get(':simulationId')
  @Roles(...BUREAU_ROLES)
  read(@Param('simulationId', UuidOr404) simulationId: string) {
    const run = this.runs.find(simulationId);
    if (!run) throw simulationNotFound();
    return run;
  }

  private async documentOf(candidate: SimulationCandidate): Promise<PolicyDocument> {
    if (candidate.source === 'DRAFT') return candidate.document;
    // From the store, so a version another replica published a moment ago is found too.
    await this.system.policies.refresh();
    const found = this.system.policies.find(candidate.policyVersion);
    if (!found) throw policyVersionNotFound(candidate.policyVersion);
    return found.document;
  }
}
