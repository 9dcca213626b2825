import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { System } from '@skills/platform';
import { Public } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';

/** Database status and projection lag: 200 when the database answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(@Inject(TOKENS.system) private readonly system: System) {}

  @Public()
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const started = process.hrtime.bigint();
    let database: { status: 'up' | 'down'; engine: string; latencyMs?: number } = { status: 'down', engine: this.system.db.engine };
    try {
      await this.system.db.query('SELECT 1');
      database = { status: 'up', engine: this.system.db.engine, latencyMs: Number(process.hrtime.bigint() - started) / 1e6 };
    } catch {
      // reported as down below
    }
    const projections = database.status === 'up' && this.system.runner ? await this.system.runner.status().catch(() => []) : [];
    const lag = projections.reduce((sum, p) => sum + p.eventsBehind, 0);
    void reply.status(database.status === 'up' ? 200 : 503).send({
      status: database.status === 'up' ? 'ok' : 'degraded',
      database,
      projections: { worker: this.system.runner ? 'running' : 'not in this process', totalEventsBehind: lag, details: projections },
    });
  }
}
