import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

// The labour registry through HTTP on real PostgreSQL: R-REG-1..5, R-ORG-1, access scopes and errors.
describe('labour registry over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let provider: string;
  let officer: string;
  let nancun: string;
  let xijie: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, provider, officer] = await Promise.all([app.login('admin'), app.login('provider'), app.login('officer')]);
    const units = app.directory.subdistrictList();
    nancun = units.find((u) => u.code === 'NANCUN')!.subdistrictId;
    xijie = units.find((u) => u.code === 'XIJIE')!.subdistrictId;
  });
  afterAll(() => app?.close());

  const form = (idNumber: string, extra: Record<string, unknown> = {}) => ({
    idNumber,
    name: '王小明',
    category: 'RURAL_LABOURER',
    keyGroups: ['RURAL_MIGRANT'],
    subdistrictId: nancun,
    registeredOn: '2021-03-01',
    ...extra,
  });

  it('refuses requests without a token and wrong passwords with 401', async () => {
    expect((await app.request('GET', '/api/labourers')).status).toBe(401);
    const wrong = await app.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('R-REG-1 registers a card once: a second registration is 409 naming the card, a retry with the same key is a no-op', async () => {
    const id = residentId('1990-03-07', 11);
    const key = '0f4a1f7e-8c51-4c1e-9d54-3c0a4f9e0b01';
    const first = await app.request('POST', '/api/labourers', { token: admin, body: form(id), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const retry = await app.request('POST', '/api/labourers', { token: admin, body: form(id), headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ labourerId: first.body.labourerId, alreadyRegistered: true });
    const again = await app.request('POST', '/api/labourers', { token: provider, body: form(id.toLowerCase()) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REGISTRY.DUPLICATE_LABOURER');
    expect(again.body.error.details.existingLabourerId).toBe(first.body.labourerId);
    expect(again.text).not.toContain(id);
    const { rows } = await app.system.db.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE type = 'LabourerRegistered' AND data->>'labourerId' = $1`, [first.body.labourerId]);
    expect(rows[0]!.n).toBe('1');
  });

  it('records actor, correlation id and causation id on every event of a command', async () => {
    const correlationId = '5d7e9f10-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
    const key = '7e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b';
    const created = await app.request('POST', '/api/labourers', { token: admin, body: form(residentId('1987-07-07', 19)), headers: { 'x-correlation-id': correlationId, 'idempotency-key': key } });
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);
    const { rows } = await app.system.db.query<{ stream_id: string; metadata: Record<string, string> }>(
      `SELECT stream_id, metadata FROM events WHERE metadata->>'correlationId' = $1 ORDER BY position`,
      [correlationId],
    );
    expect(rows.map((r) => r.stream_id.split('-').slice(0, 2).join('-'))).toEqual([`labourer-${created.body.labourerId.split('-')[0]}`, 'labourer-identity']);
    const adminId = app.system.tokens.verify(admin)!.userId;
    for (const row of rows) expect(row.metadata).toMatchObject({ actor: adminId, correlationId, causationId: key, occurredAt: expect.any(String), policyVersion: 'JCCQ-2020-12.v1' });
  });

  it('R-REG-1 lets exactly one of two simultaneous registrations of one person win', async () => {
    const id = residentId('1985-11-30', 12);
    const results = await Promise.all([
      app.request('POST', '/api/labourers', { token: admin, body: form(id) }),
      app.request('POST', '/api/labourers', { token: provider, body: form(id) }),
      app.request('POST', '/api/labourers', { token: officer, body: form(id) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.status === 201)!.body.labourerId;
    for (const loser of results.filter((r) => r.status === 409)) expect(loser.body.error.details.existingLabourerId).toBe(winner);
  });

  it('R-REG-1 rejects a bad check digit (400, field named) and an age of 61 on the registration date (422)', async () => {
    const good = residentId('1992-05-20', 13);
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const bad = await app.request('POST', '/api/labourers', { token: admin, body: form(badCheck) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([{ field: 'idNumber', message: expect.stringContaining('check digit') }]);
    expect(bad.text).not.toContain(badCheck);
    const old = await app.request('POST', '/api/labourers', { token: admin, body: form(residentId('1960-02-28', 14), { registeredOn: '2021-03-01' }) });
    expect(old.status).toBe(422);
    expect(old.body.error.code).toBe('REGISTRY.AGE_OUT_OF_RANGE');
  });

  it('validation lists every bad field with how to fix it', async () => {
    const result = await app.request('POST', '/api/labourers', { token: admin, body: { idNumber: residentId('1990-01-01', 15), category: 'FARMER', subdistrictId: 'x', extra: 1 } });
    expect(result.status).toBe(400);
    const fields = result.body.error.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['name', 'category', 'subdistrictId']));
    expect(result.body.error.issues.find((i: { field: string }) => i.field === 'category').message).toContain('RURAL_LABOURER');
  });

  it('shows a card in full to the bureau, masked to the registering provider, and not at all to another provider scope', async () => {
    const id = residentId('1995-08-08', 16);
    const own = await app.request('POST', '/api/labourers', { token: provider, body: form(id, { name: '李四' }) });
    expect(own.status).toBe(201);
    const asAdmin = await app.request('GET', `/api/labourers/${own.body.labourerId}`, { token: admin });
    expect(asAdmin.body).toMatchObject({ idNumber: id, name: '李四', masked: false, registeringUnit: { kind: 'PROVIDER' } });
    const asProvider = await app.request('GET', `/api/labourers/${own.body.labourerId}`, { token: provider });
    expect(asProvider.body.masked).toBe(true);
    expect(asProvider.body.idNumber).toBe(`${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`);
    expect(asProvider.body.name).toBe('李*');
    const adminCard = await app.request('POST', '/api/labourers', { token: admin, body: form(residentId('1995-08-09', 17), { subdistrictId: xijie }) });
    expect((await app.request('GET', `/api/labourers/${adminCard.body.labourerId}`, { token: provider })).status).toBe(404);
    expect((await app.request('GET', `/api/labourers/${adminCard.body.labourerId}`, { token: officer })).status).toBe(404);
  });

  it('R-REG-4 changes key groups and flags, and search filters by them with pagination and scope', async () => {
    const created = await app.request('POST', '/api/labourers', { token: officer, body: form(residentId('1999-12-31', 18), { category: 'URBAN_LABOURER', keyGroups: [] }) });
    const changed = await app.request('PATCH', `/api/labourers/${created.body.labourerId}/groups`, {
      token: officer,
      body: { keyGroups: ['LAID_OFF', 'EMPLOYMENT_DIFFICULTY'], flags: ['ZERO_EMPLOYMENT_FAMILY'], insuranceMonths: 14, reason: 'CIRCUMSTANCES_CHANGED' },
    });
    expect(changed.status).toBe(200);
    await app.system.runner!.waitUntilCaughtUp();
    const byGroup = await app.request('GET', `/api/labourers?keyGroup=LAID_OFF&subdistrictId=${nancun}`, { token: admin });
    expect(byGroup.body.items.map((i: { labourerId: string }) => i.labourerId)).toEqual([created.body.labourerId]);
    expect(byGroup.body.items[0]).toMatchObject({ flags: ['ZERO_EMPLOYMENT_FAMILY'], insuranceMonths: 14 });
    const page = await app.request('GET', '/api/labourers?pageSize=2&page=1', { token: admin });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    const officerView = await app.request('GET', '/api/labourers?pageSize=100', { token: officer });
    expect(officerView.body.items.every((i: { subdistrictId: string }) => i.subdistrictId === nancun)).toBe(true);
    expect(officerView.body.items.some((i: { subdistrictId: string }) => i.subdistrictId === xijie)).toBe(false);
    const widened = await app.request('GET', `/api/labourers?subdistrictId=${xijie}`, { token: officer });
    expect(widened.body.total).toBe(0); // asking for another unit does not widen the officer's scope
    const pastTheEnd = await app.request('GET', '/api/labourers?pageSize=2&page=999', { token: admin });
    expect(pastTheEnd.body).toMatchObject({ items: [], total: page.body.total });
  });

  it('R-ORG-1 registers providers and enterprises; subdistricts come from the task table (R-REG-5)', async () => {
    const subdistricts = await app.request('GET', '/api/subdistricts', { token: provider });
    expect(subdistricts.body.items.map((s: { code: string }) => s.code)).toEqual(['NANCUN', 'XISHANGZHUANG', 'ZHONGJIAZHUANG', 'DONGJIE', 'NANJIE', 'XIJIE', 'BEIJIE', 'KAIFAQU']);
    const created = await app.request('POST', '/api/providers', {
      token: admin,
      body: { name: '城区技工学校', kind: 'VOCATIONAL_COLLEGE', subdistrictId: xijie, qualification: { number: 'Q-7', validFrom: '2020-01-01', expiresOn: '2021-06-30' } },
    });
    expect(created.status).toBe(201);
    const enterprise = await app.request('POST', '/api/enterprises', { token: admin, body: { name: '兰花科创', subdistrictId: xijie, headcount: 800, insured: true } });
    expect(enterprise.status).toBe(201);
    expect((await app.request('POST', '/api/providers', { token: provider, body: {} })).status).toBe(403);
    await app.system.runner!.waitUntilCaughtUp();
    const list = await app.request('GET', `/api/organisations?subdistrictId=${xijie}`, { token: admin });
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'PROVIDER', name: '城区技工学校', qualificationExpiresOn: '2021-06-30' }),
        expect.objectContaining({ kind: 'ENTERPRISE', headcount: 800, insured: true }),
      ]),
    );
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const page = await app.request('GET', '/api/docs');
    expect(page.status).toBe(200);
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/labourers', '/api/labourers/imports', '/api/registration-funding']));
    expect(doc.body.paths['/api/labourers'].post.requestBody.content['application/json'].schema.properties.category.enum).toContain('POOR_LABOURER');
  });

  it('R-REG-5 keeps a subdistrict officer to the own unit when registering', async () => {
    const result = await app.request('POST', '/api/labourers', { token: officer, body: form(residentId('1991-01-21', 20), { subdistrictId: xijie }) });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'REGISTRY.OUTSIDE_OWN_SUBDISTRICT', issues: [{ field: 'subdistrictId', message: expect.any(String) }] });
  });

  it('keeps one provider out of another provider\'s cards: read, change and search', async () => {
    const other = await app.request('POST', '/api/providers', {
      token: admin,
      body: { name: '另一家培训机构', kind: 'TRAINING_INSTITUTION', subdistrictId: nancun, qualification: { number: 'Q-9', validFrom: '2020-01-01', expiresOn: '2030-01-01' } },
    });
    await app.system.accounts.create({ userId: '4f3e2d1c-0b9a-4876-8543-210fedcba987', username: 'provider-b', password: 'pw-provider-b', roles: ['PROVIDER'], scope: { providerId: other.body.providerId } });
    const login = await app.request('POST', '/api/auth/login', { body: { username: 'provider-b', password: 'pw-provider-b' } });
    const providerB = login.body.token as string;
    const mine = await app.request('POST', '/api/labourers', { token: provider, body: form(residentId('1996-06-16', 21)) });
    expect((await app.request('GET', `/api/labourers/${mine.body.labourerId}`, { token: providerB })).status).toBe(404);
    const change = await app.request('PATCH', `/api/labourers/${mine.body.labourerId}/groups`, { token: providerB, body: { keyGroups: [], flags: [], insuranceMonths: 0, reason: 'DATA_CORRECTION' } });
    expect(change.status).toBe(404);
    await app.system.runner!.waitUntilCaughtUp();
    const search = await app.request('GET', '/api/labourers?pageSize=100', { token: providerB });
    expect(search.body.total).toBe(0);
    const own = await app.request('GET', '/api/labourers?pageSize=100', { token: provider });
    expect(own.body.items.map((i: { labourerId: string }) => i.labourerId)).toContain(mine.body.labourerId);
  });

  it('refuses an Idempotency-Key reused for a different change instead of silently dropping it', async () => {
    const created = await app.request('POST', '/api/labourers', { token: admin, body: form(residentId('1992-02-12', 22)) });
    const key = { 'idempotency-key': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' };
    const first = await app.request('PATCH', `/api/labourers/${created.body.labourerId}/groups`, { token: admin, headers: key, body: { keyGroups: ['VETERAN'], flags: [], insuranceMonths: 1, reason: 'EVIDENCE_PROVIDED' } });
    expect(first.status).toBe(200);
    const retry = await app.request('PATCH', `/api/labourers/${created.body.labourerId}/groups`, { token: admin, headers: key, body: { keyGroups: ['VETERAN'], flags: [], insuranceMonths: 1, reason: 'EVIDENCE_PROVIDED' } });
    expect(retry.status).toBe(200);
    const reused = await app.request('PATCH', `/api/labourers/${created.body.labourerId}/groups`, { token: admin, headers: key, body: { keyGroups: ['LAID_OFF'], flags: [], insuranceMonths: 1, reason: 'EVIDENCE_PROVIDED' } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const erase = await app.request('POST', `/api/labourers/${created.body.labourerId}/erase`, { token: admin, headers: key });
    expect(erase.status).toBe(422);
    expect((await app.request('GET', `/api/labourers/${created.body.labourerId}`, { token: admin })).body).toMatchObject({ status: 'registered', keyGroups: ['VETERAN'], name: '王小明' });
  });

  it('answers 404 for ids that are not UUIDs and keeps finance out of the registry', async () => {
    expect((await app.request('PATCH', '/api/labourers/not-a-uuid/groups', { token: admin, body: { keyGroups: [], flags: [], insuranceMonths: 0, reason: 'DATA_CORRECTION' } })).status).toBe(404);
    expect((await app.request('POST', '/api/labourers/not-a-uuid/erase', { token: admin })).status).toBe(404);
    expect((await app.request('PUT', '/api/providers/nope/qualification', { token: admin, body: { qualification: { number: 'Q', validFrom: '2020-01-01', expiresOn: '2031-01-01' } } })).status).toBe(404);
    const finance = await app.login('finance');
    expect((await app.request('GET', '/api/organisations', { token: finance })).status).toBe(403);
    expect((await app.request('GET', '/api/labourers', { token: finance })).status).toBe(403);
  });

  it('R-REG-1 reports a bad ID number together with every other bad field, and a date before the policy as a rule naming registeredOn', async () => {
    const result = await app.request('POST', '/api/labourers', { token: admin, body: form('110105199003071230', { category: 'FARMER' }) });
    expect(result.status).toBe(400);
    expect(result.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['category', 'idNumber']);
    const early = await app.request('POST', '/api/labourers', { token: admin, body: form(residentId('1990-09-09', 23), { registeredOn: '2020-10-01' }) });
    expect(early.status).toBe(422);
    expect(early.body.error).toMatchObject({ code: 'POLICY.NONE_IN_FORCE', issues: [{ field: 'registeredOn' }] });
  });
});
