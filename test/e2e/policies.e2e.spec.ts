import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toPolicyStreamId } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { addDays, providerWithAccount, startedCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// R-CLAIM-1 policy as data through HTTP on real PostgreSQL: publish a version, read it back, compute with it.
describe('policy versions over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let provider: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());
  // JCCQ-2020-12 v2 from 30 days ago: R-GATE-1 at 90% instead of 95%.
  const effectiveFrom = addDays(today, -30);
  const version2 = {
    ...structuredClone(JCCQ_2020_12),
    version: 2,
    title: `${JCCQ_2020_12.title}(修订)`,
    effectiveFrom,
    parameters: { ...structuredClone(JCCQ_2020_12.parameters), gates: { ...JCCQ_2020_12.parameters.gates, passRatePercent: 90 } },
  };
  const publish = (body: unknown, key: string = randomUUID(), token = admin) => app.request('POST', '/api/policies', { token, body, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'policy-provider', nancun)).token;
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1990-04-04', name: '赵学员', firstSequence: 300 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  it('R-CLAIM-1 lists the shipped JCCQ-2020-12 as built in before anything is published', async () => {
    const { status, body } = await app.request('GET', '/api/policies', { token: reviewer });
    expect(status).toBe(200);
    expect(body.items).toEqual([expect.objectContaining({ policyVersion: 'JCCQ-2020-12.v1', builtIn: true, publishedBy: null, effectiveFrom: '2020-12-03', effectiveTo: null })]);
    expect((await app.request('GET', '/api/policies', { token: provider })).status).toBe(403);
  });

  it('R-CLAIM-1 an administrator publishes v2; a retry with the same key changes nothing; it reads back whole', async () => {
    const key = randomUUID();
    expect((await publish(version2, key, reviewer)).status).toBe(403);
    const created = await publish(version2, key);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ policyVersion: 'JCCQ-2020-12.v2', policyId: 'JCCQ-2020-12', version: 2, effectiveFrom, effectiveTo: null, builtIn: false, alreadyPublished: false });
    expect(created.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const retried = await publish(version2, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ policyVersion: 'JCCQ-2020-12.v2', alreadyPublished: true, contentHash: created.body.contentHash });

    const list = await app.request('GET', '/api/policies', { token: reviewer });
    expect(list.body.items.map((i: { policyVersion: string }) => i.policyVersion)).toEqual(['JCCQ-2020-12.v1', 'JCCQ-2020-12.v2']);
    expect(list.body.items[1]).toMatchObject({ builtIn: false, publishedBy: expect.stringMatching(/^[0-9a-f-]{36}$/), publishedAt: expect.any(String) });
    expect(list.body.timeline).toEqual([
      { from: '2020-12-03', to: addDays(effectiveFrom, -1), policyVersion: 'JCCQ-2020-12.v1' },
      { from: effectiveFrom, to: null, policyVersion: 'JCCQ-2020-12.v2' },
    ]);
    const one = await app.request('GET', '/api/policies/JCCQ-2020-12.v2', { token: reviewer });
    expect(one.status).toBe(200);
    expect(one.body.document).toEqual(version2);
    expect((await app.request('GET', '/api/policies/JCCQ-2020-12.v9', { token: reviewer })).status).toBe(404);
    expect(await app.system.store.readStream(toPolicyStreamId('JCCQ-2020-12'))).toHaveLength(1);
  });

  it('R-GATE-1 R-CLAIM-1 a cohort that starts after v2 takes effect is gated at 90%, one that started before at 95%', async () => {
    const people = await registrar.many(20);
    const assessNine = async (cohortId: string, trainees: readonly string[], assessedOn: string) => {
      for (const [i, labourerId] of trainees.entries()) {
        const result = i < 9 ? 'PASS' : 'FAIL';
        expect((await app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: provider, body: { labourerId, result, assessedOn } })).status).toBe(201);
      }
    };
    const tokens = { provider, reviewer };
    const after = await startedCohort(app, tokens, people.slice(0, 10), { startDay: addDays(effectiveFrom, 5), plannedEnd: addDays(today, 10), plannedDays: 20 });
    const before = await startedCohort(app, tokens, people.slice(10), { startDay: addDays(effectiveFrom, -5), plannedEnd: addDays(today, 10), plannedDays: 20 });
    await assessNine(after.cohortId, people.slice(0, 10), addDays(today, -1));
    await assessNine(before.cohortId, people.slice(10), addDays(today, -1));
    await app.system.runner!.waitUntilCaughtUp();

    const underV2 = (await app.request('GET', `/api/cohorts/${after.cohortId}/outcomes`, { token: reviewer })).body;
    expect(underV2.policyVersion).toBe('JCCQ-2020-12.v2');
    expect(underV2.gates.pass).toMatchObject({ rate: { numerator: 9, denominator: 10 }, thresholdPercent: 90, state: { status: 'HOLDING' } });
    const underV1 = (await app.request('GET', `/api/cohorts/${before.cohortId}/outcomes`, { token: reviewer })).body;
    expect(underV1.policyVersion).toBe('JCCQ-2020-12.v1');
    expect(underV1.gates.pass).toMatchObject({ rate: { numerator: 9, denominator: 10 }, thresholdPercent: 95 });
    expect(underV1.gates.pass.state.status).not.toBe('HOLDING');
  });

  it('R-REG-3 funding for a period across the day v2 takes effect is refused, naming the day to split at; each side is paid', async () => {
    const across = await app.request('GET', `/api/registration-funding?from=${addDays(effectiveFrom, -10)}&to=${addDays(effectiveFrom, 10)}`, { token: reviewer });
    expect(across.status).toBe(422);
    expect(across.body.error).toMatchObject({ code: 'POLICY.CHANGES_WITHIN_PERIOD', details: { changesOn: effectiveFrom } });
    const since = await app.request('GET', `/api/registration-funding?from=${effectiveFrom}&to=${today}`, { token: reviewer });
    expect(since.status).toBe(200);
    expect(since.body.policyVersion).toBe('JCCQ-2020-12.v2');
  });

  it('R-CLAIM-1 refuses an invalid document with every bad field by path, and stores nothing', async () => {
    const bad = structuredClone(version2) as unknown as { version: number; effectiveFrom: string; parameters: { gates: Record<string, unknown>; registration: Record<string, unknown> } };
    bad.version = 3;
    bad.effectiveFrom = '2021-02-30';
    bad.parameters.gates['passRatePercent'] = 120;
    bad.parameters.registration['fundingPerLabourer'] = 400;
    const refused = await publish(bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('POLICY.INVALID_DOCUMENT');
    expect(refused.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['effectiveFrom', 'parameters.gates.passRatePercent', 'parameters.registration.fundingPerLabourer']);
    expect(refused.body.error.issues.every((i: { message: string }) => i.message.length > 0)).toBe(true);
    expect((await app.request('GET', '/api/policies', { token: reviewer })).body.items).toHaveLength(2);
    expect(await app.system.store.readStream(toPolicyStreamId('JCCQ-2020-12'))).toHaveLength(1);
  });

  it('R-CLAIM-1 never edits a published version and never republishes the shipped one: the answer names the version to use', async () => {
    const edited = await publish({ ...version2, effectiveFrom: addDays(effectiveFrom, 1) });
    expect(edited.status).toBe(409);
    expect(edited.body.error).toMatchObject({ code: 'POLICY.VERSION_ALREADY_PUBLISHED', details: { policyId: 'JCCQ-2020-12', version: 2, nextVersion: 3 } });
    const shipped = await publish(JCCQ_2020_12);
    expect(shipped.status).toBe(409);
    expect(shipped.body.error).toMatchObject({ code: 'POLICY.BUILT_IN_VERSION', details: { nextVersion: 3 } });
    const skipped = await publish({ ...version2, version: 5 });
    expect(skipped.status).toBe(422);
    expect(skipped.body.error).toMatchObject({ code: 'POLICY.VERSION_OUT_OF_SEQUENCE', issues: [{ field: 'version', message: 'must be 3' }] });
    expect((await app.request('GET', '/api/policies/JCCQ-2020-12.v2', { token: reviewer })).body.document.effectiveFrom).toBe(effectiveFrom);
  });
});
