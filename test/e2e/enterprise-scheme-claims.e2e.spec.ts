import { randomUUID } from 'node:crypto';
import { JCCQ_2020_12 } from '@skills/policy';
import { expectStatus, keyedRequests } from '../support/keyed-requests';
import { providerWithAccount } from '../support/past-cohorts';
import { residentId } from '../support/resident-ids';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

// R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2 and R-CLAIM-1/2 through HTTP on real PostgreSQL: the facts recorded by the
// employer or the bureau, then claims whose every fen was computed from them, hand-checked here.
describe('enterprise and award scheme claims over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let nancun: string;
  let sequence = 500;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
  });
  afterAll(() => app?.close());

  const { post, claim } = keyedRequests(() => app);

  /** A card with these key groups and flags (R-REG-4), registered by the bureau. */
  async function labourer(keyGroups: string[], flags: string[] = []): Promise<string> {
    const body = { idNumber: residentId('1988-06-06', sequence++), name: '钱工人', category: 'RURAL_LABOURER', keyGroups, flags, subdistrictId: nancun };
    return expectStatus(await post('/api/labourers', admin, body), 201).body.labourerId as string;
  }

  /** An enterprise the bureau registers, and the token of an ENTERPRISE account scoped to it. */
  const enterprise = (username: string, profile: { headcount: number; insured: boolean }) => enterpriseWithAccount(app, admin, username, { subdistrictId: nancun, ...profile });

  const place = async (employer: string, labourerId: string, startMonth: string) => expectStatus(await post('/api/work-for-training/placements', employer, { labourerId, startMonth }), 201).body.placementId as string;
  const work = (employer: string, labourerId: string, placementId: string, month: string) => post('/api/work-for-training/months', employer, { labourerId, placementId, month });

  describe('R-ENT-3 work-for-training', () => {
    it('R-ENT-3 R-CLAIM-1 R-CLAIM-2 an employer claims a poor labourer\'s months at 300 each; a second claim for them is refused; a 7th month is refused at any employer', async () => {
      const insured = await enterprise('wft-insured', { headcount: 80, insured: true });
      const uninsured = await enterprise('wft-uninsured', { headcount: 12, insured: false });
      const poor = await labourer(['POOR_LABOURER']);

      expect((await post('/api/work-for-training/placements', reviewer, { labourerId: poor, startMonth: '2021-01' })).status).toBe(403);
      const key = randomUUID();
      const first = expectStatus(await post('/api/work-for-training/placements', insured.token, { labourerId: poor, startMonth: '2021-01' }, key), 201);
      expect(first.body).toMatchObject({ labourerId: poor, startMonth: '2021-01', insuredEnterprise: true, recorded: true });
      const retried = expectStatus(await post('/api/work-for-training/placements', insured.token, { labourerId: poor, startMonth: '2021-01' }, key), 200);
      expect(retried.body).toMatchObject({ placementId: first.body.placementId, recorded: false });
      const placementA = first.body.placementId as string;
      for (const month of ['2021-01', '2021-02', '2021-03', '2021-04']) expectStatus(await work(insured.token, poor, placementA, month), 201);
      // Another employer cannot record months in this placement: it is not theirs.
      expect((await work(uninsured.token, poor, placementA, '2021-05')).body.error.code).toBe('WORK_FOR_TRAINING.PLACEMENT_NOT_FOUND');

      // 4 months × 300.00 = 1200.00 yuan = 120,000 fen, one line a month, paid to the employer.
      const claimKey = randomUUID();
      const submitted = expectStatus(await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: poor }, undefined, claimKey), 201).body;
      expect(submitted).toMatchObject({ scheme: 'R-ENT-3', subject: { kind: 'PERSON', id: poor }, period: { from: '2021-01-01', to: '2021-04-30' }, status: 'READY_FOR_REVIEW', gates: [], totalFen: 120_000 });
      expect(submitted.lines.map((l: any) => [l.period.from, l.period.to, l.outcome, l.amountFen])).toEqual([
        ['2021-01-01', '2021-01-31', 'AMOUNT', 30_000],
        ['2021-02-01', '2021-02-28', 'AMOUNT', 30_000],
        ['2021-03-01', '2021-03-31', 'AMOUNT', 30_000],
        ['2021-04-01', '2021-04-30', 'AMOUNT', 30_000],
      ]);
      expect(submitted.lines[3]).toMatchObject({ ruleId: 'R-ENT-3', labourerId: poor, payee: { kind: 'ENTERPRISE', id: insured.id }, policyVersion: 'JCCQ-2020-12.v1' });
      expect(submitted.lines[3].explanation.inputs).toMatchObject({ months: 1, monthsAlreadyPaid: 3, maxMonths: 6, perMonthFen: 30_000, employerInsured: true, eligibleAs: 'POOR_LABOURER' });
      expect(new Set(submitted.lines.map((l: any) => l.lineId)).size).toBe(4);
      expect(expectStatus(await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: poor }, undefined, claimKey), 200).body).toMatchObject({ claimId: submitted.claimId, alreadySubmitted: true });

      // R-CLAIM-2: the same months again, asked for by their period, are refused; asked for by default, none is left.
      const again = await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: poor }, { from: '2021-03-01', to: '2021-04-30' });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED', details: { ruleId: 'R-CLAIM-2' } });
      expect(again.body.error.details.alreadyClaimed).toEqual([{ labourerId: poor, claimId: submitted.claimId }, { labourerId: poor, claimId: submitted.claimId }]);
      expect((await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: poor })).body.error.code).toBe('CLAIM.NOTHING_LEFT_TO_CLAIM');

      // A poor labourer is paid with any employer, insured or not: 2 more months elsewhere make 6, a 7th is refused.
      const placementB = await place(uninsured.token, poor, '2021-05');
      expect((await work(uninsured.token, poor, placementB, '2021-04')).status).toBe(400);
      for (const month of ['2021-05', '2021-06']) expectStatus(await work(uninsured.token, poor, placementB, month), 201);
      const seventh = await work(uninsured.token, poor, placementB, '2021-07');
      expect(seventh.status).toBe(422);
      expect(seventh.body.error).toMatchObject({ code: 'WORK_FOR_TRAINING.MONTHS_EXHAUSTED', details: { ruleId: 'R-ENT-3', maxMonths: 6 } });
      const second = expectStatus(await claim(uninsured.token, 'R-ENT-3', { kind: 'PERSON', id: poor }), 201).body;
      expect(second).toMatchObject({ period: { from: '2021-05-01', to: '2021-06-30' }, totalFen: 60_000 });
      expect(second.lines.map((l: any) => [l.explanation.inputs.monthsAlreadyPaid, l.payee.id, l.explanation.inputs.employerInsured])).toEqual([
        [4, uninsured.id, false],
        [5, uninsured.id, false],
      ]);
      // Across both claims: 6 × 300 = 1800 yuan, the most R-ENT-3 pays a person.
      expect(submitted.totalFen + second.totalFen).toBe(180_000);
    });

    it('R-ENT-3 an employment-difficulty person or a zero-employment family member is paid with an insured enterprise only; a person of no listed group is refused', async () => {
      const insured = await enterprise('wft-insured-2', { headcount: 300, insured: true });
      const uninsured = await enterprise('wft-uninsured-2', { headcount: 30, insured: false });
      const difficulty = await labourer(['EMPLOYMENT_DIFFICULTY']);
      const zeroEmployment = await labourer([], ['ZERO_EMPLOYMENT_FAMILY']);
      const migrant = await labourer(['RURAL_MIGRANT']);

      expectStatus(await work(uninsured.token, difficulty, await place(uninsured.token, difficulty, '2021-02'), '2021-02'), 201);
      const refused = await claim(uninsured.token, 'R-ENT-3', { kind: 'PERSON', id: difficulty });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'CLAIM.NOTHING_TO_CLAIM', details: { refused: [{ labourerId: difficulty, code: 'EMPLOYER_NOT_ELIGIBLE' }] } });

      // R-ENT-3 the same person's next month at an insured enterprise is paid; February, recorded elsewhere, cannot be recorded again.
      const atInsured = await place(insured.token, difficulty, '2021-02');
      expect((await work(insured.token, difficulty, atInsured, '2021-02')).body.error.code).toBe('WORK_FOR_TRAINING.MONTH_ALREADY_RECORDED');
      expectStatus(await work(insured.token, difficulty, atInsured, '2021-03'), 201);
      const paid = expectStatus(await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: difficulty }), 201).body;
      expect(paid).toMatchObject({ totalFen: 30_000, period: { from: '2021-03-01', to: '2021-03-31' } });
      expect(paid.lines[0].explanation.inputs).toMatchObject({ eligibleAs: 'EMPLOYMENT_DIFFICULTY', monthsAlreadyPaid: 1 });

      expectStatus(await work(insured.token, zeroEmployment, await place(insured.token, zeroEmployment, '2021-06'), '2021-06'), 201);
      expect(expectStatus(await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: zeroEmployment }), 201).body.totalFen).toBe(30_000);

      expectStatus(await work(insured.token, migrant, await place(insured.token, migrant, '2021-06'), '2021-06'), 201);
      expect((await claim(insured.token, 'R-ENT-3', { kind: 'PERSON', id: migrant })).body.error.details.refused).toEqual([{ labourerId: migrant, code: 'NOT_ELIGIBLE_GROUP' }]);
      // Another employer claiming for a person it never placed is told nothing about them.
      expect((await claim(uninsured.token, 'R-ENT-3', { kind: 'PERSON', id: migrant })).status).toBe(404);
    });
  });

  describe('R-ENT-4 enterprise training centre', () => {
    it('R-ENT-4 R-CLAIM-2 a centre of capacity 250 at an enterprise of 800 (by the registry on its day) earns 50,000 + 1 × 20,000; two racing claims make one', async () => {
      const big = await enterprise('centre-big', { headcount: 480, insured: true });
      // The registry says 800 from 2021-03-01: the centre of 2021-05-10 is judged on that, not on the 480 registered.
      expectStatus(await app.request('PUT', `/api/enterprises/${big.id}`, { token: admin, body: { name: '企业 centre-big', subdistrictId: nancun, headcount: 800, insured: true, effectiveOn: '2021-03-01' } }), 200);
      expect((await post('/api/training-centres', big.token, { enterpriseId: big.id, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-10' })).status).toBe(403);
      const key = randomUUID();
      const centre = { enterpriseId: big.id, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-10' };
      expect(expectStatus(await post('/api/training-centres', reviewer, centre, key), 201).body).toMatchObject({ headcount: 800, capacity: 250, recognised: true });
      expect(expectStatus(await post('/api/training-centres', reviewer, centre, key), 200).body.recognised).toBe(false);
      expect((await post('/api/training-centres', reviewer, { ...centre, capacity: 300 })).body.error.code).toBe('TRAINING_CENTRE.ALREADY_RECOGNISED');

      const [a, b] = await Promise.all([claim(big.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: big.id }), claim(big.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: big.id })]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const won = a.status === 201 ? a.body : b.body;
      // capacity 250: 1 full 50 above 200 → 50,000 + 1 × 20,000 = 70,000 yuan = 7,000,000 fen.
      expect(won).toMatchObject({ scheme: 'R-ENT-4', period: { from: '2021-05-10', to: '2021-05-10' }, totalFen: 7_000_000, status: 'READY_FOR_REVIEW' });
      expect(won.lines).toHaveLength(1);
      expect(won.lines[0]).toMatchObject({ outcome: 'AMOUNT', payee: { kind: 'ENTERPRISE', id: big.id }, explanation: { ruleId: 'R-ENT-4', inputs: { headcount: 800, capacity: 250, steps: 1 } } });
      expect(won.lines[0].labourerId).toBeUndefined();
      const explicit = await claim(big.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: big.id }, { from: '2021-05-01', to: '2021-05-31' });
      expect(explicit.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED', details: { alreadyClaimed: [{ subject: true, claimId: won.claimId }] } });
    });

    it('R-ENT-4 capacity 600 at exactly 500 employees reaches the 200,000 cap; 499 employees earn nothing; another enterprise cannot claim it', async () => {
      const atLimit = await enterprise('centre-500', { headcount: 500, insured: true });
      const small = await enterprise('centre-499', { headcount: 499, insured: true });
      expectStatus(await post('/api/training-centres', reviewer, { enterpriseId: atLimit.id, capacity: 600, newlyEstablished: true, establishedOn: '2021-06-01' }), 201);
      expectStatus(await post('/api/training-centres', reviewer, { enterpriseId: small.id, capacity: 600, newlyEstablished: true, establishedOn: '2021-06-01' }), 201);

      // 600: 8 full 50 above 200 → 50,000 + 8 × 20,000 = 210,000, capped at 200,000 yuan.
      const capped = expectStatus(await claim(atLimit.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: atLimit.id }), 201).body;
      expect(capped.totalFen).toBe(20_000_000);
      expect(capped.lines[0].explanation.cap).toMatchObject({ applied: true, uncappedFen: 21_000_000, limitFen: 20_000_000 });
      const refused = await claim(small.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: small.id });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details.refused).toEqual([{ code: 'ENTERPRISE_TOO_SMALL' }]);
      expect((await claim(small.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: atLimit.id })).status).toBe(404);
    });
  });

  describe('R-AWARD-1 skills-master studios', () => {
    it('R-AWARD-1 a city studio is paid 100,000; designated provincial later, its claim pays the full 200,000 (each level its own award); each level once', async () => {
      const host = await providerWithAccount(app, admin, 'studio-host', nancun);
      const other = await providerWithAccount(app, admin, 'studio-other', nancun);
      expect((await post('/api/skills-master-studios', reviewer, { host: { kind: 'ENTERPRISE', id: randomUUID() }, level: 'CITY', designatedOn: '2021-03-15' })).status).toBe(404);
      const created = expectStatus(await post('/api/skills-master-studios', reviewer, { host: { kind: 'PROVIDER', id: host.providerId }, level: 'CITY', designatedOn: '2021-03-15' }), 201).body;
      const studio = { kind: 'STUDIO', id: created.studioId as string };

      const city = expectStatus(await claim(host.token, 'R-AWARD-1', studio), 201).body;
      expect(city).toMatchObject({ scheme: 'R-AWARD-1', period: { from: '2021-03-15', to: '2021-03-15' }, totalFen: 10_000_000 });
      expect(city.lines[0]).toMatchObject({ payee: { kind: 'PROVIDER', id: host.providerId }, explanation: { inputs: { level: 'CITY' } } });
      expect((await claim(other.token, 'R-AWARD-1', studio)).status).toBe(404);

      expect((await post(`/api/skills-master-studios/${studio.id}/designations`, reviewer, { level: 'CITY', designatedOn: '2021-10-20' })).body.error.code).toBe('STUDIO.LEVEL_ALREADY_DESIGNATED');
      expectStatus(await post(`/api/skills-master-studios/${studio.id}/designations`, reviewer, { level: 'PROVINCIAL', designatedOn: '2021-10-20' }), 201);
      expect((await post(`/api/skills-master-studios/${studio.id}/designations`, reviewer, { level: 'CITY', designatedOn: '2021-11-20' })).body.error.code).toBe('STUDIO.LEVEL_ALREADY_DESIGNATED');
      const provincial = expectStatus(await claim(host.token, 'R-AWARD-1', studio), 201).body;
      expect(provincial).toMatchObject({ period: { from: '2021-10-20', to: '2021-10-20' }, totalFen: 20_000_000 });
      expect(provincial.lines).toHaveLength(1);

      // R-CLAIM-2: the whole year asked for again holds both designations, both paid already.
      const again = await claim(host.token, 'R-AWARD-1', studio, { from: '2021-01-01', to: '2021-12-31' });
      expect(again.status).toBe(409);
      expect(again.body.error.details.alreadyClaimed).toHaveLength(2);
    });
  });

  describe('R-AWARD-2 labour brands', () => {
    it('R-AWARD-2 R-CLAIM-2 a city brand\'s cap holds across two claims, in the order people were counted; a person counted twice is refused', async () => {
      // JCCQ-2020-12 v2 for August 2021 only: a city brand capped at 1,000 yuan, so the cap is reached with five people.
      const version2 = {
        ...structuredClone(JCCQ_2020_12),
        version: 2,
        title: `${JCCQ_2020_12.title}(品牌上限测试)`,
        effectiveFrom: '2021-08-01',
        effectiveTo: '2021-08-31',
        parameters: { ...structuredClone(JCCQ_2020_12.parameters), awards: { ...JCCQ_2020_12.parameters.awards, labourBrand: { ...JCCQ_2020_12.parameters.awards.labourBrand, CITY: { perTrainedFen: 30_000, perPlacedFen: 20_000, capFen: 100_000 } } } },
      };
      expectStatus(await post('/api/policies', admin, version2), 201);
      const holder = await enterprise('brand-holder', { headcount: 40, insured: true });
      const [a, b, c, d] = [await labourer(['RURAL_MIGRANT']), await labourer(['RURAL_MIGRANT']), await labourer(['RURAL_MIGRANT']), await labourer(['RURAL_MIGRANT'])];
      const brandId = expectStatus(await post('/api/labour-brands', reviewer, { holder: { kind: 'ENTERPRISE', id: holder.id }, level: 'CITY', recognisedOn: '2021-07-01' }), 201).body.brandId as string;
      const brand = { kind: 'BRAND', id: brandId };
      const count = (kind: string, labourerIds: string[], countedOn: string, key?: string) => post(`/api/labour-brands/${brandId}/counts`, reviewer, { count: kind, labourerIds, countedOn }, key);

      const countKey = randomUUID();
      expect(expectStatus(await count('TRAINED', [a, b], '2021-08-10', countKey), 201).body).toMatchObject({ counted: 2, totals: { trained: 2, placed: 0 } });
      expect(expectStatus(await count('TRAINED', [a, b], '2021-08-10', countKey), 200).body.totals).toEqual({ trained: 2, placed: 0 });
      const unknown = await count('TRAINED', [randomUUID()], '2021-08-10');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.issues[0].field).toBe('labourerIds.0');

      // Claim 1: 2 trained × 300 = 600 yuan = 60,000 fen, under v2 (in force on 2021-08-10).
      const first = expectStatus(await claim(holder.token, 'R-AWARD-2', brand), 201).body;
      expect(first).toMatchObject({ period: { from: '2021-08-10', to: '2021-08-10' }, totalFen: 60_000 });
      expect(first.lines.map((l: any) => [l.labourerId, l.amountFen, l.policyVersion])).toEqual([
        [a, 30_000, 'JCCQ-2020-12.v2'],
        [b, 30_000, 'JCCQ-2020-12.v2'],
      ]);

      const twice = await count('TRAINED', [c, a], '2021-08-20');
      expect(twice.status).toBe(409);
      expect(twice.body.error).toMatchObject({ code: 'LABOUR_BRAND.ALREADY_COUNTED', details: { alreadyCounted: [{ labourerId: a, countedOn: '2021-08-10' }] } });
      // a placed as well as trained is a second payment for a, keyed apart from the first.
      expectStatus(await count('PLACED', [a], '2021-08-20'), 201);
      expectStatus(await count('TRAINED', [c, d], '2021-08-20'), 201);

      // Claim 2, in counting order: a placed 200 (800 so far), c trained 300 → capped at the 200 left, d nothing.
      const second = expectStatus(await claim(holder.token, 'R-AWARD-2', brand), 201).body;
      expect(second.totalFen).toBe(40_000);
      expect(second.lines.map((l: any) => [l.labourerId, l.outcome, l.amountFen ?? l.reason.code])).toEqual([
        [a, 'AMOUNT', 20_000],
        [c, 'AMOUNT', 20_000],
        [d, 'REFUSED', 'CAP_EXHAUSTED'],
      ]);
      expect(second.lines[1].explanation.cap).toMatchObject({ applied: true, uncappedFen: 30_000, limitFen: 20_000 });
      // Across both claims the brand has exactly its cap: 60,000 + 40,000 = 100,000 fen = 1,000 yuan.
      expect(first.totalFen + second.totalFen).toBe(100_000);

      // Nothing left that pays: only d, past the cap.
      const third = await claim(holder.token, 'R-AWARD-2', brand);
      expect(third.status).toBe(422);
      expect(third.body.error.details.refused).toEqual([{ labourerId: d, code: 'CAP_EXHAUSTED' }]);
      const again = await claim(holder.token, 'R-AWARD-2', brand, { from: '2021-08-01', to: '2021-08-31' });
      expect(again.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED' });
      expect(again.body.error.details.alreadyClaimed).toHaveLength(4);
    });
  });

  it('documents the recording routes in the OpenAPI document', async () => {
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/work-for-training/placements', '/api/work-for-training/months', '/api/training-centres', '/api/skills-master-studios', '/api/labour-brands']),
    );
    expect(doc.body.paths['/api/labour-brands'].post.requestBody.content['application/json'].schema.properties.level.enum).toEqual(['CITY', 'PROVINCIAL']);
  });

  it('R-CLAIM-1 no response or log line carries a name or an ID number', () => {
    expect(app.logs.length).toBeGreaterThan(0);
    const everything = [...app.responses, ...app.logs].join('\n');
    expect(everything).not.toContain('钱工人');
    expect(everything).not.toContain(residentId('1988-06-06', 500));
  });
});
