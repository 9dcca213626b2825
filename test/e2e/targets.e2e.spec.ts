import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { toTargetSetCatalogueStreamId, toTargetSetStreamId } from '@skills/domain';
import { startTestApp, type TestApp } from '../support/test-app';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 附件1 as the bureau's workbook lays it out: a title, two heading rows with merged cells, the period under 月均推进数. */
async function attachmentWorkbook(lines: readonly (readonly (string | number | null)[])[], districtTargets?: readonly (readonly (string | number | Date | null)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (districtTargets) {
    // Ahead of the table on purpose: the district targets are found by the sheet's name, the table is the other sheet.
    const targets = workbook.addWorksheet('区级目标');
    targets.addRow(['指标代码', '计量单位', '目标值', '上限', '起始日期', '截止日期']);
    for (const row of districtTargets) targets.addRow([...row]);
  }
  const sheet = workbook.addWorksheet('附件1');
  sheet.addRow(['晋城市城区“人人持证  技能社会”行动任务分解表']);
  sheet.addRow(['城区(街道)', '持证任务', null, null, null, '备注']);
  sheet.addRow([null, '现有持证人数(人)', '2021年持证目标(人)', '任务数\n(人)', '月均推进数(人)\n(2020.8-2021.12)', null]);
  sheet.mergeCells('A1:F1');
  sheet.mergeCells('A2:A3');
  sheet.mergeCells('B2:E2');
  sheet.mergeCells('F2:F3');
  for (const line of lines) sheet.addRow([...line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// 附件1 with Nancun raised to 1700 (100 a month: 1700 / 17 exactly), Dongjie lowered to 1900 (111.8 → 112), and Xijie's
// pace mistyped as 120 (2000 / 17 = 117.6 → 118): tasks still sum to 14200; paces to 835 - 94 + 100 - 118 + 112 - 118 + 120 = 837.
const REVISED: readonly (readonly (string | number | null)[])[] = [
  ['城区', 18_382, 32_582, 14_200, 836],
  ['南村镇', null, null, 1_700, 100],
  ['西上庄办事处', null, null, 1_200, 71],
  ['钟家庄办事处', null, null, 3_000, 176],
  ['东街办事处', null, null, 1_900, 112],
  ['南街办事处', null, null, 1_600, 94],
  ['西街办事处', null, null, 2_000, 120],
  ['北街办事处', null, null, 1_300, 76],
  ['开发区办事处', null, null, 1_500, 88],
];

// 2022: 1200 a unit over 12 months is 100 a month; the district 9600 and 800, its target its holders plus its task.
const NEXT_YEAR_CSV = [
  '单位,现有持证人数,2022年持证目标,任务数,月均推进数',
  '城区,30000,39600,9600,800',
  ...['南村镇', '西上庄办事处', '钟家庄办事处', '东街办事处', '南街办事处', '西街办事处', '北街办事处', '开发区办事处'].map((unit) => `${unit},,,1200,100`),
].join('\n');

describe('target sets over HTTP (R-TGT-1, R-TGT-2)', () => {
  let app: TestApp;
  let admin: string;
  let evaluator: string;
  let provider: string;
  let officer: string;
  let revised: Buffer;
  const upload = (query: string, raw: Buffer | string, contentType: string, key: string = randomUUID(), token = admin) =>
    app.request('POST', `/api/targets?${query}`, { token, raw, contentType, headers: { 'idempotency-key': key } });
  const stored = async () => (await app.system.store.readStream(toTargetSetStreamId('JCCQ-2020-12'))).length;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, evaluator, provider, officer] = await Promise.all([app.login('admin'), app.login('evaluator'), app.login('provider'), app.login('officer')]);
    revised = await attachmentWorkbook(REVISED);
  });
  afterAll(() => app?.close());

  it("R-TGT-2 lists the shipped table of the notice with its one flag: the units' paces sum to 835, the district line says 836", async () => {
    const list = await app.request('GET', '/api/targets', { token: evaluator });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        targetSetVersion: 'JCCQ-2020-12.v1',
        builtIn: true,
        publishedBy: null,
        effectiveFrom: '2020-12-03',
        effectiveTo: null,
        period: { from: '2020-08', to: '2021-12', months: 17 },
        flags: [expect.objectContaining({ code: 'PACE_SUM_MISMATCH', unit: '城区', figures: { unitsSum: 835, districtLine: 836 } })],
      }),
    ]);
    expect(list.body.timeline).toEqual([{ from: '2020-12-03', to: null, targetSetVersion: 'JCCQ-2020-12.v1' }]);

    const one = await app.request('GET', '/api/targets/JCCQ-2020-12.v1', { token: officer });
    expect(one.status).toBe(200);
    expect(one.body.district).toEqual({ name: '城区', holdersNow: 18_382, target: 32_582, task: 14_200, monthlyPace: 836 });
    expect(one.body.rows).toHaveLength(8);
    expect(one.body.rows[0]).toEqual({ subdistrictId: app.directory.findSubdistrict('南村镇'), code: 'NANCUN', name: '南村镇', holdersNow: null, target: null, task: 1_600, monthlyPace: 94 });
    expect(one.body.districtTargets).toContainEqual({ code: 'NEW_SKILLED_WORKERS', label: '新增技能劳动者', unit: 'PERSON', minimum: 15_000, maximum: null, from: '2020-01-01', to: '2021-12-31' });
    expect(one.body.districtTargets).toContainEqual(expect.objectContaining({ code: 'KEY_GROUP_EMPLOYMENT_RATE', unit: 'PERCENT', minimum: 30 }));
    expect((await app.request('GET', '/api/targets/JCCQ-2020-12.v9', { token: evaluator })).status).toBe(404);
  });

  it('R-TGT-2 only an administrator uploads; a provider may not read the targets either', async () => {
    expect((await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-07-01', revised, XLSX, randomUUID(), provider)).status).toBe(403);
    expect((await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-07-01', revised, XLSX, randomUUID(), evaluator)).status).toBe(403);
    expect((await app.request('GET', '/api/targets', { token: provider })).status).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('R-TGT-2 an XLSX shaped like 附件1 becomes v2 with its flags by row; the retry and the same file under another key store nothing', async () => {
    const key = randomUUID();
    const created = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-07-01', revised, XLSX, key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      targetSetVersion: 'JCCQ-2020-12.v2',
      version: 2,
      builtIn: false,
      alreadyPublished: false,
      districtTargetsFrom: { targetSetVersion: 'JCCQ-2020-12.v1' },
      effectiveFrom: '2021-07-01',
      period: { from: '2020-08', to: '2021-12', months: 17 },
      publishedBy: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(created.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // The file's rows: title 1, headings 2-3, 城区 4, 南村镇 5 … 西街办事处 10.
    expect(created.body.flags).toEqual([
      expect.objectContaining({ row: 4, code: 'PACE_SUM_MISMATCH', field: 'monthlyPace', figures: { unitsSum: 837, districtLine: 836 } }),
      expect.objectContaining({ row: 10, code: 'PACE_NOT_TASK_OVER_MONTHS', unit: '西街办事处', figures: { task: 2_000, months: 17, monthlyPace: 120, nearest: 118, roundedUp: 118 } }),
    ]);

    const retried = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-07-01', revised, XLSX, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v2', alreadyPublished: true, contentHash: created.body.contentHash });
    const again = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-07-01', revised, XLSX);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v2', alreadyPublished: true });
    expect(await stored()).toBe(1);
    expect(await app.system.store.readStream(toTargetSetCatalogueStreamId())).toHaveLength(1);

    const reused = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2021-08-01', revised, XLSX, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('R-TGT-2 a CSV with the period in the query becomes v3 without flags; the list shows which version holds when', async () => {
    const created = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2022-01-01&periodFrom=2022-01&periodTo=2022-12', NEXT_YEAR_CSV, CSV);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ targetSetVersion: 'JCCQ-2020-12.v3', period: { from: '2022-01', to: '2022-12', months: 12 }, flags: [], districtTargetsFrom: { targetSetVersion: 'JCCQ-2020-12.v2' } });

    const list = await app.request('GET', '/api/targets', { token: evaluator });
    expect(list.body.items.map((i: { targetSetVersion: string; flags: unknown[] }) => [i.targetSetVersion, i.flags.length])).toEqual([
      ['JCCQ-2020-12.v1', 1],
      ['JCCQ-2020-12.v2', 2],
      ['JCCQ-2020-12.v3', 0],
    ]);
    expect(list.body.timeline).toEqual([
      { from: '2020-12-03', to: '2021-06-30', targetSetVersion: 'JCCQ-2020-12.v1' },
      { from: '2021-07-01', to: '2021-12-31', targetSetVersion: 'JCCQ-2020-12.v2' },
      { from: '2022-01-01', to: null, targetSetVersion: 'JCCQ-2020-12.v3' },
    ]);
    const v3 = await app.request('GET', '/api/targets/JCCQ-2020-12.v3', { token: evaluator });
    expect(v3.body.district).toEqual({ name: '城区', holdersNow: 30_000, target: 39_600, task: 9_600, monthlyPace: 800 });
    expect(v3.body.districtTargets).toHaveLength(18);
  });

  it('R-TGT-2 R-REG-5 a malformed line or an unknown unit refuses the whole upload with a report by row and field; nothing is stored', async () => {
    const before = await stored();
    const bad = NEXT_YEAR_CSV.replace('南村镇,,,1200,100', '南村镇,,,1200,94.5').replace('西上庄办事处,,,1200,100', '北关办事处,,,1200,100');
    const refused = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2023-01-01&periodFrom=2023-01&periodTo=2023-12', bad, CSV);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ status: 'rejected', fileErrors: [] });
    expect(refused.body.errors).toEqual([
      { row: 3, code: 'VALIDATION.FAILED', field: 'monthlyPace', column: '月均推进数', message: expect.stringContaining('whole number') },
      { row: 4, code: 'TARGETS.UNKNOWN_UNIT', field: 'unit', message: expect.stringContaining('南村镇、西上庄办事处') },
    ]);
    const noPeriod = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2023-01-01', NEXT_YEAR_CSV, CSV);
    expect(noPeriod.status).toBe(422);
    expect(noPeriod.body.fileErrors).toEqual([{ field: 'periodFrom', message: expect.stringContaining('periodTo') }]);
    const badQuery = await upload('targetSetId=jccq&periodFrom=2023-01', NEXT_YEAR_CSV, CSV);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['effectiveFrom', 'targetSetId']);
    const halfPeriod = await upload('targetSetId=JCCQ-2020-12&effectiveFrom=2023-01-01&periodFrom=2023-01', NEXT_YEAR_CSV, CSV);
    expect(halfPeriod.status).toBe(400);
    expect(halfPeriod.body.error.issues).toEqual([{ field: 'periodTo', message: 'give periodFrom and periodTo together, or neither' }]);
    expect((await app.request('POST', '/api/targets?targetSetId=JCCQ-2020-12&effectiveFrom=2023-01-01', { token: admin, body: { rows: [] } })).status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('R-TGT-1 an XLSX with a 区级目标 sheet carries its own district targets, dates as Excel dates; a bad target is refused on its row', async () => {
    const yearOf2022 = (code: string, minimum: number): (string | number | Date | null)[] => [code, null, minimum, null, new Date(Date.UTC(2022, 0, 1)), new Date(Date.UTC(2022, 11, 31))];
    const workbook = await attachmentWorkbook(REVISED, [yearOf2022('NEW_SKILLED_WORKERS', 7_000), yearOf2022('重点就业群体培训后就业率', 35)]);
    const created = await upload('targetSetId=JCZF-2022-1&effectiveFrom=2022-07-01', workbook, XLSX);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ targetSetVersion: 'JCZF-2022-1.v1', districtTargetsFrom: { sheet: '区级目标' } });
    const one = await app.request('GET', '/api/targets/JCZF-2022-1.v1', { token: evaluator });
    expect(one.body.districtTargets).toEqual([
      { code: 'NEW_SKILLED_WORKERS', label: '新增技能劳动者', unit: 'PERSON', minimum: 7_000, maximum: null, from: '2022-01-01', to: '2022-12-31' },
      { code: 'KEY_GROUP_EMPLOYMENT_RATE', label: '重点就业群体培训后就业率', unit: 'PERCENT', minimum: 35, maximum: null, from: '2022-01-01', to: '2022-12-31' },
    ]);
    expect(await app.system.store.readStream(toTargetSetCatalogueStreamId())).toHaveLength(2);

    const share = await attachmentWorkbook(REVISED, [yearOf2022('NEW_SKILLED_WORKERS', 7_000), yearOf2022('HIGH_SKILLED_SHARE', 130)]);
    const refused = await upload('targetSetId=JCZF-2022-1&effectiveFrom=2022-08-01', share, XLSX);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([{ row: 3, sheet: '区级目标', code: 'TARGETS.INVALID_TARGET', field: 'districtTargets.minimum', message: 'a percentage is at most 100' }]);
    expect(await app.system.store.readStream(toTargetSetStreamId('JCZF-2022-1'))).toHaveLength(1);
  });

  it('documents the routes, the upload with its query, in the OpenAPI document', async () => {
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/targets', '/api/targets/{targetSetVersion}']));
    expect(paths['/api/targets'].post.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['targetSetId', 'effectiveFrom', 'effectiveTo', 'periodFrom', 'periodTo']));
    expect(Object.keys(paths['/api/targets'].post.requestBody.content)).toEqual([CSV, XLSX]);
  });
});
