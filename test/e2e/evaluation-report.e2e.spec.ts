import { randomUUID } from 'node:crypto';
import { DISTRICT_TARGETS, toCertificateStreamId, toLabourerStreamId } from '@skills/domain';
import { evaluationFixture } from '../support/evaluation-fixture';
import { expectStatus, type Reply } from '../support/keyed-requests';
import { labourerRegistrar } from '../support/labourers';
import { onDay } from '../support/past-cohorts';
import { pdfText, readWorkbook, reportFileBytes, sheetRows } from '../support/report-files';

/**
 * R-EVAL-1, R-MON-1, R-TGT-1, R-TGT-2 (issue 7): the evaluation report over HTTP, against the shipped target set
 * (JCCQ-2020-12.v1, task period 2020-08..2021-12, 17 months). On 2021-01-10 three Nancun cards (A, B, C) and one
 * Dongjie card (D) are recorded with certificates of A (issued 2021-01-05), B (2020-12-20) and D (2021-01-08), all
 * JUNIOR; C has none yet. The district report for H1-2021 as of 2021-06-30 is frozen; then, on 2021-07-05, C's
 * certificate (issued 2021-06-10) and a new Dongjie card E with a certificate issued 2021-06-20 are recorded: late
 * for H1.
 */
describe('the evaluation report, frozen as of a day (R-EVAL-1, R-MON-1)', () => {
  const given = evaluationFixture({ certificatePrefix: 'EVAL-REPORT' });
  const { post, get, certificate, runReport } = given;

  let certificatesOf: { a: string; b: string; d: string };
  let cardsOf: { a: string; b: string };
  let frozen: { reportId: string; contentHash: string; frozenAt: string; report: any };
  let frozenRun: any;
  let frozenPost: Reply;
  let frozenKey: string;

  beforeAll(async () => {
    const people = await onDay('2021-01-10', async () => {
      const [a, b, c] = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.nancun, born: '1985-03-12', name: '张评估', firstSequence: 820 }).many(3);
      const d = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.dongjie, born: '1987-11-23', name: '赵评估', firstSequence: 830 }).one();
      certificatesOf = { a: await certificate(a!, '2021-01-05'), b: await certificate(b!, '2020-12-20'), d: await certificate(d, '2021-01-08') };
      cardsOf = { a: a!, b: b! };
      return { c: c! };
    });
    frozenKey = randomUUID();
    const { started, run } = await runReport(given.evaluator, { period: 'H1-2021', asOf: '2021-06-30' }, frozenKey);
    frozenPost = started;
    frozenRun = run;
    frozen = expectStatus(await get(given.evaluator, `/api/evaluation/reports/${run.reportId}`), 200).body;
    // The late facts: recorded on 2021-07-05, after H1 and after the frozen report's asOf.
    await onDay('2021-07-05', async () => {
      await certificate(people.c, '2021-06-10');
      const e = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.dongjie, born: '1990-05-06', name: '钱评估', firstSequence: 840 }).one();
      await certificate(e, '2021-06-20');
    });
  });

  it('R-EVAL-1 POST answers 202 with the run and its progress; the run ends DONE with every event read and the frozen report id', () => {
    expect(frozenPost.body).toMatchObject({ status: 'RUNNING', period: '2021 上半年', asOf: '2021-06-30', subdistrictId: null, alreadyStarted: false, progress: { eventsRead: 0 } });
    expect(frozenPost.body.progress).toHaveProperty('eventsTotal');
    expect(frozenRun).toMatchObject({ runId: frozenPost.body.runId, status: 'DONE', progress: { percent: 100 } });
    expect(frozenRun.progress.eventsRead).toBeGreaterThan(0);
    expect(frozenRun.progress.eventsRead).toBe(frozenRun.progress.eventsTotal);
    expect(frozenRun.contentHash).toBe(frozen.contentHash);
    expect(frozen.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('R-EVAL-1 R-TGT-2 progress as of 2021-06-30 (11 of 17 months): Nancun done 2 of 1,600, expected ⌈1600×11÷17⌉ = 1,036, behind 1,034, ⌈1,598÷6⌉ = 267 a month; Dongjie 1; the district 3', () => {
    const { report } = frozen;
    expect(report).toMatchObject({ schemaVersion: 1, period: { kind: 'H1', from: '2021-01-01', to: '2021-06-30', label: '2021 上半年' }, asOf: '2021-06-30', unit: { subdistrictId: null, name: '城区' } });
    expect(report.progress).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v1', taskPeriod: { from: '2020-08', to: '2021-12', months: 17 } });
    expect(report.progress.units).toHaveLength(8);
    expect(report.progress.units.find((u: any) => u.subdistrictId === given.nancun)).toMatchObject({
      name: '南村镇',
      task: 1_600,
      monthlyPacePrinted: 94,
      monthsElapsed: 11,
      done: { id: `progress/done/${given.nancun}`, count: 2 },
      expectedToDate: { numerator: 17_600, denominator: 17 },
      expectedToDateWhole: 1_036,
      difference: -1_034,
      standing: 'BEHIND',
      remaining: 1_598,
      monthlyPaceNeeded: 267,
    });
    // Dongjie: ⌈2000×11÷17⌉ = ⌈1294.1⌉ = 1,295; 1,999 left ÷ 6 → 334.
    expect(report.progress.units.find((u: any) => u.subdistrictId === given.dongjie)).toMatchObject({ done: { count: 1 }, expectedToDateWhole: 1_295, difference: -1_294, monthlyPaceNeeded: 334 });
    // The district: 18,382 + 3 = 18,385 holders; ⌈14200×11÷17⌉ = 9,189; 14,197 left ÷ 6 → 2,367.
    expect(report.progress.district).toMatchObject({ name: '城区', holdersAtStart: 18_382, holdersNow: 18_385, task: 14_200, done: { id: 'progress/done/district', count: 3 }, expectedToDateWhole: 9_189, difference: -9_186, monthlyPaceNeeded: 2_367 });
  });

  it('R-TGT-1 new skilled workers (first certificate in the target period, cut at 2021-06-30): 2020—2021 A, B, D = 3; 2020 B = 1; 2021 A, D = 2; high-skilled share 0 of 3', () => {
    const line = (code: string, from: string, to: string) => frozen.report.targets.lines.find((l: any) => l.code === code && l.targetPeriod.from === from && l.targetPeriod.to === to);
    expect(line('NEW_SKILLED_WORKERS', '2020-01-01', '2021-12-31')).toMatchObject({ target: 15_000, actual: { id: 'targets/NEW_SKILLED_WORKERS/2020-01-01..2021-12-31', count: 3 } });
    expect(line('NEW_SKILLED_WORKERS', '2020-01-01', '2020-12-31').actual.count).toBe(1);
    expect(line('NEW_SKILLED_WORKERS', '2021-01-01', '2021-12-31').actual.count).toBe(2);
    expect(line('HIGH_SKILLED_SHARE', '2020-01-01', '2021-12-31').actual).toMatchObject({ numerator: 0, denominator: 3 });
    expect(line('DISTRICT_TECHNICAL_EXPERTS', '2021-01-01', '2021-12-31')).toMatchObject({ actual: null, status: 'NOT_MEASURED' });
  });

  it('R-TGT-2 data quality shows the task table as printed: the units\' monthly paces sum to 835, the district line says 836; no late certificate of a cohort', () => {
    const flags = frozen.report.dataQuality.flags;
    const mismatch = flags.find((f: any) => f.kind === 'TARGET_SET_INCONSISTENCY' && f.figure.id.includes('PACE_SUM_MISMATCH'));
    // In the report's language (target-set-flag-text.ts), not the policy's English message.
    expect(mismatch.message).toContain('各单位月均推进数合计 835，城区一行为 836');
    expect(flags.find((f: any) => f.kind === 'LATE_CERTIFICATE').figure.count).toBe(0);
    expect(frozen.report.progress.flags.map((f: any) => f.code)).toContain('PACE_SUM_MISMATCH');
    expect(frozen.report.progress.flags.find((f: any) => f.code === 'PACE_SUM_MISMATCH').message).toBe('各单位月均推进数合计 835，城区一行为 836');
  });

  it('R-EVAL-1 the report holds counts only: no name, no ID number, no labourer id', () => {
    const text = JSON.stringify(frozen);
    expect(text).not.toMatch(/张评估|赵评估|钱评估|labourerId|idNumber/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  it('R-EVAL-1 R-MON-1 the late certificate and card change nothing frozen: verify reproduces the hash, the stored report is unchanged, while a report as of today counts them', async () => {
    const verified = expectStatus(await post(`/api/evaluation/reports/${frozen.reportId}/verify`, given.evaluator, {}), 200).body;
    expect(verified).toMatchObject({ reportId: frozen.reportId, asOf: '2021-06-30', reproduced: true, frozenHash: frozen.contentHash, recomputedHash: frozen.contentHash, differingSections: [] });
    const again = expectStatus(await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}`), 200).body;
    expect(again).toEqual(frozen);

    // As of today the same half-year counts what was recorded late: Nancun 2 + C's 2021-06-10 = 3, Dongjie 1 + E = 2.
    const { run } = await runReport(given.evaluator, { period: 'H1-2021' });
    expect(run.status).toBe('DONE');
    const today = expectStatus(await get(given.evaluator, `/api/evaluation/reports/${run.reportId}`), 200).body;
    expect(today.contentHash).not.toBe(frozen.contentHash);
    expect(today.report.asOf > '2021-06-30').toBe(true);
    expect(today.report.progress.units.find((u: any) => u.subdistrictId === given.nancun).done.count).toBe(3);
    expect(today.report.progress.units.find((u: any) => u.subdistrictId === given.dongjie).done.count).toBe(2);
    expect(today.report.progress.district.done.count).toBe(5);
    // C and E are new skilled workers of 2021: 3 + 2 = 5 over the two years.
    expect(today.report.targets.lines.find((l: any) => l.code === 'NEW_SKILLED_WORKERS' && l.targetPeriod.from === '2020-01-01' && l.targetPeriod.to === '2021-12-31').actual.count).toBe(5);

    const list = expectStatus(await get(given.evaluator, '/api/evaluation/reports'), 200).body.reports;
    expect(list.map((r: any) => r.reportId)).toEqual([run.reportId, frozen.reportId]);
    expect(list[1]).toEqual({ reportId: frozen.reportId, period: '2021 上半年', periodFrom: '2021-01-01', periodTo: '2021-06-30', asOf: '2021-06-30', subdistrictId: null, unit: '城区', contentHash: frozen.contentHash, frozenAt: frozen.frozenAt });
  });

  it('R-MON-1 a figure traces to its events as recorded by asOf: Nancun done = the certificates of A and B (C\'s, recorded after asOf, is not) and the cards that place them in Nancun; ids, types and days only', async () => {
    const trace = expectStatus(await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/trace?figure=${encodeURIComponent(`progress/done/${given.nancun}`)}`), 200).body;
    const certificates = [toCertificateStreamId(certificatesOf.a), toCertificateStreamId(certificatesOf.b)];
    const cards = [toLabourerStreamId(cardsOf.a), toLabourerStreamId(cardsOf.b)];
    expect(trace).toMatchObject({ reportId: frozen.reportId, figure: `progress/done/${given.nancun}`, asOf: '2021-06-30', streams: 4, total: 4, nextAfterPosition: null });
    expect(trace.sources).toEqual(
      [...certificates.map((streamId) => ({ streamId, types: ['CertificateRecorded'] })), ...cards.map((streamId) => ({ streamId, types: ['LabourerRegistered'] }))].sort((x, y) => (x.streamId < y.streamId ? -1 : 1)),
    );
    expect(trace.events.map((e: any) => e.streamId).sort()).toEqual([...certificates, ...cards].sort());
    for (const event of trace.events) {
      expect(Object.keys(event).sort()).toEqual(['eventId', 'occurredAt', 'position', 'recordedOn', 'streamId', 'type']);
      expect(event).toMatchObject({ type: cards.includes(event.streamId) ? 'LabourerRegistered' : 'CertificateRecorded', recordedOn: '2021-01-10' });
    }
    // The two-year new-skilled-workers figure: the certificates of A, B and D, two to a page.
    const route = `/api/evaluation/reports/${frozen.reportId}/trace?figure=${encodeURIComponent('targets/NEW_SKILLED_WORKERS/2020-01-01..2021-12-31')}`;
    const first = expectStatus(await get(given.evaluator, `${route}&limit=2`), 200).body;
    expect(first).toMatchObject({ total: 3, streams: 3 });
    expect(first.events).toHaveLength(2);
    const second = expectStatus(await get(given.evaluator, `${route}&limit=2&afterPosition=${first.nextAfterPosition}`), 200).body;
    expect(second.nextAfterPosition).toBeNull();
    expect([...first.events, ...second.events].map((e: any) => e.streamId).sort()).toEqual(Object.values(certificatesOf).map(toCertificateStreamId).sort());

    const missing = await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/trace?figure=progress/done/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('progress/done/nowhere');
    const noFigure = await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/trace`);
    expect(noFigure.status).toBe(400);
    expect(noFigure.text).toContain('figure');
  });

  it('R-EVAL-1 the XLSX (opened with exceljs) shows the JSON figures: progress lines, the district line and the targets', async () => {
    const file = await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/report.xlsx`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="evaluation-report_H1-2021_asof-2021-06-30_DISTRICT.xlsx"');
    expect(file.headers.get('x-content-hash')).toBe(frozen.contentHash);
    const workbook = await readWorkbook(await reportFileBytes(given.app, given.evaluator, frozen.reportId, 'xlsx'));
    const progress = sheetRows(workbook, '证书进度');
    for (const line of [...frozen.report.progress.units, frozen.report.progress.district]) {
      const row = progress.find((r) => r.includes(line.name))!;
      const at = row.indexOf(line.name);
      // 单位, 原有持证, 现有持证, 持证目标, 任务数, 月均, 已完成, 应完成, 超前/落后, 进度, 剩余, 剩余月均
      expect([row[at + 4], row[at + 6], row[at + 7], row[at + 8], row[at + 10], row[at + 11]]).toEqual([line.task, line.done.count, line.expectedToDateWhole, line.difference, line.remaining, line.monthlyPaceNeeded]);
    }
    const nancunRow = progress.find((r) => r.includes('南村镇'))!;
    expect(nancunRow.slice(nancunRow.indexOf('南村镇'))).toEqual(expect.arrayContaining([1_600, 2, 1_036, -1_034, 1_598, 267]));
    const targets = sheetRows(workbook, '目标任务');
    const newWorkers = targets.find((r) => r.includes(DISTRICT_TARGETS.NEW_SKILLED_WORKERS.label) && r.includes(15_000))!;
    expect(newWorkers).toContain(3);
  });

  it('R-EVAL-1 the PDF (pdftotext) carries the same key figures: Nancun 1,600 / 2 / 1,036 / 267, the district 14,200 / 3 / 9,189, the content hash', async () => {
    const file = await get(given.evaluator, `/api/evaluation/reports/${frozen.reportId}/report.pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="evaluation-report_H1-2021_asof-2021-06-30_DISTRICT.pdf"');
    const text = pdfText(await reportFileBytes(given.app, given.evaluator, frozen.reportId, 'pdf'));
    const lineOf = (name: string) => text.split('\n').find((l) => l.includes(name)) ?? '';
    const numbersOf = (line: string) => (line.match(/-?[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
    expect(numbersOf(lineOf('南村镇'))).toEqual(expect.arrayContaining([1_600, 2, 1_036, 1_598, 267]));
    expect(text.replace(/\s+/g, '')).toContain(frozen.contentHash);
    expect(text).toContain('14,200');
    expect(text).toContain('9,189');
  });

  it('R-EVAL-1 a subdistrict officer runs and reads its own unit only: another unit\'s and the district\'s runs, reports, files and traces are 403; its list shows its own', async () => {
    const { run } = await runReport(given.officer, { period: 'H1-2021', asOf: '2021-06-30' });
    expect(run).toMatchObject({ status: 'DONE', subdistrictId: given.nancun });
    const own = expectStatus(await get(given.officer, `/api/evaluation/reports/${run.reportId}`), 200).body;
    expect(own.report.unit).toEqual({ subdistrictId: given.nancun, name: '南村镇' });
    expect(own.report.progress.units).toHaveLength(1);
    expect(own.report.progress.district).toBeNull();
    expect(own.report.progress.units[0].done.count).toBe(2);
    const ownFile = await get(given.officer, `/api/evaluation/reports/${run.reportId}/report.xlsx`);
    expect(ownFile.status).toBe(200);
    expect(ownFile.headers.get('content-disposition')).toContain('_NANCUN.xlsx');

    expect((await post('/api/evaluation/reports', given.officer, { period: 'H1-2021', asOf: '2021-06-30', subdistrictId: given.dongjie })).status).toBe(403);
    for (const route of ['', '/report.xlsx', '/report.pdf', `/trace?figure=progress/done/district`]) {
      expect((await get(given.officer, `/api/evaluation/reports/${frozen.reportId}${route}`)).status).toBe(403);
    }
    expect((await post(`/api/evaluation/reports/${frozen.reportId}/verify`, given.officer, {})).status).toBe(403);
    expect((await get(given.officer, `/api/evaluation/reports/runs/${frozenRun.runId}`)).status).toBe(403);
    const list = expectStatus(await get(given.officer, '/api/evaluation/reports'), 200).body.reports;
    expect(list.map((r: any) => r.reportId)).toEqual([run.reportId]);
    // The evaluator sees the officer's report too; a provider nothing.
    expect((await get(given.evaluator, `/api/evaluation/reports/${run.reportId}`)).status).toBe(200);
    expect((await get(given.provider, '/api/evaluation/reports')).status).toBe(403);
  });

  it('R-EVAL-1 the same Idempotency-Key and body answer the same run (200); with another body it is refused (422)', async () => {
    const retry = await post('/api/evaluation/reports', given.evaluator, { period: 'H1-2021', asOf: '2021-06-30' }, frozenKey);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ runId: frozenRun.runId, status: 'DONE', reportId: frozen.reportId, alreadyStarted: true });
    expect((await post('/api/evaluation/reports', given.evaluator, { period: 'H1-2021', asOf: '2021-06-29' }, frozenKey)).status).toBe(422);
  });

  it.each([
    { case: 'a period of no known form', body: { period: 'Q3-2021' }, named: ['period', 'H1-2021'] },
    { case: 'a future asOf', body: { period: 'H1-2021', asOf: '2999-01-01' }, named: ['asOf'] },
    { case: 'an asOf before the period', body: { period: 'H2-2021', asOf: '2021-06-30' }, named: ['asOf'] },
    { case: 'an asOf before any target set', body: { period: '2020-01-01..2020-06-30', asOf: '2020-06-30' }, named: ['asOf'] },
    { case: 'a malformed subdistrictId', body: { period: 'H1-2021', subdistrictId: 'nancun' }, named: ['subdistrictId'] },
    { case: 'a malformed Idempotency-Key', body: { period: 'H1-2021' }, key: 'not-a-uuid', named: ['Idempotency-Key'] },
  ])('R-EVAL-1 bad input is 400 naming the field and the fix: $case', async ({ body, key, named }) => {
    const refused = await post('/api/evaluation/reports', given.evaluator, body, key);
    expect(refused.status).toBe(400);
    for (const name of named) expect(refused.text).toContain(name);
  });

  it('R-EVAL-1 unknown ids are 404; the report routes are in the OpenAPI document', async () => {
    expect((await post('/api/evaluation/reports', given.evaluator, { period: 'H1-2021', subdistrictId: randomUUID() })).status).toBe(404);
    expect((await get(given.evaluator, `/api/evaluation/reports/${randomUUID()}`)).status).toBe(404);
    expect((await get(given.evaluator, `/api/evaluation/reports/runs/${randomUUID()}`)).status).toBe(404);
    const doc = await given.app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/evaluation/reports', '/api/evaluation/reports/{reportId}/trace']));
  });
});
