import ExcelJS from 'exceljs';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('bulk import, erasure and personal-data leaks over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let provider: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, provider] = await Promise.all([app.login('admin'), app.login('provider')]);
  });
  afterAll(() => app?.close());

  const count = async (token: string) => {
    await app.system.runner!.waitUntilCaughtUp();
    return (await app.request('GET', '/api/labourers?pageSize=1', { token })).body.total as number;
  };

  const csv = (rows: string[][]) => ['身份证号,姓名,类别,重点群体,所属镇街,建档日期', ...rows.map((r) => r.join(','))].join('\n');

  it('all_or_nothing: one bad row rejects the file with a per-row report and saves nothing', async () => {
    const before = await count(provider);
    const body = csv([
      [residentId('1990-01-01', 201), '赵一', '农村劳动力', '农村转移就业劳动者', '南村镇', '2021-04-01'],
      [residentId('1990-01-02', 202).slice(0, 17) + '0', '钱二', '农村劳动力', '', '南村镇', '2021-04-01'],
      [residentId('1990-01-03', 203), '孙三', 'FARMER', '', '火星', '2021-04-01'],
    ]);
    const result = await app.request('POST', '/api/labourers/imports?mode=all_or_nothing', { token: provider, raw: body, contentType: CSV });
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ status: 'rejected', rowsReceived: 3, rowsSaved: 0, rowsRejected: 2 });
    const rows = result.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort();
    expect(rows).toEqual(expect.arrayContaining(['4:category', '4:subdistrict']));
    expect(rows.some((r: string) => r.startsWith('3:'))).toBe(true);
    expect(await count(provider)).toBe(before);
  });

  it('valid_rows_only saves the good rows in one go, reports the rest, and a retry with the same key saves nothing twice', async () => {
    const before = await count(provider);
    const good1 = residentId('1991-06-01', 301);
    const body = csv([
      [good1, '周四', 'POOR_LABOURER', 'POOR_LABOURER;LAID_OFF', 'NANCUN', '2021-05-01'],
      [residentId('1991-06-02', 302), '吴五', '城镇劳动力', '', '南村镇', ''],
      [good1, '周四', 'POOR_LABOURER', '', 'NANCUN', '2021-05-01'],
      ['1.10105199001e+17', '郑六', '城镇劳动力', '', '南村镇', ''],
    ]);
    const key = { 'idempotency-key': '6a0b7a0e-5b8e-4a43-a7e5-1b2e0c0d9f11' };
    const result = await app.request('POST', '/api/labourers/imports?mode=valid_rows_only', { token: provider, raw: body, contentType: CSV, headers: key });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'imported', rowsReceived: 4, rowsSaved: 2, rowsRejected: 2 });
    expect(result.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, code: 'IMPORT.DUPLICATE_ROW', message: expect.stringContaining('row 2') }),
        expect.objectContaining({ row: 5, field: 'idNumber', message: expect.stringContaining('as text') }),
      ]),
    );
    expect(await count(provider)).toBe(before + 2);
    const retry = await app.request('POST', '/api/labourers/imports?mode=valid_rows_only', { token: provider, raw: body, contentType: CSV, headers: key });
    expect(retry.body).toMatchObject({ rowsSaved: 0, rowsAlreadySaved: 2 });
    expect(await count(provider)).toBe(before + 2);
    expect(JSON.stringify(result.body)).not.toContain(good1);
  });

  it('imports an XLSX workbook and names a person already registered elsewhere', async () => {
    const existing = residentId('1993-03-03', 401);
    const first = await app.request('POST', '/api/labourers', {
      token: admin,
      body: { idNumber: existing, name: '冯七', category: 'RURAL_LABOURER', subdistrictId: app.directory.subdistrictList()[0]!.subdistrictId, registeredOn: '2021-03-01' },
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('建档');
    sheet.addRow(['idNumber', 'name', 'category', 'keyGroups', 'subdistrict', 'registeredOn']);
    sheet.addRow([residentId('1994-04-04', 402), '陈八', 'RURAL_LABOURER', '退役军人', 'DONGJIE', '2021-06-01']);
    sheet.addRow([existing, '冯七', 'RURAL_LABOURER', '', 'DONGJIE', '2021-06-01']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await app.request('POST', '/api/labourers/imports?mode=valid_rows_only', { token: provider, raw: file, contentType: XLSX });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ rowsSaved: 1, rowsRejected: 1 });
    expect(result.body.errors[0]).toMatchObject({ row: 3, code: 'REGISTRY.DUPLICATE_LABOURER', existingLabourerId: first.body.labourerId });
  });

  it('refuses an ID number typed into a numeric XLSX cell (digits already lost) and reports CSV rows by their line in the file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('建档');
    sheet.addRow(['idNumber', 'name', 'category', 'subdistrict']);
    sheet.addRow([Number(residentId('1991-02-03', 601)), '卫十', 'RURAL_LABOURER', 'NANCUN']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const numeric = await app.request('POST', '/api/labourers/imports?mode=valid_rows_only', { token: provider, raw: file, contentType: XLSX });
    expect(numeric.status).toBe(422);
    expect(numeric.body).toMatchObject({ status: 'rejected', rowsSaved: 0 });
    expect(numeric.body.errors[0]).toMatchObject({ row: 2, field: 'idNumber', message: expect.stringContaining('as text') });

    const withBlanks = ['身份证号,姓名,类别,所属镇街', '', residentId('1991-02-04', 602) + ',蒋十一,农村劳动力,南村镇', '', '', '123,沈十二,农村劳动力,南村镇'].join('\n');
    const lines = await app.request('POST', '/api/labourers/imports?mode=valid_rows_only', { token: provider, raw: withBlanks, contentType: CSV });
    expect(lines.body.saved).toEqual([{ row: 3, labourerId: expect.any(String) }]);
    expect(lines.body.errors.map((e: { row: number }) => e.row)).toEqual([6]);
  });

  it('R-REG-3 pays 4 yuan per card to the unit that registered it, for the period asked', async () => {
    await app.system.runner!.waitUntilCaughtUp();
    const { rows } = await app.system.db.query<{ unit: string; n: string }>(
      `SELECT registering_unit_id AS unit, count(*) AS n FROM rm_labourers WHERE registered_on BETWEEN '2021-01-01' AND '2021-12-31' GROUP BY 1`,
    );
    const funding = await app.request('GET', '/api/registration-funding?from=2021-01-01&to=2021-12-31', { token: admin });
    expect(funding.status).toBe(200);
    expect(funding.body.lines).toHaveLength(rows.length);
    for (const row of rows) {
      const line = funding.body.lines.find((l: { registeringUnit: { id: string } }) => l.registeringUnit.id === row.unit);
      expect(line).toMatchObject({ labourersRegistered: Number(row.n), amountFen: Number(row.n) * 400, explanation: { ruleId: 'R-REG-3', policyVersion: 'JCCQ-2020-12.v1' } });
    }
    expect(funding.body.totalFen).toBe(rows.reduce((sum, r) => sum + Number(r.n) * 400, 0));
    expect(funding.body.totalFen).toBeGreaterThan(0);
    const outside = await app.request('GET', '/api/registration-funding?from=2022-01-01&to=2022-01-31', { token: admin });
    expect(outside.body.totalFen).toBe(0);
  });

  it('refuses an unreadable upload and a missing column with a clear message', async () => {
    const noColumns = await app.request('POST', '/api/labourers/imports', { token: provider, raw: 'foo,bar\n1,2', contentType: CSV });
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error.issues.map((i: { message: string }) => i.message).join(' ')).toContain('idNumber');
    const notXlsx = await app.request('POST', '/api/labourers/imports', { token: provider, raw: Buffer.from('not a workbook'), contentType: XLSX });
    expect(notXlsx.body.error.code).toBe('IMPORT.UNREADABLE_FILE');
  });

  it('erasing a person deletes the key: nothing of the person decrypts, and counts and funding stay as they were', async () => {
    const idNumber = residentId('1988-08-18', 501);
    const created = await app.request('POST', '/api/labourers', {
      token: admin,
      body: { idNumber, name: '褚九', category: 'URBAN_LABOURER', subdistrictId: app.directory.subdistrictList()[2]!.subdistrictId, registeredOn: '2021-07-01' },
    });
    const funding = async () => (await app.request('GET', '/api/registration-funding?from=2021-01-01&to=2021-12-31', { token: admin })).body.totalFen as number;
    const totalBefore = await count(admin);
    const fundingBefore = await funding();
    expect((await app.request('POST', `/api/labourers/${created.body.labourerId}/erase`, { token: provider })).status).toBe(403);
    const erased = await app.request('POST', `/api/labourers/${created.body.labourerId}/erase`, { token: admin });
    expect(erased.status).toBe(200);
    const card = await app.request('GET', `/api/labourers/${created.body.labourerId}`, { token: admin });
    expect(card.body).toMatchObject({ status: 'erased', idNumber: null, name: null });
    expect(await app.system.vault.get(created.body.labourerId)).toBe('erased');
    const keys = await app.system.db.query('SELECT 1 FROM person_keys WHERE person_id = $1', [created.body.labourerId]);
    expect(keys.rowCount).toBe(0);
    expect(await count(admin)).toBe(totalBefore - 1); // hidden from the default search…
    expect((await app.request('GET', '/api/labourers?pageSize=1&includeErased=true', { token: admin })).body.total).toBe(totalBefore);
    expect(await funding()).toBe(fundingBefore); // …but still counted for R-REG-3
    const again = await app.request('POST', '/api/labourers', { token: admin, body: { idNumber, name: '褚九', category: 'URBAN_LABOURER', subdistrictId: app.directory.subdistrictList()[2]!.subdistrictId } });
    expect(again.status).toBe(409);
  });

  it('a planted ID number appears in no event, no log line and no HTTP response', async () => {
    const planted = residentId('1979-09-09', 777);
    const name = '独一无二的名字';
    const subdistrictId = app.directory.subdistrictList()[1]!.subdistrictId;
    await app.request('POST', '/api/labourers', { token: provider, body: { idNumber: planted, name, category: 'RURAL_LABOURER', subdistrictId } });
    await app.request('POST', '/api/labourers', { token: provider, body: { idNumber: planted, name, category: 'RURAL_LABOURER', subdistrictId } });
    await app.request('POST', '/api/labourers', { token: provider, body: { idNumber: planted, name, category: 'NOPE', subdistrictId: 'zzz' } });
    await app.request('POST', '/api/labourers', { token: provider, raw: `{"idNumber":"${planted}", broken`, contentType: 'application/json' });
    await app.request('POST', '/api/labourers/imports', { token: provider, raw: `身份证号,姓名,类别,所属镇街\n${planted},${name},BAD,火星\n"${planted}`, contentType: CSV });
    await app.request('GET', `/api/labourers?keyGroup=${planted}`, { token: provider });
    const card = (await app.request('GET', '/api/labourers?pageSize=1', { token: provider })).body.items[0];
    await app.request('PATCH', `/api/labourers/${card.labourerId}/groups`, { token: provider, body: { keyGroups: [], flags: [], insuranceMonths: 0, reason: `${name} ${planted}` } });
    await app.system.runner!.waitUntilCaughtUp();
    const everything = await app.system.db.query<{ t: string }>(
      `SELECT string_agg(e::text, '\n') AS t FROM events e UNION ALL SELECT string_agg(l::text, '\n') FROM rm_labourers l
       UNION ALL SELECT string_agg(o::text, '\n') FROM rm_organisations o`,
    );
    const stored = everything.rows.map((r) => r.t ?? '').join('\n');
    expect(stored).toContain('LabourerRegistered'); // the scan reads real data
    for (const haystack of [stored, app.logs.join('\n'), app.responses.join('\n')]) {
      expect(haystack).not.toContain(planted);
      expect(haystack).not.toContain(planted.slice(0, 17));
      expect(haystack).not.toContain(name);
    }
    expect(app.responses.join('\n')).not.toMatch(/at \w+ \(|\.ts:\d+/); // no stack traces
  });
});
