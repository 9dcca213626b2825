import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { RegistryUnit } from '@skills/policy';
import { DomainError, shanghaiDateOf } from '@skills/domain';
import { deterministicUuid, describeError, hashCommand, idempotencyKeyReused, newEnvelope, parseInput, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { FigureTracer, parseReportPeriod, renderReportPdf, renderReportXlsx, reportContentHash } from '@skills/reports';
import { CurrentPrincipal, Envelope, Roles } from '../http/access.decorators';
import { TOKENS } from '../http/tokens';
import { UuidOr404 } from '../http/uuid-or-404.pipe';
import type { RegistryDirectory } from '../registry/registry-directory';
import { REGISTRY_DIRECTORY } from '../registry/registry-directory.token';
import { unitsNotAsRegistered } from './frozen-units-check';
import { EVALUATION_READERS, evaluationUnitFor } from './evaluation-readers';
import { EvaluationReportRuns } from './evaluation-report-runs';
import { StartReportForm, TraceQuery } from './evaluation-report.forms';
import { rebuildEvaluationReport, runEvaluationReport, type ComputedReport, type ReportSources } from './evaluation-report.service';
import { readFigureTrace } from './figure-trace';
import { findFrozenReport, findFrozenReportOfRun, freezeReport, listFrozenReports, readFrozenReport, type FrozenReport } from './frozen-reports';
import { runViewOfFrozen } from './frozen-run-view';
import { reportFileName } from './report-file-name';
import { ReportWorkGuard } from './report-work-guard';
import { traceForReader } from './trace-for-reader';
import { isBureau } from '../training/cohort-access';
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
  /** One read of the whole history at a time: a run, a verification or a trace (issue 7, limits). */
  private readonly guard = new ReportWorkGuard();
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
    const requestHash = hashCommand({ type: 'RunEvaluationReport', period: form.period, asOf: form.asOf ?? null, subdistrictId });
    const reportId = deterministicUuid(envelope.idempotencyKey, 'evaluation-report');
    const runId = deterministicUuid(envelope.idempotencyKey, 'evaluation-report-run');
    // Issue 7 §3: a retry whose run this process no longer holds (restart, eviction, another replica) is answered
    // from the frozen report, never recomputed: a recomputation would take a new asOf (today's, when the form left
    // it out) and could answer a hash other than the one stored.
    if (!this.runs.find(runId)) {
      const stored = await findFrozenReport(this.system, reportId);
      if (stored) {
        if (stored.requestHash !== null && stored.requestHash !== requestHash) throw idempotencyKeyReused();
        assertMayReadReportOf(principal, stored.subdistrictId);
        void reply.status(200).header('location', `/api/evaluation/reports/runs/${runId}`).send({ ...runViewOfFrozen(stored, runId), alreadyStarted: true });
        return;
      }
    }
    // Resolved now, so a day with no target set in force or an unknown unit is answered 400/404, not a failed run.
    // The run resolves it again as known at the head it reads, which is what verify and trace resolve.
    await resolveReportContext(this.system, this.sources.units, { period, asOf, subdistrictId });
    const request = { period, asOf, subdistrictId };
    // Taken with no await before the run starts, so no second reader slips in between.
    const release = this.runs.find(runId) ? undefined : this.guard.acquire({ kind: 'run', runId });
    let started: ReturnType<EvaluationReportRuns['start']>;
    try {
      started = this.runs.start({ runId, reportId, requestHash, requestedBy: envelope.actor, period: period.label, asOf, subdistrictId }, async (onProgress) => {
        const computed = await runEvaluationReport(this.sources, request, { onProgress });
        const contentHash = reportContentHash(computed.report);
        // Frozen at the end of the run, under the POST's key, with the head it read (R-MON-1): a run retried after
        // a restart freezes nothing twice, and verify reads exactly what this run read.
        const frozenEnvelope = newEnvelope(envelope.actor, envelope.correlationId, envelope.idempotencyKey);
        const historyHead = computed.head ?? { transactionId: '0', position: '0' };
        // With the units it was computed with (R-EVAL-1): a unit renamed in the task table's file later changes no verification.
        const frozenReport = { reportId, period, asOf, subdistrictId, contentHash, report: computed.report, historyHead, runId, eventsRead: computed.eventsRead, units: computed.context.units };
        await freezeReport(this.system, frozenEnvelope, frozenReport, requestHash);
        // What is stored is the report. A freeze that found it already frozen (another replica ran the same key)
        // stored nothing: the run answers the stored hash, or fails when the stored report is of another day.
        const stored = await readFrozenReport(this.system, reportId);
        if (stored.asOf !== asOf) {
          throw new DomainError('EVALUATION.FROZEN_EARLIER', `report ${reportId} was already frozen as of ${stored.asOf} under this Idempotency-Key: read it with GET /api/evaluation/reports/${reportId}`, 'conflict', { reportId });
        }
        this.system.logger.info('evaluation report frozen', { reportId, period: `${period.from}..${period.to}`, asOf, contentHash: stored.contentHash, frozenNow: stored.contentHash === contentHash });
        return { contentHash: stored.contentHash };
      });
    } catch (error) {
      release?.();
      throw error;
    }
    const { run, alreadyStarted } = started;
    if (release) void this.runs.settled(runId).finally(release);
    if (!alreadyStarted) this.system.logger.info('evaluation report started', { runId: run.runId, asOf });
    void reply
      .status(alreadyStarted ? 200 : 202)
      .header('location', `/api/evaluation/reports/runs/${run.runId}`)
      .send({ ...run, alreadyStarted });
  }

  @Get('runs/:runId')
  @Roles(...EVALUATION_READERS)
  async run(@Param('runId', UuidOr404) runId: string, @CurrentPrincipal() principal: Principal) {
    const run = this.runs.find(runId) ?? (await this.frozenRun(runId));
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

  /**
   * Issue 7 §3, R-MON-1: two checks, both answered. storedIntact: the stored report still hashes to its stored
   * content hash (nothing edited it in the store). reproduced: the report computed again from the history, with its
   * frozen period, day and unit, read up to the head the run read (a fact recorded later, even the same day, changes
   * nothing), hashes to the stored content hash. Computed with the registry's units frozen with it (unitsFrom FROZEN),
   * or today's for a report frozen before they were stored (REGISTRY); frozen units must match their registration
   * events (UNITS_AS_REGISTERED, frozen-units-check.ts). Changes nothing.
   */
  @Post(':reportId/verify')
  @HttpCode(200)
  @Roles(...EVALUATION_READERS)
  async verify(@Param('reportId', UuidOr404) reportId: string, @CurrentPrincipal() principal: Principal) {
    const frozen = await this.frozen(reportId, principal);
    const request = { period: frozen.period, asOf: frozen.asOf, subdistrictId: frozen.subdistrictId };
    // A report frozen before heads were stored is read up to today's head (what it was verified against before).
    const recomputed = await this.guard.run({ kind: 'verify', reportId }, () => runEvaluationReport(this.sourcesOf(frozen), request, frozen.historyHead ? { upTo: frozen.historyHead } : {}));
    const recomputedHash = reportContentHash(recomputed.report);
    const storedHash = reportContentHash(frozen.report);
    const storedIntact = storedHash === frozen.contentHash;
    const reproduced = recomputedHash === frozen.contentHash;
    const unitsNotRegistered = frozen.units ? await unitsNotAsRegistered(this.system.store, frozen.units) : [];
    const failedChecks = [
      ...(storedIntact ? [] : [{ check: 'STORED_INTACT', message: 'the stored report no longer hashes to its stored content hash: it was changed after it was frozen' }]),
      ...(reproduced ? [] : [{ check: 'REPRODUCED', message: 'the report computed again from the history does not hash to the stored content hash' }]),
      ...(unitsNotRegistered.length === 0
        ? []
        : [{ check: 'UNITS_AS_REGISTERED', message: `${unitsNotRegistered.length} unit(s) stored with the report differ from their registration (code or names): they were changed after it was frozen` }]),
    ];
    return {
      reportId,
      asOf: frozen.asOf,
      verified: storedIntact && reproduced && unitsNotRegistered.length === 0,
      reproduced,
      storedIntact,
      frozenHash: frozen.contentHash,
      storedHash,
      recomputedHash,
      failedChecks,
      differingSections: differingSections(frozen.report, recomputed.report),
      historyHead: frozen.historyHead,
      eventsRead: recomputed.eventsRead,
      unitsFrom: frozen.units ? 'FROZEN' : 'REGISTRY',
    };
  }

  /**
   * R-MON-1: the events behind one figure, as the report read them: ids, types and days, never data. A subdistrict
   * officer gets no stream id (traceForReader): its events name their stream's kind only.
   */
  @Get(':reportId/trace')
  @Roles(...EVALUATION_READERS)
  async trace(@Param('reportId', UuidOr404) reportId: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { figure, limit, afterPosition } = parseInput(TraceQuery, query ?? {});
    const frozen = await this.frozen(reportId, principal);
    const tracer = new FigureTracer(figure);
    const computed = await this.historyFor(frozen);
    rebuildEvaluationReport(computed, tracer);
    if (!tracer.found) {
      throw new DomainError('EVALUATION.NO_SUCH_FIGURE', `No section of report ${reportId} produces figure ${figure}: use the id of a figure as GET /api/evaluation/reports/${reportId} gives it`, 'not_found', { figure }, [
        { field: 'figure', message: 'no figure of this report has this id' },
      ]);
    }
    const refs = tracer.refs();
    const trace = await readFigureTrace(this.system.db, refs, frozen.asOf, computed.head, { limit: limit ?? DEFAULT_TRACE_LIMIT, afterPosition: afterPosition ?? null });
    return { reportId, figure, asOf: frozen.asOf, historyHead: computed.head, ...traceForReader(refs, trace, isBureau(principal)) };
  }

  /** A run this process no longer holds, answered from the report it froze (the run id is stored with it). */
  private async frozenRun(runId: string) {
    const frozen = await findFrozenReportOfRun(this.system, runId);
    return frozen && runViewOfFrozen(frozen, runId.toLowerCase());
  }

  private async frozen(reportId: string, principal: Principal): Promise<FrozenReport> {
    const frozen = await readFrozenReport(this.system, reportId);
    assertMayReadReportOf(principal, frozen.subdistrictId);
    return frozen;
  }

  private historyFor(frozen: FrozenReport): Promise<ComputedReport> {
    const request = { period: frozen.period, asOf: frozen.asOf, subdistrictId: frozen.subdistrictId };
    // Read up to the report's head, the history of a report never changes (one frozen before heads were stored is
    // read up to the head of its first trace, and its traces page up to that same head): one read serves every trace.
    if (this.traced?.reportId !== frozen.reportId) {
      // Only a read of the history takes the guard: traces of a report already read share it.
      const release = this.guard.acquire({ kind: 'trace', reportId: frozen.reportId });
      const computed = runEvaluationReport(this.sourcesOf(frozen), request, frozen.historyHead ? { upTo: frozen.historyHead } : {}).finally(release);
      // A failed read is not kept: the next trace reads again.
      computed.catch(() => {
        if (this.traced?.computed === computed) this.traced = null;
      });
      this.traced = { reportId: frozen.reportId, computed };
    }
    return this.traced.computed;
  }

  /**
   * R-EVAL-1: a frozen report is computed again (verify, trace) with the units it was computed with, so a unit renamed
   * in the task table's file since changes nothing; one frozen before units were stored, with today's (as before).
   */
  private sourcesOf(frozen: FrozenReport): ReportSources {
    return { system: this.system, units: this.unitsOf(frozen) };
  }

  private unitsOf(frozen: FrozenReport): readonly RegistryUnit[] {
    return frozen.units ?? this.directory.subdistrictList();
  }

  private sendFile(reply: FastifyReply, frozen: FrozenReport, bytes: Buffer, contentType: string, extension: string): void {
    // The code as frozen, like the names the file shows.
    const code = this.unitsOf(frozen).find((u) => u.subdistrictId === frozen.subdistrictId)?.code ?? 'DISTRICT';
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
