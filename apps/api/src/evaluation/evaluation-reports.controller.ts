import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, shanghaiDateOf } from '@skills/domain';
import { deterministicUuid, describeError, hashCommand, newEnvelope, parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { FigureTracer, parseReportPeriod, renderReportPdf, renderReportXlsx, reportContentHash } from '@skills/reports';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { EVALUATION_READERS, evaluationUnitFor } from './evaluation-readers';
import { EvaluationReportRuns } from './evaluation-report-runs';
import { StartReportForm, TraceQuery } from './evaluation-report.forms';
import { computeEvaluationReport, rebuildEvaluationReport, runEvaluationReport, type ComputedReport, type ReportSources } from './evaluation-report.service';
import { readFigureTrace } from './figure-trace';
import { freezeReport, listFrozenReports, readFrozenReport, type FrozenReport } from './frozen-reports';
import { reportFileName } from './report-file-name';
import { assertMayReadReportOf } from './report-access';
import { resolveReportContext } from './report-context.service';
import { differingSections } from './report-differences';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEFAULT_TRACE_LIMIT = 1_000;

/**
 * R-EVAL-1, R-MON-1 (issue 7): the semiannual evaluation report. POST runs it as of a day from the event history
 * (202, progress at GET …/runs/:runId) and freezes it with its content hash; the frozen report is read as JSON,
 * XLSX or PDF (the same figures in each), verified by recomputing it, and each figure traced to its events.
 */
@Controller('api/evaluation/reports')
export class EvaluationReportsController {
  private readonly runs: EvaluationReportRuns;
  /** The last history read for a trace, by report id: tracing figure after figure of one report reads the store once. */
  private traced: { readonly reportId: string; readonly computed: Promise<ComputedReport> } | null = null;

  constructor(
    @Inject(TOKENS.system) private readonly system: System,
    @Inject(REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory,
  ) {
    this.runs = new EvaluationReportRuns({ onFailure: (runId, error) => system.logger.warn('evaluation report run failed', { runId, ...describeError(error) }) });
  }

  private get sources(): ReportSources {
    return { system: this.system, units: this.directory.subdistrictList() };
  }

  /** 202 when started now, 200 for a retry with the same Idempotency-Key and body (the same run, as it stands). */
  @Post()
  @Roles(...EVALUATION_READERS)
  async start(@Body() body: unknown, @Envelope() envelope: CommandEnvelope, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const form = parseInput(StartReportForm, body ?? {});
    const subdistrictId = evaluationUnitFor(principal, form.subdistrictId) ?? null;
    const asOf = form.asOf ?? shanghaiDateOf(envelope.now);
    const period = parseReportPeriod(form.period);
    if (asOf < period.from) {
      throw new DomainError('EVALUATION.AS_OF_BEFORE_PERIOD', `asOf ${asOf} is before the period ${period.label} begins (${period.from}): choose an asOf on or after ${period.from}`, 'validation', {}, [
        { field: 'asOf', message: `must be on or after ${period.from}, the first day of the period` },
      ]);
    }
    // Resolved now, so a day with no target set in force or an unknown unit is answered 400/404, not a failed run.
    const context = await resolveReportContext(this.system, this.sources.units, { period, asOf, subdistrictId });
    const requestHash = hashCommand({ type: 'RunEvaluationReport', period: form.period, asOf: form.asOf ?? null, subdistrictId });
    const reportId = deterministicUuid(envelope.idempotencyKey, 'evaluation-report');
    const { run, alreadyStarted } = this.runs.start(
      { runId: deterministicUuid(envelope.idempotencyKey, 'evaluation-report-run'), reportId, requestHash, requestedBy: envelope.actor, period: period.label, asOf, subdistrictId },
      async (onProgress) => {
        const { report } = await computeEvaluationReport(this.system, context, onProgress);
        const contentHash = reportContentHash(report);
        // Frozen at the end of the run, under the POST's key: a run retried after a restart freezes nothing twice.
        const frozenEnvelope = newEnvelope(envelope.actor, envelope.correlationId, envelope.idempotencyKey);
        await freezeReport(this.system, frozenEnvelope, { reportId, period, asOf, subdistrictId, contentHash, report }, requestHash);
        this.system.logger.info('evaluation report frozen', { reportId, period: `${period.from}..${period.to}`, asOf, contentHash });
        return { contentHash };
      },
    );
    if (!alreadyStarted) this.system.logger.info('evaluation report started', { runId: run.runId, asOf });
    void reply
      .status(alreadyStarted ? 200 : 202)
      .header('location', `/api/evaluation/reports/runs/${run.runId}`)
      .send({ ...run, alreadyStarted });
  }

  @Get('runs/:runId')
  @Roles(...EVALUATION_READERS)
  run(@Param('runId', UuidOr404) runId: string, @CurrentPrincipal() principal: Principal) {
    const run = this.runs.find(runId);
    if (!run) {
      throw new DomainError('EVALUATION.RUN_NOT_FOUND', 'No such report run in this api process (restarted, evicted or another replica): GET /api/evaluation/reports lists the frozen reports, or start it again', 'not_found');
    }
    assertMayReadReportOf(principal, run.subdistrictId);
    return run;
  }

  /** The frozen reports, newest first; a subdistrict officer's own unit's only. */
  @Get()
  @Roles(...EVALUATION_READERS)
  async list(@CurrentPrincipal() principal: Principal) {
    return { reports: await listFrozenReports(this.system, evaluationUnitFor(principal, undefined)) };
  }

  @Get(':reportId')
  @Roles(...EVALUATION_READERS)
  async read(@Param('reportId', UuidOr404) reportId: string, @CurrentPrincipal() principal: Principal) {
    const { report, contentHash, frozenAt } = await this.frozen(reportId, principal);
    return { reportId, contentHash, frozenAt, report };
  }

  @Get(':reportId/report.xlsx')
  @Roles(...EVALUATION_READERS)
  async xlsx(@Param('reportId', UuidOr404) reportId: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const frozen = await this.frozen(reportId, principal);
    this.sendFile(reply, frozen, Buffer.from(await renderReportXlsx(frozen.report, { contentHash: frozen.contentHash })), XLSX_TYPE, 'xlsx');
  }

  @Get(':reportId/report.pdf')
  @Roles(...EVALUATION_READERS)
  async pdf(@Param('reportId', UuidOr404) reportId: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    const frozen = await this.frozen(reportId, principal);
    this.sendFile(reply, frozen, Buffer.from(await renderReportPdf(frozen.report, { contentHash: frozen.contentHash })), 'application/pdf', 'pdf');
  }

  /** Issue 7 §3: the report computed again from the history with its frozen period, day and unit. Changes nothing. */
  @Post(':reportId/verify')
  @HttpCode(200)
  @Roles(...EVALUATION_READERS)
  async verify(@Param('reportId', UuidOr404) reportId: string, @CurrentPrincipal() principal: Principal) {
    const frozen = await this.frozen(reportId, principal);
    const recomputed = await runEvaluationReport(this.sources, { period: frozen.period, asOf: frozen.asOf, subdistrictId: frozen.subdistrictId });
    const recomputedHash = reportContentHash(recomputed.report);
    return {
      reportId,
      asOf: frozen.asOf,
      reproduced: recomputedHash === frozen.contentHash,
      frozenHash: frozen.contentHash,
      recomputedHash,
      differingSections: differingSections(frozen.report, recomputed.report),
      eventsRead: recomputed.eventsRead,
    };
  }

  /** R-MON-1: the events behind one figure, as recorded by the report's asOf: ids, types and days, never data. */
  @Get(':reportId/trace')
  @Roles(...EVALUATION_READERS)
  async trace(@Param('reportId', UuidOr404) reportId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { figure, limit, afterPosition } = parseInput(TraceQuery, query ?? {});
    const frozen = await this.frozen(reportId, principal);
    const tracer = new FigureTracer(figure);
    rebuildEvaluationReport(await this.historyFor(frozen), tracer);
    if (!tracer.found) {
      throw new DomainError('EVALUATION.NO_SUCH_FIGURE', `No section of report ${reportId} produces figure ${figure}: use the id of a figure as GET /api/evaluation/reports/${reportId} gives it`, 'not_found', { figure }, [
        { field: 'figure', message: 'no figure of this report has this id' },
      ]);
    }
    const refs = tracer.refs();
    const trace = await readFigureTrace(this.system.db, refs, frozen.asOf, { limit: limit ?? DEFAULT_TRACE_LIMIT, afterPosition: afterPosition ?? null });
    return { reportId, figure, asOf: frozen.asOf, sources: refs, ...trace };
  }

  private async frozen(reportId: string, principal: Principal): Promise<FrozenReport> {
    const frozen = await readFrozenReport(this.system, reportId);
    assertMayReadReportOf(principal, frozen.subdistrictId);
    return frozen;
  }

  private historyFor(frozen: FrozenReport): Promise<ComputedReport> {
    const request = { period: frozen.period, asOf: frozen.asOf, subdistrictId: frozen.subdistrictId };
    // A report as of today may still gain facts recorded today: its history is read again for every trace.
    if (frozen.asOf >= shanghaiDateOf(new Date().toISOString())) return runEvaluationReport(this.sources, request);
    if (this.traced?.reportId !== frozen.reportId) {
      const computed = runEvaluationReport(this.sources, request);
      // A failed read is not kept: the next trace reads again.
      computed.catch(() => {
        if (this.traced?.computed === computed) this.traced = null;
      });
      this.traced = { reportId: frozen.reportId, computed };
    }
    return this.traced.computed;
  }

  private sendFile(reply: FastifyReply, frozen: FrozenReport, bytes: Buffer, contentType: string, extension: string): void {
    const code = this.directory.subdistrictList().find((u) => u.subdistrictId === frozen.subdistrictId)?.code ?? 'DISTRICT';
    void reply
      .header('content-type', contentType)
      .header('content-length', String(bytes.length))
      .header('content-disposition', `attachment; filename="${reportFileName(frozen, code, extension)}"`)
      .header('x-content-hash', frozen.contentHash)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(bytes);
  }
}
