import { randomUUID } from 'node:crypto';
import { expectStatus, keyedRequests } from '../support/keyed-requests';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { providerWithAccount } from '../support/past-cohorts';
import { residentId } from '../support/resident-ids';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

// R-CERT-2, R-CERT-3 and R-CLAIM-1/2 through HTTP on real PostgreSQL: free evaluations and upgrade training recorded
// by the organiser or the employer, certificates by the bureau, then claims whose every fen is hand-checked here.
describe('certification scheme claims over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let nancun: string;
  let people: LabourerRegistrar;
  let numbers = 0;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer] = await Promise.all([app.login('admin'), app.login('reviewer')]);
    nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    people = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1986-04-17', name: '孙技工', firstSequence: 600 });
  });
  afterAll(() => app?.close());

  const { post, claim } = keyedRequests(() => app);

  /** An enterprise the bureau registers, and the token of an ENTERPRISE account scoped to it. */
  const enterprise = (username: string) => enterpriseWithAccount(app, admin, username, { subdistrictId: nancun, headcount: 120, insured: true });

  /** A certificate the bureau records (R-CERT-1); each gets a number of its own. */
  async function certificate(labourerId: string, facts: { type: string; level?: string; occupation: string; issuedOn: string; issuer?: string }): Promise<string> {
    const body = { labourerId, number: `CERT-E2E-${++numbers}`, issuer: facts.issuer ?? '市职业技能鉴定中心', ...facts };
    return expectStatus(await post('/api/certificates', admin, body), 201).body.certificateId as string;
  }

  const evaluate = async (token: string, facts: Record<string, unknown>, key?: string) => expectStatus(await post('/api/free-evaluations', token, facts, key), 201).body.evaluationId as string;
  const nameCertificates = (token: string, evaluationId: string, certificates: { certificateId: string; firstIssue?: boolean }[], key?: string) =>
    post(`/api/free-evaluations/${evaluationId}/certificates`, token, { certificates }, key);
  const lineOf = (claimBody: any, labourerId: string) => claimBody.lines.find((l: any) => l.labourerId === labourerId);

  describe('R-CERT-2 certification subsidy', () => {
    it('R-CERT-2 R-CLAIM-1 R-CLAIM-2 a free skill-level evaluation pays its organiser JUNIOR 300 and SENIOR 600, INTERMEDIATE is a NO_RULE line; a second claim is refused, a retry answers the same claim', async () => {
      const organiser = await enterprise('cert-organiser');
      const other = await providerWithAccount(app, admin, 'cert-other-provider', nancun);
      const body = expectStatus(await post('/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201).body.evaluationBodyId as string;
      const [junior, senior, intermediate] = await people.many(3);
      const skill = (labourerId: string, level: string, occupation = '电工') => certificate(labourerId, { type: 'SKILL_LEVEL', level, occupation, issuedOn: '2021-06-10' });
      const certificates = { junior: await skill(junior, 'JUNIOR'), senior: await skill(senior, 'SENIOR'), intermediate: await skill(intermediate, 'INTERMEDIATE') };

      const facts = { occupation: '电工', certificateType: 'SKILL_LEVEL', evaluatedOn: '2021-05-20', evaluationBodyId: body, freeOfCharge: true };
      expect((await post('/api/free-evaluations', reviewer, facts)).status).toBe(403);
      expect((await post('/api/free-evaluations', organiser.token, { ...facts, evaluationBodyId: randomUUID() })).status).toBe(404);
      expect((await post('/api/free-evaluations', organiser.token, { ...facts, evaluatedOn: '2020-11-30' })).body.error).toMatchObject({ code: 'POLICY.NONE_IN_FORCE', issues: [{ field: 'evaluatedOn' }] });
      const key = randomUUID();
      const evaluationId = await evaluate(organiser.token, facts, key);
      const retried = expectStatus(await post('/api/free-evaluations', organiser.token, facts, key), 200).body;
      expect(retried).toMatchObject({ evaluationId, organiser: { kind: 'ENTERPRISE', id: organiser.id }, recorded: false });

      // A certificate of another occupation cannot have come from this evaluation; nothing of the request is saved.
      const welder = await skill(await people.one(), 'JUNIOR', '焊工');
      const wrong = await nameCertificates(organiser.token, evaluationId, [{ certificateId: certificates.junior }, { certificateId: welder }]);
      expect(wrong.status).toBe(422);
      expect(wrong.body.error).toMatchObject({ code: 'FREE_EVALUATION.CERTIFICATE_NOT_FROM_EVALUATION', issues: [{ field: 'certificates.1.certificateId' }] });
      expect((await nameCertificates(other.token, evaluationId, [{ certificateId: certificates.junior }])).status).toBe(404);
      const namingKey = randomUUID();
      const all = [{ certificateId: certificates.junior }, { certificateId: certificates.senior }, { certificateId: certificates.intermediate }];
      expect(expectStatus(await nameCertificates(organiser.token, evaluationId, all, namingKey), 201).body).toMatchObject({ added: 3, certificatesNamed: 3 });
      expect(expectStatus(await nameCertificates(organiser.token, evaluationId, all, namingKey), 200).body).toMatchObject({ added: 0, certificatesNamed: 3 });

      // A certificate is one evaluation's: the other provider's own evaluation cannot name it.
      const elsewhere = await evaluate(other.token, facts);
      const taken = await nameCertificates(other.token, elsewhere, [{ certificateId: certificates.senior }]);
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('FREE_EVALUATION.CERTIFICATE_IN_ANOTHER_EVALUATION');

      // 300 + 600 = 900 yuan = 90,000 fen to the organiser; INTERMEDIATE has no amount in the notice (R-CLAIM-4 reviewers).
      const subject = { kind: 'EVALUATION', id: evaluationId };
      const claimKey = randomUUID();
      const submitted = expectStatus(await claim(organiser.token, 'R-CERT-2', subject, undefined, claimKey), 201).body;
      expect(submitted).toMatchObject({ scheme: 'R-CERT-2', subject, period: { from: '2021-05-20', to: '2021-05-20' }, status: 'READY_FOR_REVIEW', gates: [], totalFen: 90_000 });
      expect(submitted.lines.map((l: any) => [l.labourerId, l.outcome, l.amountFen ?? null])).toEqual([
        [junior, 'AMOUNT', 30_000],
        [senior, 'AMOUNT', 60_000],
        [intermediate, 'NO_RULE', null],
      ]);
      expect(lineOf(submitted, junior)).toMatchObject({ ruleId: 'R-CERT-2', payee: { kind: 'ENTERPRISE', id: organiser.id }, policyVersion: 'JCCQ-2020-12.v1' });
      expect(lineOf(submitted, senior).explanation.inputs).toMatchObject({ certificateId: certificates.senior, type: 'SKILL_LEVEL', level: 'SENIOR', evaluationFree: true, occupation: '电工', issuedOn: '2021-06-10' });
      expect(lineOf(submitted, intermediate).reason.code).toBe('NO_AMOUNT_IN_NOTICE');
      expect(expectStatus(await claim(organiser.token, 'R-CERT-2', subject, undefined, claimKey), 200).body).toMatchObject({ claimId: submitted.claimId, alreadySubmitted: true });

      // R-CLAIM-2: asked for by its day, the evaluation's certificates are claimed already (the NO_RULE one too); by default none is left.
      const again = await claim(organiser.token, 'R-CERT-2', subject, { from: '2021-05-01', to: '2021-05-31' });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED', details: { ruleId: 'R-CLAIM-2' } });
      expect(again.body.error.details.alreadyClaimed.map((c: any) => c.labourerId).sort()).toEqual([junior, senior, intermediate].sort());
      expect((await claim(organiser.token, 'R-CERT-2', subject)).body.error.code).toBe('CLAIM.NOTHING_LEFT_TO_CLAIM');
      // Another organisation is told nothing about the evaluation.
      const stranger = await claim(other.token, 'R-CERT-2', subject);
      expect(stranger.status).toBe(404);
      expect(stranger.body.error.code).toBe('CLAIM.SUBJECT_NOT_FOUND');
    });

    it('R-CERT-2 R-CLAIM-2 a free special-ability evaluation pays the institution that organised it 150 a person; a certificate named later is claimed later, and one named by two organisers at once is one evaluation\'s', async () => {
      const institution = await providerWithAccount(app, admin, 'cert-institution', nancun);
      const [first, later] = await people.many(2);
      const ability = (labourerId: string) => certificate(labourerId, { type: 'SPECIAL_ABILITY', occupation: '家政服务', issuedOn: '2021-04-02' });
      const evaluationId = await evaluate(institution.token, { occupation: '家政服务', certificateType: 'SPECIAL_ABILITY', evaluatedOn: '2021-03-28', freeOfCharge: true });
      expectStatus(await nameCertificates(institution.token, evaluationId, [{ certificateId: await ability(first) }]), 201);
      const subject = { kind: 'EVALUATION', id: evaluationId };
      const one = expectStatus(await claim(institution.token, 'R-CERT-2', subject), 201).body;
      expect(one).toMatchObject({ totalFen: 15_000, lines: [{ labourerId: first, outcome: 'AMOUNT', amountFen: 15_000, payee: { kind: 'PROVIDER', id: institution.providerId } }] });

      // R-CLAIM-2: the same certificate named at the same moment for this evaluation and another organiser's: one wins.
      const rival = await providerWithAccount(app, admin, 'cert-rival-institution', nancun);
      const rivalEvaluation = await evaluate(rival.token, { occupation: '家政服务', certificateType: 'SPECIAL_ABILITY', evaluatedOn: '2021-03-28', freeOfCharge: true });
      const laterCertificate = await ability(later);
      const raced = await Promise.all([nameCertificates(institution.token, evaluationId, [{ certificateId: laterCertificate }]), nameCertificates(rival.token, rivalEvaluation, [{ certificateId: laterCertificate }])]);
      expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(raced.find((r) => r.status === 409)!.body.error.code).toBe('FREE_EVALUATION.CERTIFICATE_IN_ANOTHER_EVALUATION');
      const [winner, winnerEvaluation] = raced[0]!.status === 201 ? [institution, evaluationId] : [rival, rivalEvaluation];
      const two = expectStatus(await claim(winner.token, 'R-CERT-2', { kind: 'EVALUATION', id: winnerEvaluation }), 201).body;
      expect(two.lines.map((l: any) => [l.labourerId, l.amountFen, l.payee.id])).toEqual([[later, 15_000, winner.providerId]]);
    });

    it('R-CERT-2 a special operation certificate is paid 300 on first issue only: a second issue is refused when stated, and when the records hold an earlier one', async () => {
      const organiser = await enterprise('cert-special-organiser');
      const [fresh, renewed, repeat] = await people.many(3);
      const special = (labourerId: string, issuedOn: string, issuer?: string) => certificate(labourerId, { type: 'SPECIAL_OPERATION', occupation: '电工作业', issuedOn, ...(issuer ? { issuer } : {}) });
      const earlier = await special(repeat, '2021-01-05', '市应急管理局');
      const certificates = { fresh: await special(fresh, '2021-04-20'), renewed: await special(renewed, '2021-04-20'), repeat: await special(repeat, '2021-04-20') };
      const evaluationId = await evaluate(organiser.token, { occupation: '电工作业', certificateType: 'SPECIAL_OPERATION', evaluatedOn: '2021-04-01', freeOfCharge: true });

      const unstated = await nameCertificates(organiser.token, evaluationId, [{ certificateId: certificates.fresh }]);
      expect(unstated.status).toBe(400);
      expect(unstated.body.error).toMatchObject({ code: 'FREE_EVALUATION.INVALID_FIRST_ISSUE', issues: [{ field: 'certificates.0.firstIssue' }] });
      const named = [
        { certificateId: certificates.fresh, firstIssue: true },
        { certificateId: certificates.renewed, firstIssue: false },
        // Stated a first issue, but the records hold this person's 电工作业 certificate of 2021-01-05.
        { certificateId: certificates.repeat, firstIssue: true },
      ];
      expectStatus(await nameCertificates(organiser.token, evaluationId, named), 201);

      const submitted = expectStatus(await claim(organiser.token, 'R-CERT-2', { kind: 'EVALUATION', id: evaluationId }), 201).body;
      expect(submitted.totalFen).toBe(30_000);
      expect(submitted.lines.map((l: any) => [l.labourerId, l.outcome, l.amountFen ?? l.reason.code])).toEqual([
        [fresh, 'AMOUNT', 30_000],
        [renewed, 'REFUSED', 'NOT_FIRST_ISSUE'],
        [repeat, 'REFUSED', 'NOT_FIRST_ISSUE'],
      ]);
      expect(lineOf(submitted, repeat).explanation.inputs).toMatchObject({ firstIssue: false, firstIssueStated: true, earlierCertificateId: earlier });
      expect(lineOf(submitted, renewed).explanation.inputs.earlierCertificateId).toBeUndefined();
      expect(lineOf(submitted, repeat).reason.message).toBe('special operation and special equipment certificates are paid on first issue only');
    });

    it('R-CERT-2 an evaluation the labourers paid for pays nothing: every line refused, no claim', async () => {
      const organiser = await enterprise('cert-paid-organiser');
      const person = await people.one();
      const evaluationId = await evaluate(organiser.token, { occupation: '育婴员', certificateType: 'VOCATIONAL_QUALIFICATION', evaluatedOn: '2021-07-01', freeOfCharge: false });
      const certificateId = await certificate(person, { type: 'VOCATIONAL_QUALIFICATION', level: 'JUNIOR', occupation: '育婴员', issuedOn: '2021-07-15' });
      expectStatus(await nameCertificates(organiser.token, evaluationId, [{ certificateId }]), 201);
      const refused = await claim(organiser.token, 'R-CERT-2', { kind: 'EVALUATION', id: evaluationId });
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'CLAIM.NOTHING_TO_CLAIM', details: { refused: [{ labourerId: person, code: 'EVALUATION_NOT_FREE' }] } });
    });
  });

  describe('R-CERT-3 employee upgrade subsidy', () => {
    const upgrade = (token: string, labourerId: string, certificateId: string, insuranceMonths: number, key?: string) =>
      post('/api/upgrade-trainings', token, { labourerId, certificateId, insuranceMonths, insuranceEvidenceRef: `doc:si-${insuranceMonths}` }, key);
    const skill = (labourerId: string, level: string, issuedOn: string) => certificate(labourerId, { type: 'SKILL_LEVEL', level, occupation: '数控车工', issuedOn });

    it('R-CERT-3 11 months of insurance is a refused line, 12 pays: JUNIOR 1000, INTERMEDIATE 1500, SENIOR 2000, TECHNICIAN 4000, SENIOR_TECHNICIAN 6000, to the employee', async () => {
      const employer = await enterprise('cert-employer');
      const [short, steady] = await people.many(2);

      // 11 months on the junior certificate's day: refused with the figures; 18 on the intermediate's: 1500.
      const shortJunior = await skill(short, 'JUNIOR', '2021-01-10');
      expectStatus(await upgrade(employer.token, short, shortJunior, 11), 201);
      expectStatus(await upgrade(employer.token, short, await skill(short, 'INTERMEDIATE', '2021-08-10'), 18), 201);
      const mixed = expectStatus(await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: short }), 201).body;
      expect(mixed).toMatchObject({ scheme: 'R-CERT-3', period: { from: '2021-01-10', to: '2021-08-10' }, status: 'READY_FOR_REVIEW', totalFen: 150_000 });
      expect(mixed.lines.map((l: any) => [l.period.from, l.outcome, l.amountFen ?? l.reason.code])).toEqual([
        ['2021-01-10', 'REFUSED', 'INSURANCE_TOO_SHORT'],
        ['2021-08-10', 'AMOUNT', 150_000],
      ]);
      expect(mixed.lines[0].reason.message).toBe('11 months of unemployment insurance < 12 months required: not eligible');
      expect(mixed.lines[0].explanation.inputs).toMatchObject({ certificateId: shortJunior, insuranceMonths: 11, minInsuranceMonths: 12, insuranceMonthsOn: '2021-01-10', insuranceEvidenceRef: 'doc:si-11' });
      expect(mixed.lines[1]).toMatchObject({ ruleId: 'R-CERT-3', labourerId: short, payee: { kind: 'LABOURER', id: short }, explanation: { inputs: { level: 'INTERMEDIATE', enterpriseId: employer.id } } });

      // Exactly 12 months is enough; each level at its amount: 1000 + 2000 + 4000 + 6000 = 13,000 yuan.
      const levels: [string, string, number][] = [
        ['JUNIOR', '2021-02-01', 12],
        ['SENIOR', '2021-03-01', 13],
        ['TECHNICIAN', '2021-04-01', 14],
        ['SENIOR_TECHNICIAN', '2021-05-01', 15],
      ];
      for (const [level, issuedOn, months] of levels) expectStatus(await upgrade(employer.token, steady, await skill(steady, level, issuedOn), months), 201);
      const claimKey = randomUUID();
      const paid = expectStatus(await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: steady }, undefined, claimKey), 201).body;
      expect(paid.totalFen).toBe(1_300_000);
      expect(paid.lines.map((l: any) => [l.explanation.inputs.level, l.outcome, l.amountFen])).toEqual([
        ['JUNIOR', 'AMOUNT', 100_000],
        ['SENIOR', 'AMOUNT', 200_000],
        ['TECHNICIAN', 'AMOUNT', 400_000],
        ['SENIOR_TECHNICIAN', 'AMOUNT', 600_000],
      ]);
      expect(expectStatus(await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: steady }, undefined, claimKey), 200).body).toMatchObject({ claimId: paid.claimId, alreadySubmitted: true });

      // R-CLAIM-2: the same certificates again are refused, whether asked for by period or by default.
      const again = await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: steady }, { from: '2021-02-01', to: '2021-02-28' });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({ code: 'CLAIM.ALREADY_CLAIMED', details: { ruleId: 'R-CLAIM-2', alreadyClaimed: [{ labourerId: steady, claimId: paid.claimId }] } });
      expect((await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: steady })).body.error.code).toBe('CLAIM.NOTHING_LEFT_TO_CLAIM');
    });

    it('R-CERT-3 R-CLAIM-2 the facts are the employer\'s: a retry is the same record, another enterprise can neither record the certificate again nor claim the person', async () => {
      const employer = await enterprise('cert-employer-2');
      const rival = await enterprise('cert-rival');
      const provider = await providerWithAccount(app, admin, 'cert-upgrade-provider', nancun);
      const [worker, stranger] = await people.many(2);
      const certificateId = await skill(worker, 'SENIOR', '2021-06-15');

      expect((await upgrade(provider.token, worker, certificateId, 30)).status).toBe(403);
      const key = randomUUID();
      const first = expectStatus(await upgrade(employer.token, worker, certificateId, 30, key), 201).body;
      expect(first).toMatchObject({ labourerId: worker, enterpriseId: employer.id, certificateId, certificateType: 'SKILL_LEVEL', level: 'SENIOR', issuedOn: '2021-06-15', insuranceMonths: 30, recorded: true });
      expect(expectStatus(await upgrade(employer.token, worker, certificateId, 30, key), 200).body.recorded).toBe(false);
      expect((await upgrade(employer.token, worker, certificateId, 31, key)).body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect((await upgrade(employer.token, worker, certificateId, 31)).body.error.code).toBe('UPGRADE_TRAINING.RECORDED_DIFFERENTLY');
      const twice = await upgrade(rival.token, worker, certificateId, 30);
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('UPGRADE_TRAINING.CERTIFICATE_ALREADY_RECORDED');

      // Someone else's certificate is not found; one without a level cannot be paid by level.
      expect((await upgrade(employer.token, stranger, certificateId, 30)).body.error.code).toBe('UPGRADE_TRAINING.CERTIFICATE_NOT_FOUND');
      const ability = await certificate(worker, { type: 'SPECIAL_ABILITY', occupation: '中式面点', issuedOn: '2021-06-20' });
      expect((await upgrade(employer.token, worker, ability, 30)).body.error).toMatchObject({ code: 'UPGRADE_TRAINING.CERTIFICATE_HAS_NO_LEVEL', details: { ruleId: 'R-CERT-3' } });

      const rivalClaim = await claim(rival.token, 'R-CERT-3', { kind: 'PERSON', id: worker });
      expect(rivalClaim.status).toBe(404);
      expect(rivalClaim.body.error.code).toBe('CLAIM.SUBJECT_NOT_FOUND');
      const paid = expectStatus(await claim(employer.token, 'R-CERT-3', { kind: 'PERSON', id: worker }), 201).body;
      expect(paid).toMatchObject({ totalFen: 200_000, lines: [{ payee: { kind: 'LABOURER', id: worker }, period: { from: '2021-06-15', to: '2021-06-15' } }] });
      // The wrong subject kind is named as such.
      expect((await claim(employer.token, 'R-CERT-3', { kind: 'EVALUATION', id: worker })).body.error.issues).toEqual([{ field: 'subject.kind', message: 'must be PERSON for R-CERT-3' }]);
    });
  });

  it('documents the recording routes in the OpenAPI document, and R-CLAIM-1 takes an EVALUATION subject', async () => {
    const doc = await app.request('GET', '/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/free-evaluations', '/api/free-evaluations/{evaluationId}/certificates', '/api/upgrade-trainings']));
    expect(doc.body.paths['/api/claims'].post.requestBody.content['application/json'].schema.properties.subject.properties.kind.enum).toContain('EVALUATION');
  });

  it('R-CLAIM-1 no response or log line carries a name or an ID number', () => {
    const everything = [...app.responses, ...app.logs].join('\n');
    expect(everything).not.toContain('孙技工');
    expect(everything).not.toContain(residentId('1986-04-17', 600));
  });
});
