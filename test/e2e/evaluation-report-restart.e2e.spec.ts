import { randomUUID } from 'node:crypto';
import { EvaluationReportsController } from '../../apps/api/src/evaluation/evaluation-reports.controller';
import type { ReportWorkGuard } from '../../apps/api/src/evaluation/report-work-guard';
import { evaluationIntegrity, FROZEN_REPORT_INTEGRITY, secondApiProcess, type SecondApiProcess } from '../support/evaluation-integrity';
import { onDay } from '../support/past-cohorts';

/**
 * R-EVAL-1 (issue 7 §3, review findings): after a restart, from the cards and certificates evaluation-integrity.ts
 * records. A retried POST answers the frozen report, and reads of the history go one at a time, on a second api
 * process over the same PostgreSQL database with no runs in memory.
 */
describe(FROZEN_REPORT_INTEGRITY, () => {
  const given = evaluationIntegrity();
  const { get, runReport, report, traceRoute } = given;
  let evaluator: string;
  let officer: string;
  let nancun: string;

  beforeAll(() => {
    ({ evaluator, officer, nancun } = given);
  });

  describe('after a restart (a second api process on the same database, with no runs in memory)', () => {
    let restarted: SecondApiProcess;
    const call: SecondApiProcess['request'] = (...request) => restarted.request(...request);
    const guard = () => (restarted.process.get(EvaluationReportsController) as unknown as { guard: ReportWorkGuard }).guard;

    beforeAll(async () => {
      restarted = await secondApiProcess(given.app.system, given.app.directory);
    });
    afterAll(() => restarted?.process.close());

    it('R-EVAL-1 a retried POST (same Idempotency-Key, asOf left out) answers DONE with the frozen asOf and hash, recomputes and freezes nothing; GET of its run answers from the frozen report', async () => {
      const key = randomUUID();
      // Run on 2021-07-01 with asOf left out: the report is as of 2021-07-01.
      const first = await onDay('2021-07-01', () => runReport(evaluator, { period: 'H1-2021' }, key));
      expect(first).toMatchObject({ status: 'DONE', asOf: '2021-07-01' });
      const stored = await report(first.reportId);
      const frozenBefore = (await get(evaluator, '/api/evaluation/reports')).body.reports.length;

      // Retried today on the restarted process: today's asOf and today's facts would give another hash.
      const retry = await call('POST', '/api/evaluation/reports', evaluator, { period: 'H1-2021' }, key);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('location')).toBe(`/api/evaluation/reports/runs/${first.runId}`);
      expect(retry.body).toMatchObject({ runId: first.runId, status: 'DONE', alreadyStarted: true, asOf: '2021-07-01', reportId: first.reportId, contentHash: stored.contentHash, progress: { percent: 100 } });
      expect(retry.body.progress.eventsRead).toBe(first.progress.eventsRead);
      const run = await call('GET', `/api/evaluation/reports/runs/${first.runId}`, evaluator);
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ status: 'DONE', asOf: '2021-07-01', contentHash: stored.contentHash, reportId: first.reportId });
      // The officer may not read the district's run, even from the store.
      expect((await call('GET', `/api/evaluation/reports/runs/${first.runId}`, officer)).status).toBe(403);
      expect((await get(evaluator, '/api/evaluation/reports')).body.reports).toHaveLength(frozenBefore);
      expect(await report(first.reportId)).toEqual(stored);
      // The same key for another request is still refused.
      expect((await call('POST', '/api/evaluation/reports', evaluator, { period: 'H1-2021', asOf: '2021-06-30' }, key)).status).toBe(422);
    });

    it('R-EVAL-1 one read of the history at a time: while one holds it, a new run, a verify and a first trace get 409 saying to retry; released, each goes', async () => {
      const frozenRun = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
      const release = guard().acquire({ kind: 'run', runId: '00000000-0000-4000-8000-000000000001' });
      try {
        const refusals = [
          await call('POST', '/api/evaluation/reports', evaluator, { period: 'H1-2021', asOf: '2021-06-30' }, randomUUID()),
          await call('POST', `/api/evaluation/reports/${frozenRun.reportId}/verify`, evaluator, {}, randomUUID()),
          await call('GET', traceRoute(frozenRun.reportId, 'progress/done/district'), evaluator),
        ];
        for (const refused of refusals) {
          expect(refused.status).toBe(409);
          expect(refused.body.error).toMatchObject({ code: 'EVALUATION.REPORT_ALREADY_RUNNING', details: { runningRunId: '00000000-0000-4000-8000-000000000001', retryAfterSeconds: 5 } });
          expect(refused.body.error.message).toContain('retry');
        }
      } finally {
        release();
      }
      expect((await call('POST', `/api/evaluation/reports/${frozenRun.reportId}/verify`, evaluator, {}, randomUUID())).body).toMatchObject({ verified: true });
      expect((await call('GET', traceRoute(frozenRun.reportId, 'progress/done/district'), evaluator)).status).toBe(200);
      // The trace's history is read: a trace of another figure of it reads no more, so a held guard does not stop it.
      const held = guard().acquire({ kind: 'verify', reportId: frozenRun.reportId });
      try {
        expect((await call('GET', traceRoute(frozenRun.reportId, `progress/done/${nancun}`), evaluator)).status).toBe(200);
      } finally {
        held();
      }
    });
  });
});
