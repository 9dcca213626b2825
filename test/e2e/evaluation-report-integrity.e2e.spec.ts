import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toCertificateStreamId, toLabourerStreamId } from '@skills/domain';
import { evaluationIntegrity, FROZEN_REPORT_INTEGRITY } from '../support/evaluation-integrity';
import { expectStatus } from '../support/keyed-requests';
import type { TestApp } from '../support/test-app';

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
 * R-EVAL-1, R-MON-1 (issue 7 §3, review findings): a frozen report stays verifiable and its run stays truthful, from
 * the cards and certificates evaluation-integrity.ts records. Over HTTP on PostgreSQL: verify reads only up to the
 * head its run read and checks the stored report against its own hash, a subdistrict officer's trace names no
 * per-person stream, and the progress endpoint knows target sets as the report does. After a restart:
 * evaluation-report-restart.e2e.spec.ts; after the task table renames a unit: evaluation-report-unit-rename.e2e.spec.ts.
 */
describe(FROZEN_REPORT_INTEGRITY, () => {
  const given = evaluationIntegrity();
  const { get, certificate, runReport, report, verify, traceRoute, rewriteStored, tamper } = given;
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let officer: string;
  let nancun: string;
  let cards: { a: string; b: string; c: string };
  let certificates: { a: string; b: string };
  const today = () => shanghaiDateOf(new Date().toISOString());

  beforeAll(() => {
    ({ app, admin, evaluator, officer, nancun, cards, certificates } = given);
  });

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
