import { randomUUID } from 'node:crypto';
import { evaluationFixture } from '../support/evaluation-fixture';
import { expectStatus } from '../support/keyed-requests';
import { labourerRegistrar } from '../support/labourers';
import { onDay } from '../support/past-cohorts';

/**
 * R-EVAL-1, R-TGT-2, R-MON-1: the report's first section over HTTP, against the shipped task table (JCCQ-2020-12.v1,
 * 2020-08 to 2021-12, 17 months). Cards and certificates are recorded on past days (onDay), one certificate late.
 */
describe('certification progress against the task table (R-EVAL-1, R-MON-1)', () => {
  const given = evaluationFixture({ certificatePrefix: 'EVAL-E2E' });
  const { post, certificate } = given;
  const progress = (token: string, query: string) => given.get(token, `/api/evaluation/certification-progress?${query}`);

  let late: { labourerId: string; key: string };
  let asOfH1Before: unknown;

  beforeAll(async () => {
    // 2021-01-10: three Nancun cards and one Dongjie card; A (2021-01-05) and B (2020-12-20) certified within the
    // period; C's of 2020-07-15 is recorded (under the first policy version: it precedes the programme, which began on
    // 2020-12-03) but precedes the task period (2020-08 to 2021-12) too, so it is not done towards the task; D in
    // Dongjie certified 2021-01-08.
    const { c } = await onDay('2021-01-10', async () => {
      const [a, b, c] = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.nancun, born: '1986-04-17', name: '王技工', firstSequence: 700 }).many(3);
      const d = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.dongjie, born: '1988-09-02', name: '李技工', firstSequence: 710 }).one();
      await certificate(a!, '2021-01-05');
      await certificate(b!, '2020-12-20');
      const beforeProgramme = { labourerId: c, number: 'EVAL-E2E-EARLY', issuer: '市职业技能鉴定中心', type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn: '2020-07-15' };
      expectStatus(await post('/api/certificates', given.admin, beforeProgramme), 201);
      await certificate(d, '2021-01-08');
      return { c: c! };
    });
    const before = await progress(given.evaluator, 'asOf=2021-06-30');
    expect(before.status).toBe(200);
    asOfH1Before = before.body;
    // 2021-07-05: C's certificate issued 2021-06-10 is recorded late (after H1 ended), and its request retried.
    late = { labourerId: c, key: randomUUID() };
    await onDay('2021-07-05', async () => {
      const body = { labourerId: c, number: 'EVAL-E2E-LATE', issuer: '市职业技能鉴定中心', type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn: '2021-06-10' };
      const first = expectStatus(await post('/api/certificates', given.admin, body, late.key), 201);
      const retry = await post('/api/certificates', given.admin, body, late.key);
      expect(retry.body.certificateId).toBe(first.body.certificateId);
    });
  });

  it('R-EVAL-1 R-TGT-2 as of 2021-06-30 (11 of 17 months ended): Nancun done 2 of 1,600, expected 1600×11÷17 = 1035.3 → 1036, behind by 1,034, 1,598 left over 6 months → 267 a month', async () => {
    const report = await progress(given.evaluator, 'asOf=2021-06-30');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ asOf: '2021-06-30', targetSetVersion: 'JCCQ-2020-12.v1', period: { from: '2020-08', to: '2021-12', months: 17 } });
    expect(report.body.units).toHaveLength(8);
    const nancunLine = report.body.units.find((u: any) => u.subdistrictId === given.nancun);
    expect(nancunLine).toMatchObject({
      code: 'NANCUN',
      name: '南村镇',
      holdersNow: null,
      target: null,
      task: 1_600,
      months: 17,
      monthsElapsed: 11,
      monthsRemaining: 6,
      done: 2,
      expectedToDate: { numerator: 17_600, denominator: 17 },
      expectedToDateWhole: 1_036,
      difference: -1_034,
      standing: 'BEHIND',
      remaining: 1_598,
      monthlyPaceNeeded: 267,
    });
    // Dongjie: 2000×11÷17 = 1294.1 → 1295; done 1; 1,999 left ÷ 6 = 333.2 → 334.
    expect(report.body.units.find((u: any) => u.subdistrictId === given.dongjie)).toMatchObject({ task: 2_000, done: 1, expectedToDateWhole: 1_295, difference: -1_294, monthlyPaceNeeded: 334 });
    // Zhongjiazhuang: nothing done; 3000×11÷17 = 1941.2 → 1942.
    expect(report.body.units.find((u: any) => u.name === '钟家庄办事处')).toMatchObject({ done: 0, expectedToDateWhole: 1_942, difference: -1_942 });
    // The district: 18,382 holders as printed + 3 = 18,385; 14200×11÷17 = 9188.2 → 9189; 14,197 left ÷ 6 = 2366.2 → 2367.
    expect(report.body.district).toMatchObject({ subdistrictId: null, name: '城区', holdersAtStart: 18_382, holdersNow: 18_385, target: 32_582, task: 14_200, done: 3, expectedToDateWhole: 9_189, difference: -9_186, remaining: 14_197, monthlyPaceNeeded: 2_367 });
  });

  it('R-MON-1 the certificate recorded late (2021-07-05) does not change the report as of 2021-06-30: the same body before and after', async () => {
    const after = await progress(given.evaluator, 'asOf=2021-06-30');
    expect(after.body).toEqual(asOfH1Before);
    expect(after.body.units.find((u: any) => u.subdistrictId === given.nancun).done).toBe(2);
  });

  it('R-MON-1 R-EVAL-1 as of 2021-07-31 the late certificate counts, once despite the retried request: Nancun 3, 1600×12÷17 = 1129.4 → 1130, 1,597 left ÷ 5 = 319.4 → 320', async () => {
    const report = await progress(given.evaluator, `asOf=2021-07-31&subdistrictId=${given.nancun}`);
    expect(report.status).toBe(200);
    expect(report.body.district).toBeNull();
    expect(report.body.units).toEqual([expect.objectContaining({ subdistrictId: given.nancun, done: 3, monthsElapsed: 12, expectedToDateWhole: 1_130, difference: -1_127, remaining: 1_597, monthlyPaceNeeded: 320 })]);
  });

  it('R-EVAL-1 a subdistrict officer sees its own unit (also when it names none), is refused another unit; a provider is refused; counts only', async () => {
    const own = await progress(given.officer, 'asOf=2021-06-30');
    expect(own.status).toBe(200);
    expect(own.body.units).toHaveLength(1);
    expect(own.body.units[0]).toMatchObject({ subdistrictId: given.nancun, done: 2 });
    expect(own.body.district).toBeNull();
    expect((await progress(given.officer, `asOf=2021-06-30&subdistrictId=${given.nancun}`)).status).toBe(200);
    expect((await progress(given.officer, `asOf=2021-06-30&subdistrictId=${given.dongjie}`)).status).toBe(403);
    expect((await progress(given.provider, 'asOf=2021-06-30')).status).toBe(403);
    expect(JSON.stringify(own.body)).not.toMatch(/王技工|labourerId|certificateId/);
  });

  it('R-EVAL-1 bad input names the field: an asOf before any target set is in force, a future asOf, a malformed subdistrictId', async () => {
    const early = await progress(given.evaluator, 'asOf=2020-11-30');
    expect(early.status).toBe(400);
    expect(early.text).toContain('asOf');
    expect((await progress(given.evaluator, 'asOf=2999-01-01')).status).toBe(400);
    const bad = await progress(given.evaluator, 'asOf=2021-06-30&subdistrictId=nancun');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('subdistrictId');
    expect((await progress(given.evaluator, `asOf=2021-06-30&subdistrictId=${randomUUID()}`)).status).toBe(404);
    const doc = await given.app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/api/evaluation/certification-progress');
  });
});
