import { addMonths, shanghaiDateOf, shiftDays } from '@skills/domain';
import { simulatePolicy, type PolicySimulationReport } from '@skills/platform';
import type { PolicyDocument } from '@skills/policy';
import { addDays, providerWithAccount } from '../support/past-cohorts';
import { cardRegistrar, enterpriseWithAccount, posted, programmeCohort, submittedClaim } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

/** Each scheme's live total in fen, hand-computed from the facts recorded below (JCCQ-2020-12.v1). */
const LIVE: Record<string, number> = {
  'R-FREE-6': 250_000 + 12 * 20_000 + 250_000, // 12 months: 2500 + 12 × 200 to the rural student; 2500 for the other (no allowance)
  'R-FREE-7': 180_000 + 54_000, // 11 days: 1980 capped at 1800; 3 days: 540
  'R-FREE-8': 2 * 50_000, // start a business: 500 per student who attended
  'R-ENT-1': 2 * 30_000, // 5 and 3 days ≥ 3; 2 days refused
  'R-ENT-2': 2 * 450_000, // year 1 at the approved 4500 for two apprentices
  'R-ENT-3': 4 * 30_000, // 4 months × 300
  'R-ENT-4': 5_000_000 + 2_000_000, // capacity 250: 50,000 + 1 full 50 × 20,000
  'R-AWARD-1': 10_000_000, // a city studio
  'R-AWARD-2': 2 * 30_000 + (20_000 + 30_000), // claim 1: 2 trained; claim 2: 1 placed + 1 trained
  'R-CERT-2': 30_000, // a JUNIOR skill-level certificate; INTERMEDIATE is a "no rule" line
  'R-CERT-3': 100_000, // a JUNIOR certificate through upgrade training, 12 months insured
};

// Issue 4, item 6, for the programme cohorts and the enterprise and award schemes: claims made over HTTP on
// PostgreSQL, then the whole history replayed under the live document (nothing differs) and under a draft changing
// each scheme's amounts (the difference hand-computed per scheme, in fen).
describe('policy simulation of R-FREE-6/7/8, R-ENT-1/2/3/4, R-AWARD-1/2, R-CERT-2/3', () => {
  let app: TestApp;
  let live: PolicyDocument;
  let subdistrictId: string;
  let providerId: string;
  let enterpriseId: string;
  const today = shanghaiDateOf(new Date().toISOString());
  const claims: Record<string, { claimId: string; totalFen: number }[]> = {};
  const claimed = (scheme: string, claim: { claimId: string; totalFen: number }) => (claims[scheme] ??= []).push(claim);

  beforeAll(async () => {
    app = await startTestApp();
    const [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    subdistrictId = app.directory.subdistrictList()[0]!.subdistrictId;
    const provider = await providerWithAccount(app, admin, 'simulation-schemes', subdistrictId);
    providerId = provider.providerId;
    const enterprise = await enterpriseWithAccount(app, admin, 'simulation-ent', { subdistrictId, headcount: 800, insured: true });
    enterpriseId = enterprise.id;
    const tokens = { provider: provider.token, reviewer };
    const person = cardRegistrar(app, admin, { subdistrictId, born: '1999-09-09', firstSequence: 700 });
    const cohortClaim = async (token: string, scheme: string, cohortId: string) => {
      await app.system.runner!.waitUntilCaughtUp(30_000);
      claimed(scheme, await submittedClaim(app, token, scheme, { kind: 'COHORT', id: cohortId }));
    };

    // R-FREE-6: 12 months of labour preparation, a rural student and one neither rural nor dibao.
    const prepStart = addDays(today, -400);
    const prepEnd = shiftDays(addMonths(prepStart, 12), -1);
    const prep = [await person(['TWO_AFTER_STUDENT'], ['RURAL_STUDENT']), await person(['TWO_AFTER_STUDENT'])];
    const prepCohort = await programmeCohort(app, tokens, prep, { programmeType: 'LABOUR_PREPARATION', startDay: prepStart, plannedEnd: prepEnd, plannedDays: 200, attended: [2, 2], completedOn: prepEnd });
    await cohortClaim(provider.token, 'R-FREE-6', prepCohort);

    // R-FREE-7: 11 and 3 days of entrepreneurship training.
    const sybStart = addDays(today, -60);
    const syb = [await person(['RURAL_MIGRANT']), await person(['RURAL_MIGRANT'])];
    const sybCohort = await programmeCohort(app, tokens, syb, { programmeType: 'ENTREPRENEURSHIP', startDay: sybStart, plannedEnd: addDays(sybStart, 13), plannedDays: 12, attended: [11, 3], completedOn: addDays(sybStart, 11) });
    await cohortClaim(provider.token, 'R-FREE-7', sybCohort);

    // R-FREE-8: two in-school students on the start-a-business course, 5 days and 1.
    const collegeStart = addDays(today, -30);
    const students = [await person([], ['IN_SCHOOL_STUDENT']), await person([], ['IN_SCHOOL_STUDENT'])];
    const collegeCohort = await programmeCohort(app, tokens, students, {
      programmeType: 'COLLEGE_ENTREPRENEURSHIP',
      startDay: collegeStart,
      plannedEnd: addDays(collegeStart, 4),
      plannedDays: 5,
      planFields: { collegeCourse: 'START_BUSINESS' },
      attended: [5, 1],
      completedOn: addDays(collegeStart, 4),
    });
    await cohortClaim(provider.token, 'R-FREE-8', collegeCohort);

    // R-ENT-1: the enterprise's employees, 5, 3 and 2 days of a catalogue course.
    const staffStart = addDays(today, -20);
    const staff = [await person([]), await person([]), await person([])];
    const staffCohort = await programmeCohort(app, tokens, staff, {
      programmeType: 'ENTERPRISE_EMPLOYEE',
      startDay: staffStart,
      plannedEnd: addDays(staffStart, 4),
      plannedDays: 5,
      planFields: { enterpriseId },
      approvalFields: { inSubsidisedCatalogue: true },
      attended: [5, 3, 2],
      completedOn: addDays(staffStart, 4),
    });
    await cohortClaim(enterprise.token, 'R-ENT-1', staffCohort);

    // R-ENT-2: two apprentices the whole first year, approved at 4500 a year.
    const apprenticeStart = addDays(today, -400);
    const apprentices = [await person([]), await person([])];
    const apprenticeCohort = await programmeCohort(app, tokens, apprentices, {
      programmeType: 'APPRENTICESHIP',
      startDay: apprenticeStart,
      plannedEnd: shiftDays(addMonths(apprenticeStart, 24), -1),
      plannedDays: 400,
      planFields: { enterpriseId },
      approvalFields: { approvedPerApprenticeYearFen: 450_000 },
    });
    await cohortClaim(enterprise.token, 'R-ENT-2', apprenticeCohort);

    // R-ENT-3: a poor labourer's 4 months of work-for-training at the enterprise.
    const poor = await person(['POOR_LABOURER']);
    const placementId = (await posted(app, '/api/work-for-training/placements', enterprise.token, { labourerId: poor, startMonth: '2021-01' })).body.placementId as string;
    for (const month of ['2021-01', '2021-02', '2021-03', '2021-04']) await posted(app, '/api/work-for-training/months', enterprise.token, { labourerId: poor, placementId, month });
    claimed('R-ENT-3', await submittedClaim(app, enterprise.token, 'R-ENT-3', { kind: 'PERSON', id: poor }));

    // R-ENT-4: a new centre for 250 at the enterprise of 800.
    const centre = await posted(app, '/api/training-centres', reviewer, { enterpriseId, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-10' });
    expect(centre.body).toMatchObject({ headcount: 800, capacity: 250 });
    claimed('R-ENT-4', await submittedClaim(app, enterprise.token, 'R-ENT-4', { kind: 'ENTERPRISE', id: enterpriseId }));

    // R-AWARD-1: a city studio hosted by the provider.
    const studioId = (await posted(app, '/api/skills-master-studios', reviewer, { host: { kind: 'PROVIDER', id: providerId }, level: 'CITY', designatedOn: '2021-03-15' })).body.studioId as string;
    claimed('R-AWARD-1', await submittedClaim(app, provider.token, 'R-AWARD-1', { kind: 'STUDIO', id: studioId }));

    // R-AWARD-2: a city brand of the enterprise; 2 trained claimed, then 1 placed and 1 more trained claimed.
    const [a, b, c] = [await person(['RURAL_MIGRANT']), await person(['RURAL_MIGRANT']), await person(['RURAL_MIGRANT'])];
    const brandId = (await posted(app, '/api/labour-brands', reviewer, { holder: { kind: 'ENTERPRISE', id: enterpriseId }, level: 'CITY', recognisedOn: '2021-07-01' })).body.brandId as string;
    const brand = { kind: 'BRAND', id: brandId };
    await posted(app, `/api/labour-brands/${brandId}/counts`, reviewer, { count: 'TRAINED', labourerIds: [a, b], countedOn: '2021-08-10' });
    claimed('R-AWARD-2', await submittedClaim(app, enterprise.token, 'R-AWARD-2', brand));
    await posted(app, `/api/labour-brands/${brandId}/counts`, reviewer, { count: 'PLACED', labourerIds: [a], countedOn: '2021-08-20' });
    await posted(app, `/api/labour-brands/${brandId}/counts`, reviewer, { count: 'TRAINED', labourerIds: [c], countedOn: '2021-08-20' });
    claimed('R-AWARD-2', await submittedClaim(app, enterprise.token, 'R-AWARD-2', brand));

    // R-CERT-2: the enterprise's free skill-level evaluation, a JUNIOR and an INTERMEDIATE certificate named for it.
    const skill = async (labourerId: string, level: string, occupation: string, issuedOn: string) =>
      (await posted(app, '/api/certificates', admin, { labourerId, type: 'SKILL_LEVEL', level, occupation, issuedOn, number: `SL-${level}-${issuedOn}`, issuer: '市职业技能鉴定中心' })).body.certificateId as string;
    const evaluated = [await skill(await person([]), 'JUNIOR', '电工', '2021-06-10'), await skill(await person([]), 'INTERMEDIATE', '电工', '2021-06-10')];
    const evaluationId = (await posted(app, '/api/free-evaluations', enterprise.token, { occupation: '电工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2021-05-20', freeOfCharge: true })).body.evaluationId as string;
    await posted(app, `/api/free-evaluations/${evaluationId}/certificates`, enterprise.token, { certificates: evaluated.map((certificateId) => ({ certificateId })) });
    await app.system.runner!.waitUntilCaughtUp(30_000);
    claimed('R-CERT-2', await submittedClaim(app, enterprise.token, 'R-CERT-2', { kind: 'EVALUATION', id: evaluationId }));

    // R-CERT-3: the enterprise's employee, JUNIOR through upgrade training with 12 months of insurance.
    const employee = await person([]);
    const upgraded = await skill(employee, 'JUNIOR', '数控车工', '2021-02-01');
    await posted(app, '/api/upgrade-trainings', enterprise.token, { labourerId: employee, certificateId: upgraded, insuranceMonths: 12, insuranceEvidenceRef: 'doc:si-12' });
    claimed('R-CERT-3', await submittedClaim(app, enterprise.token, 'R-CERT-3', { kind: 'PERSON', id: employee }));

    live = (await app.request('GET', '/api/policies/JCCQ-2020-12.v1', { token: reviewer })).body.document;
    await app.system.runner!.waitUntilCaughtUp(30_000);
  });
  afterAll(() => app?.close());

  /** The live document as a draft version 2, never published. */
  const draft = (change: (parameters: any) => void): PolicyDocument => {
    const document = structuredClone(live) as any;
    document.version = 2;
    change(document.parameters);
    return document;
  };
  const bySchemeOf = (report: PolicySimulationReport) => Object.fromEntries(report.byScheme.map((s) => [s.scheme, [s.claims, s.liveFen, s.simulatedFen, s.differenceFen]]));
  const liveTotal = Object.values(LIVE).reduce((sum, fen) => sum + fen, 0);

  it('R-CLAIM-1 the claims of the eleven schemes were computed over HTTP to the hand-computed fen', () => {
    const totals = Object.fromEntries(Object.entries(claims).map(([scheme, list]) => [scheme, list.reduce((sum, claim) => sum + claim.totalFen, 0)]));
    expect(totals).toEqual(LIVE);
    expect(claims['R-AWARD-2']!.map((claim) => claim.totalFen)).toEqual([60_000, 50_000]);
  });

  it('R-FREE-6 R-FREE-7 R-FREE-8 R-ENT-1 R-ENT-2 R-ENT-3 R-ENT-4 R-AWARD-1 R-AWARD-2 R-CERT-2 R-CERT-3 under the live JCCQ-2020-12 document the simulation gives rm_claims\' totals: difference 0, no flip, none left unsimulated', async () => {
    const report = await simulatePolicy(app.system.db, { candidate: live, asOf: today });
    const { rows } = await app.system.db.query<{ scheme: string; total: string; n: string }>('SELECT scheme, sum(total_fen)::text AS total, count(*)::text AS n FROM rm_claims GROUP BY scheme');
    const stored = Object.fromEntries(rows.map((r) => [r.scheme, [Number(r.n), Number(r.total)]]));
    expect(Object.fromEntries(Object.entries(LIVE).map(([scheme, fen]) => [scheme, [scheme === 'R-AWARD-2' ? 2 : 1, fen]]))).toEqual(stored);
    expect(bySchemeOf(report)).toEqual(Object.fromEntries(Object.entries(stored).map(([scheme, [n, fen]]) => [scheme, [n, fen, fen, 0]])));
    expect(report.totals).toMatchObject({ liveFen: liveTotal, simulatedFen: liveTotal, differenceFen: 0, payableDifferenceFen: 0 });
    expect(report.claims).toEqual({ total: 12, simulated: 12, notSimulated: 0, overridden: 0, amountChanged: 0, rejected: 0 });
    expect(report.notSimulated).toEqual([]);
    expect(report.flips).toEqual([]);
    // Lines of a person are the card's subdistrict's (24 of them); the centre's and the studio's name no one.
    expect(report.bySubdistrict).toEqual([
      expect.objectContaining({ subdistrictId, lines: 24, liveFen: liveTotal - 17_000_000, simulatedFen: liveTotal - 17_000_000, differenceFen: 0, payableDifferenceFen: 0 }),
      expect.objectContaining({ subdistrictId: null, lines: 2, liveFen: 17_000_000, simulatedFen: 17_000_000, differenceFen: 0, payableDifferenceFen: 0 }),
    ]);
    expect(report.byPayeeOrganisation.map((o) => [o.organisation, o.claims, o.differenceFen])).toEqual(
      expect.arrayContaining([
        [{ kind: 'ENTERPRISE', id: enterpriseId }, 8, 0],
        [{ kind: 'PROVIDER', id: providerId }, 4, 0],
      ]),
    );
    expect(report.byPayeeOrganisation).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('钱学员');
  });

  it('R-FREE-6 R-FREE-7 R-FREE-8 R-ENT-1 R-ENT-2 R-ENT-3 R-ENT-4 R-AWARD-1 R-AWARD-2 R-CERT-2 R-CERT-3 a draft changing every amount: the hand-computed difference per scheme and per payee', async () => {
    const candidate = draft((p) => {
      p.freeTraining.labourPreparation.tiers[0].amountFen = 300_000;
      p.freeTraining.labourPreparation.livingAllowancePerMonthFen = 25_000;
      Object.assign(p.freeTraining.entrepreneurship, { perDayFen: 20_000, capFen: 200_000 });
      p.freeTraining.inSchool.perPersonFen.START_BUSINESS = 60_000;
      Object.assign(p.enterprise.employeeTraining, { perEmployeeFen: 35_000, minDays: 4 });
      p.enterprise.apprenticeship.maxPerYearFen = 400_000;
      Object.assign(p.enterprise.workForTraining, { perMonthFen: 35_000, maxMonths: 3 });
      p.enterprise.trainingCentre.stepAwardFen = 3_000_000;
      p.awards.studioFen.CITY = 12_000_000;
      Object.assign(p.awards.labourBrand.CITY, { perTrainedFen: 40_000, capFen: 120_000 });
      p.certification.qualificationOrSkillLevelFen = { JUNIOR: 40_000, INTERMEDIATE: 45_000, SENIOR: 60_000 };
      p.employeeUpgrade.amountByLevelFen.JUNIOR = 120_000;
    });
    const report = await simulatePolicy(app.system.db, { candidate, asOf: today });
    const simulated: Record<string, number> = {
      'R-FREE-6': 300_000 + 12 * 25_000 + 300_000, // 3000 at 12 months, 250 a month of allowance
      'R-FREE-7': 200_000 + 60_000, // 11 × 200 = 2200 capped at 2000; 3 × 200
      'R-FREE-8': 2 * 60_000,
      'R-ENT-1': 35_000, // only the 5 days reach 4
      'R-ENT-2': 2 * 400_000, // the approved 4500 held to the new top of 4000
      'R-ENT-3': 3 * 35_000, // the 4th month is past a 3-month limit
      'R-ENT-4': 5_000_000 + 3_000_000,
      'R-AWARD-1': 12_000_000,
      'R-AWARD-2': 2 * 40_000 + (20_000 + 20_000), // the cap of 1200 reached in counting order: the last 400 held to 200
      'R-CERT-2': 40_000 + 45_000, // the "no rule" INTERMEDIATE line now has an amount
      'R-CERT-3': 120_000,
    };
    expect(bySchemeOf(report)).toEqual(Object.fromEntries(Object.entries(LIVE).map(([scheme, fen]) => [scheme, [scheme === 'R-AWARD-2' ? 2 : 1, fen, simulated[scheme], simulated[scheme]! - fen]])));
    expect(Object.fromEntries(report.byScheme.map((s) => [s.scheme, s.differenceFen]))).toEqual({
      'R-FREE-6': 160_000,
      'R-FREE-7': 26_000,
      'R-FREE-8': 20_000,
      'R-ENT-1': -25_000,
      'R-ENT-2': -100_000,
      'R-ENT-3': -15_000,
      'R-ENT-4': 1_000_000,
      'R-AWARD-1': 2_000_000,
      'R-AWARD-2': 10_000,
      'R-CERT-2': 55_000,
      'R-CERT-3': 20_000,
    });
    expect(report.totals.differenceFen).toBe(3_151_000);
    // Both brand claims change: +200 for the first, -100 for the second, whose person trained now meets the cap.
    expect(report.claims).toMatchObject({ total: 12, simulated: 12, notSimulated: 0, amountChanged: 12 });
    expect(report.flips).toEqual([]);
    const payee = (kind: string, id: string) => report.byPayeeOrganisation.find((o) => o.organisation.kind === kind && o.organisation.id === id)?.differenceFen;
    // The provider: R-FREE-6/7/8 (the rural student's allowance counts for it) and the studio; the enterprise the rest,
    // R-CERT-3 paid to its employee included.
    expect([payee('PROVIDER', providerId), payee('ENTERPRISE', enterpriseId)]).toEqual([160_000 + 26_000 + 20_000 + 2_000_000, -25_000 - 100_000 - 15_000 + 1_000_000 + 10_000 + 55_000 + 20_000]);
  });
});
