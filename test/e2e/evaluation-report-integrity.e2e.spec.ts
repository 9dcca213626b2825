import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { shanghaiDateOf, toCertificateStreamId, toEvaluationReportStreamId, toLabourerStreamId } from '@skills/domain';
import { createApp } from '../../apps/api/src/create-app';
import { EvaluationReportsController } from '../../apps/api/src/evaluation/evaluation-reports.controller';
import type { ReportWorkGuard } from '../../apps/api/src/evaluation/report-work-guard';
import { DEFAULT_TASK_TABLE, readTaskTableUnits, type RegistryDirectory } from '../../apps/api/src/registry/registry-directory';
import { expectStatus, keyedRequests } from '../support/keyed-requests';
import { labourerRegistrar } from '../support/labourers';
import { onDay } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// The shipped task table with Nancun raised to 1,700 (100 a month) and Dongjie lowered to 1,900 (112), taking effect
// 2021-01-01 over the same task period: published "today", after a report as of today was frozen.
const REVISED_CSV = [
  '单位,现有持证人数,2021年持证目标,任务数,月均推进数',
  '城区,18382,32582,14200,836',
  '南村镇,,,1700,100',
  '西上庄办事处,,,1200,71',
  '钟家庄办事处,,,3000,176',
  '东街办事处,,,1900,112',
  '南街办事处,,,1600,94',
  '西街办事处,,,2000,118',
  '北街办事处,,,1300,76',
  '开发区办事处,,,1500,88',
].join('\n');

/**
 * R-EVAL-1, R-MON-1 (issue 7 §3, review findings): a frozen report stays verifiable and its run stays truthful. On
 * 2021-01-10 two Nancun cards (A, B) are recorded with certificates issued 2021-01-05 and 2020-12-20; a third card C
 * has none. Over HTTP on PostgreSQL: verify reads only up to the head its run read, checks the stored report against
 * its own hash, a retried POST after a restart answers the frozen report, reads of the history go one at a time,
 * a subdistrict officer's trace names no per-person stream, and the progress endpoint knows target sets as the
 * report does.
 */
describe('a frozen evaluation report stays true to what its run read (R-EVAL-1, R-MON-1)', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let officer: string;
  let nancun: string;
  let numbers = 0;
  let cards: { a: string; b: string; c: string };
  let certificates: { a: string; b: string };
  const { post } = keyedRequests(() => app);
  const get = (token: string, route: string) => app.request('GET', route, { token });
  const today = () => shanghaiDateOf(new Date().toISOString());

  const certificate = async (labourerId: string, issuedOn: string): Promise<string> => {
    const body = { labourerId, number: `EVAL-INTEGRITY-${++numbers}`, issuer: '市职业技能鉴定中心', type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn };
    return expectStatus(await post('/api/certificates', admin, body), 201).body.certificateId as string;
  };

  /** POSTs the run and follows it to its end; answers the final run. */
  const runReport = async (token: string, body: Record<string, unknown>, key: string = randomUUID()) => {
    const started = expectStatus(await post('/api/evaluation/reports', token, body, key), 202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = expectStatus(await get(token, `/api/evaluation/reports/runs/${started.body.runId}`), 200);
      if (run.body.status !== 'RUNNING') return run.body;
      if (Date.now() > deadline) throw new Error(`run still RUNNING: ${run.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const report = async (reportId: string) => expectStatus(await get(evaluator, `/api/evaluation/reports/${reportId}`), 200).body;
  const verify = async (reportId: string, token = evaluator) => expectStatus(await post(`/api/evaluation/reports/${reportId}/verify`, token, {}), 200).body;
  const traceRoute = (reportId: string, figure: string) => `/api/evaluation/reports/${reportId}/trace?figure=${encodeURIComponent(figure)}`;

  /**
   * Rewrites a report's stored event (`data` becomes `newData`, an SQL expression over $2…) as someone with database
   * rights could: the append-only trigger is the app's guard, not a lock.
   */
  const rewriteStored = async (reportId: string, newData: string, values: unknown[] = []) => {
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      const updated = await client.query(`UPDATE events SET data = ${newData} WHERE stream_id = $1`, [toEvaluationReportStreamId(reportId), ...values]);
      expect(updated.rowCount).toBe(1);
      await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  };
  const tamper = (reportId: string, path: string, value: unknown) => rewriteStored(reportId, 'jsonb_set(data, $2::text[], $3::jsonb)', [path.split('.'), JSON.stringify(value)]);

  beforeAll(async () => {
    app = await startTestApp();
    [admin, evaluator, officer] = await Promise.all([app.login('admin'), app.login('evaluator'), app.login('officer')]);
    nancun = app.directory.findSubdistrict('南村镇')!;
    await onDay('2021-01-10', async () => {
      const [a, b, c] = await labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1986-04-15', name: '孙完整', firstSequence: 910 }).many(3);
      cards = { a: a!, b: b!, c: c! };
      certificates = { a: await certificate(a!, '2021-01-05'), b: await certificate(b!, '2020-12-20') };
    });
  });
  afterAll(() => app?.close());

  it('R-MON-1 R-TGT-2 a report as of today still verifies after a certificate and a target set are recorded later the same day; a new run as of today shows both', async () => {
    const frozenRun = await runReport(evaluator, { period: 'H1-2021' });
    expect(frozenRun).toMatchObject({ status: 'DONE', asOf: today() });
    const frozen = await report(frozenRun.reportId);
    const nancunLine = (r: any) => r.report.progress.units.find((u: any) => u.subdistrictId === nancun);
    expect(nancunLine(frozen)).toMatchObject({ task: 1_600, done: { count: 2 } });
    expect(frozen.report.progress.targetSetVersion).toBe('JCCQ-2020-12.v1');

    // Later the same day: C's certificate (issued in H1) and a revised task table taking effect 2021-01-01.
    await certificate(cards.c, '2021-06-10');
    const published = await app.request('POST', '/api/targets?targetSetId=JCCQ-2020-12&effectiveFrom=2021-01-01&periodFrom=2020-08&periodTo=2021-12', {
      token: admin,
      raw: REVISED_CSV,
      contentType: 'text/csv',
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(published.status).toBe(201);
    expect(published.body.targetSetVersion).toBe('JCCQ-2020-12.v2');

    // The same day, so asOf filters nothing out: only the stored head keeps the new facts out.
    const verified = await verify(frozen.reportId);
    expect(verified).toMatchObject({ verified: true, reproduced: true, storedIntact: true, frozenHash: frozen.contentHash, storedHash: frozen.contentHash, recomputedHash: frozen.contentHash, failedChecks: [], differingSections: [] });
    expect(verified.historyHead).toEqual({ transactionId: expect.stringMatching(/^\d+$/), position: expect.stringMatching(/^\d+$/) });
    // Its trace pages to the same events: Nancun done = A's and B's certificates and cards, not C's certificate.
    const trace = expectStatus(await get(evaluator, traceRoute(frozen.reportId, `progress/done/${nancun}`)), 200).body;
    expect(trace).toMatchObject({ total: 4, streams: 4, historyHead: verified.historyHead });
    expect(trace.events.map((e: any) => e.streamId).sort()).toEqual([toCertificateStreamId(certificates.a), toCertificateStreamId(certificates.b), toLabourerStreamId(cards.a), toLabourerStreamId(cards.b)].sort());

    const laterRun = await runReport(evaluator, { period: 'H1-2021' });
    const later = await report(laterRun.reportId);
    expect(later.report.asOf).toBe(frozen.report.asOf);
    expect(later.contentHash).not.toBe(frozen.contentHash);
    expect(later.report.progress.targetSetVersion).toBe('JCCQ-2020-12.v2');
    expect(nancunLine(later)).toMatchObject({ task: 1_700, done: { count: 3 } });
  });

  it('R-EVAL-1 R-TGT-2 the progress endpoint knows target sets as the report does: as of 2021-06-30 the shipped table (v2, published today, did not exist then), as of today v2', async () => {
    const past = expectStatus(await get(evaluator, `/api/evaluation/certification-progress?asOf=2021-06-30&subdistrictId=${nancun}`), 200).body;
    expect(past).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v1', units: [{ subdistrictId: nancun, task: 1_600 }] });
    const now = expectStatus(await get(evaluator, `/api/evaluation/certification-progress?subdistrictId=${nancun}`), 200).body;
    expect(now).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v2', units: [{ subdistrictId: nancun, task: 1_700 }] });
  });

  it('R-EVAL-1 verify names the check that failed: a stored figure edited in the database (storedIntact false, reproduced true), then the stored hash edited too', async () => {
    const run = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
    const frozen = await report(run.reportId);
    expect(frozen.report.progress.district.done.count).toBe(2);
    await tamper(frozen.reportId, 'report.progress.district.done.count', 99);
    const edited = await verify(frozen.reportId);
    expect(edited).toMatchObject({ verified: false, reproduced: true, storedIntact: false, frozenHash: frozen.contentHash, recomputedHash: frozen.contentHash, differingSections: ['progress'] });
    expect(edited.storedHash).not.toBe(frozen.contentHash);
    expect(edited.failedChecks).toEqual([{ check: 'STORED_INTACT', message: expect.stringContaining('changed after it was frozen') }]);

    // The hash rewritten to match nothing: the stored report does not hash to it, and the history does not reproduce it.
    const forged = 'f'.repeat(64);
    await tamper(frozen.reportId, 'contentHash', forged);
    const both = await verify(frozen.reportId);
    expect(both).toMatchObject({ verified: false, reproduced: false, storedIntact: false, frozenHash: forged, storedHash: edited.storedHash, recomputedHash: frozen.contentHash });
    expect(both.failedChecks.map((f: any) => f.check)).toEqual(['STORED_INTACT', 'REPRODUCED']);
  });

  it('R-EVAL-1 units stored with a report and edited in the database (two names swapped) fail verify: UNITS_AS_REGISTERED, checked against the registration events', async () => {
    const run = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
    await rewriteStored(run.reportId, `jsonb_set(jsonb_set(data, '{units,0,name}', data #> '{units,1,name}'), '{units,1,name}', data #> '{units,0,name}')`);
    const result = await verify(run.reportId);
    expect(result).toMatchObject({ verified: false, storedIntact: true, unitsFrom: 'FROZEN' });
    expect(result.failedChecks.map((c: { check: string }) => c.check)).toContain('UNITS_AS_REGISTERED');
    expect(result.failedChecks.find((c: { check: string }) => c.check === 'UNITS_AS_REGISTERED').message).toBe(
      '2 unit(s) stored with the report differ from their registration (code or names): they were changed after it was frozen',
    );
    // The same report untouched verifies with no such failure.
    const clean = await verify((await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-29' })).reportId);
    expect(clean).toMatchObject({ verified: true, failedChecks: [] });
  });

  describe('after a restart (a second api process on the same database, with no runs in memory)', () => {
    let restarted: NestFastifyApplication;
    let restartedUrl: string;
    const call = async (method: string, route: string, token: string, body?: unknown, key?: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (key) headers['idempotency-key'] = key;
      const response = await fetch(`${restartedUrl}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text), text, headers: response.headers };
    };
    const guard = () => (restarted.get(EvaluationReportsController) as unknown as { guard: ReportWorkGuard }).guard;

    beforeAll(async () => {
      restarted = await createApp(app.system, app.directory);
      await restarted.listen({ port: 0, host: '127.0.0.1' });
      restartedUrl = `http://127.0.0.1:${(restarted.getHttpServer().address() as { port: number }).port}`;
    });
    afterAll(() => restarted?.close());

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

  describe('after the task table file renames a unit (南村镇 → 南村街道), read by a second api process on the same database', () => {
    let renamedDir: string;
    let renamed: NestFastifyApplication;
    let renamedUrl: string;
    const onRenamed = async (method: string, route: string, token: string) => {
      const response = await fetch(`${renamedUrl}${route}`, { method, headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() } });
      const text = await response.text();
      return { status: response.status, body: JSON.parse(text), text };
    };
    const nancunLine = (r: any) => r.report.progress.units.find((u: any) => u.subdistrictId === nancun);

    beforeAll(async () => {
      // A copy of the shipped file with Nancun's names changed, its code (so its subdistrict id) kept.
      renamedDir = mkdtempSync(path.join(tmpdir(), 'sc-task-table-'));
      const file = path.join(renamedDir, 'JCCQ-2020-12.csv');
      const original = readFileSync(DEFAULT_TASK_TABLE, 'utf8');
      expect(original).toContain('NANCUN,UNIT,南村镇,Nancun Town,');
      writeFileSync(file, original.replace('NANCUN,UNIT,南村镇,Nancun Town,', 'NANCUN,UNIT,南村街道,Nancun Subdistrict,'));
      // The directory that process holds: the units read from the renamed file by the app's own reader, over the same
      // store. (RegistryDirectory.load would also seed the units, which the same database refuses for a changed name.)
      const units = readTaskTableUnits(file);
      expect(units.find((u) => u.subdistrictId === nancun)).toMatchObject({ code: 'NANCUN', name: '南村街道', nameEn: 'Nancun Subdistrict' });
      const directory: RegistryDirectory = Object.assign(Object.create(app.directory), { subdistricts: units });
      expect(directory.subdistrictList()).toBe(units);
      renamed = await createApp(app.system, directory);
      await renamed.listen({ port: 0, host: '127.0.0.1' });
      renamedUrl = `http://127.0.0.1:${(renamed.getHttpServer().address() as { port: number }).port}`;
    });
    afterAll(async () => {
      await renamed?.close();
      if (renamedDir) rmSync(renamedDir, { recursive: true, force: true });
    });

    it('R-EVAL-1 a district report and a unit\'s own report frozen before the rename verify as reproduced, computed with the units frozen with them; a trace reads the same events', async () => {
      const district = await report((await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' })).reportId);
      const own = await report((await runReport(officer, { period: 'H1-2021', asOf: '2021-06-30' })).reportId);
      expect(nancunLine(district)).toMatchObject({ code: 'NANCUN', name: '南村镇', done: { count: 2 } });
      expect(own.report.unit).toEqual({ subdistrictId: nancun, name: '南村镇' });

      for (const [frozen, token] of [[district, evaluator], [own, officer]] as const) {
        const verified = await onRenamed('POST', `/api/evaluation/reports/${frozen.reportId}/verify`, token);
        expect(verified.status).toBe(200);
        expect(verified.body).toMatchObject({ verified: true, reproduced: true, storedIntact: true, recomputedHash: frozen.contentHash, failedChecks: [], differingSections: [], unitsFrom: 'FROZEN' });
      }
      const trace = await onRenamed('GET', traceRoute(district.reportId, `progress/done/${nancun}`), evaluator);
      expect(trace.status).toBe(200);
      expect(trace.body).toMatchObject({ total: 4, streams: 4 });
      // Its file is still named with the unit's code.
      const xlsx = await fetch(`${renamedUrl}/api/evaluation/reports/${own.reportId}/report.xlsx`, { headers: { authorization: `Bearer ${officer}` } });
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-disposition')).toContain('NANCUN');
    });

    it('R-EVAL-1 a report frozen before units were stored (no units in its event) still reads, and verifies with the units of the registry as before', async () => {
      const run = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
      await rewriteStored(run.reportId, "data - 'units'");
      const legacy = await verify(run.reportId);
      expect(legacy).toMatchObject({ verified: true, reproduced: true, storedIntact: true, recomputedHash: run.contentHash, failedChecks: [], unitsFrom: 'REGISTRY' });
    });
  });

  it('R-MON-1 a trace pages in the database: one event a page, each after the last, to the same four events', async () => {
    const run = await runReport(evaluator, { period: 'H1-2021', asOf: '2021-06-30' });
    const route = traceRoute(run.reportId, `progress/done/${nancun}`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const body: any = expectStatus(await get(evaluator, `${route}&limit=1${after ? `&afterPosition=${after}` : ''}`), 200).body;
      expect(body.total).toBe(4);
      expect(body.events.length).toBeLessThanOrEqual(1);
      seen.push(...body.events.map((e: any) => e.position));
      after = body.nextAfterPosition;
      if (after === null) break;
    }
    expect(seen).toHaveLength(4);
    expect([...seen].map(BigInt).sort((x, y) => (x < y ? -1 : 1)).map(String)).toEqual(seen);
  });

  it('R-MON-1 a subdistrict officer\'s trace names no per-person stream: event ids, types, positions and days with the stream\'s kind; the evaluator sees the stream ids', async () => {
    const own = await runReport(officer, { period: 'H1-2021', asOf: '2021-06-30' });
    expect(own).toMatchObject({ status: 'DONE', subdistrictId: nancun });
    const route = traceRoute(own.reportId, `progress/done/${nancun}`);
    const forOfficer = expectStatus(await get(officer, route), 200).body;
    expect(forOfficer).toMatchObject({ total: 4, streams: 4, sourceKinds: [{ kind: 'certificate', streams: 2 }, { kind: 'labourer', streams: 2 }] });
    expect(forOfficer).not.toHaveProperty('sources');
    for (const event of forOfficer.events) {
      expect(Object.keys(event).sort()).toEqual(['eventId', 'occurredAt', 'position', 'recordedOn', 'streamKind', 'type']);
    }
    expect(forOfficer.events.map((e: any) => e.streamKind).sort()).toEqual(['certificate', 'certificate', 'labourer', 'labourer']);
    const text = JSON.stringify(forOfficer);
    for (const id of [...Object.values(cards), ...Object.values(certificates)]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/labourer-[0-9a-f]{8}|certificate-[0-9a-f]{8}/);

    const forEvaluator = expectStatus(await get(evaluator, route), 200).body;
    expect(forEvaluator.events.map((e: any) => e.streamId).sort()).toEqual([toCertificateStreamId(certificates.a), toCertificateStreamId(certificates.b), toLabourerStreamId(cards.a), toLabourerStreamId(cards.b)].sort());
    expect(forEvaluator).toMatchObject({ sourcesShown: 4 });
    expect(forEvaluator.events.map((e: any) => e.eventId)).toEqual(forOfficer.events.map((e: any) => e.eventId));
  });
});
