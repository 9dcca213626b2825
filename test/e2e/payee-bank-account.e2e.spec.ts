import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { payoutInstructionId } from '@skills/messaging';
import { fingerprintBankAccount } from '@skills/personal-data';
import { recordPayoutAnswer } from '@skills/platform';
import { JCCQ_2020_12 } from '@skills/policy';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { providerWithAccount } from '../support/past-cohorts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** A 19-digit card number as people type it (groups of four), and the digits the vault keeps. */
const TYPED = '6222 0212 3456 7890 123';
const ACCOUNT = '6222021234567890123';
const OTHER_ACCOUNT = '6217000012345678';
const BANK = '中国工商银行晋城城区支行';
const HOLDER = '赵工人';

// R-PAY-1 "a person id with the bank details kept in the personal-data vault", over HTTP and PostgreSQL, no broker:
// an R-CERT-3 claim pays the employee, the registering side records the account, finance reads it per payout.
describe("a person payee's bank account: recorded in the vault, read by finance (R-PAY-1)", () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let approver: string;
  let finance: string;
  let provider: string;
  let employer: { id: string; token: string };
  let people: LabourerRegistrar;
  let kit: CertificationClaimKit;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin');
    [reviewer, approver, finance] = await Promise.all([app.login('reviewer'), app.login('approver'), app.login('finance')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'bank-account-provider', nancun)).token;
    employer = await enterpriseWithAccount(app, admin, 'bank-account-employer', { subdistrictId: nancun, headcount: 120, insured: true });
    people = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1985-03-03', name: HOLDER, firstSequence: 700 });
    const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
    kit = { app, admin, evaluationBodyId, registrar: people };
    // No notice period: the approval releases the claim for payment at once.
    const version2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: today, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0, serviceLevelWorkingDays: 5, holidays: [] } } };
    await expectReply(postKeyed(app, '/api/policies', admin, version2), 201);
  });
  afterAll(async () => {
    await app?.close();
  });

  const record = (labourerId: string, body: unknown, token = admin, key?: string) =>
    app.request('PUT', `/api/labourers/${labourerId}/bank-account`, { token, body, headers: { 'idempotency-key': key ?? randomUUID() } });
  const read = (payoutId: string, token = finance) => app.request('GET', `/api/payouts/${payoutId}/bank-account`, { token });
  const payoutsOf = async (claimId: string) => (await expectReply(app.request('GET', `/api/claims/${claimId}/payouts`, { token: reviewer }), 200)).payouts;

  /** R-CERT-3: a JUNIOR certificate after 12 months of insurance pays the employee 1000.00 yuan = 100,000 fen. */
  async function releasedPersonPayout(): Promise<{ labourerId: string; claimId: string; payoutId: string }> {
    const labourerId = await people.one();
    const cert = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '数控车工', number: `BANK-E2E-${randomUUID().slice(0, 8)}`, issuer: '市职业技能鉴定中心', issuedOn: '2021-02-01' };
    const certificateId = (await expectReply(postKeyed(app, '/api/certificates', admin, cert), 201)).certificateId as string;
    await expectReply(postKeyed(app, '/api/upgrade-trainings', employer.token, { labourerId, certificateId, insuranceMonths: 12, insuranceEvidenceRef: 'doc:si-12' }), 201);
    const claim = await expectReply(postKeyed(app, '/api/claims', employer.token, { scheme: 'R-CERT-3', subject: { kind: 'PERSON', id: labourerId } }), 201);
    expect(claim).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 100_000 });
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200);
    const [payout, ...more] = await payoutsOf(claim.claimId);
    expect(more).toHaveLength(0);
    expect(payout).toMatchObject({ amountFen: 100_000, payee: { kind: 'LABOURER', id: labourerId } });
    return { labourerId, claimId: claim.claimId as string, payoutId: payout.idempotencyKey as string };
  }

  it('R-PAY-1 recorded by the registering side (retry-safe), read by FINANCE for the payout; the account is in no event, outbox row, log or other reply', async () => {
    const { labourerId, claimId, payoutId } = await releasedPersonPayout();
    // Nothing recorded yet: finance is told what to do, not given an empty account.
    expect(await expectReply(read(payoutId), 409)).toMatchObject({ error: { code: 'PAYOUT.PAYEE_BANK_ACCOUNT_MISSING' } });

    const key = randomUUID();
    const body = { accountNumber: TYPED, bankName: BANK, accountName: HOLDER };
    const fingerprint = fingerprintBankAccount(ACCOUNT, app.system.secrets.fingerprintKey);
    expect(await expectReply(record(labourerId, body, admin, key), 200)).toEqual({ labourerId, accountFingerprint: fingerprint, recordedOn: today, alreadyRecorded: false });
    expect(await expectReply(record(labourerId, body, admin, key), 200)).toMatchObject({ alreadyRecorded: true });
    expect(await expectReply(record(labourerId, { ...body, bankName: '中国银行' }, admin, key), 422)).toMatchObject({ error: { code: 'IDEMPOTENCY.KEY_REUSED' } });

    // Only FINANCE reads it: not the reviewer, the approver who released it, or a provider.
    for (const token of [reviewer, approver, provider, employer.token]) expect((await read(payoutId, token)).status).toBe(403);
    const answer = await read(payoutId);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ payoutId, claimId, payee: { kind: 'LABOURER', id: labourerId }, amountFen: 100_000, bankAccount: { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER } });

    // A new account replaces the old one; both recordings are traceable by fingerprint only.
    await expectReply(record(labourerId, { ...body, accountNumber: OTHER_ACCOUNT }), 200);
    expect((await expectReply(read(payoutId), 200)).bankAccount.accountNumber).toBe(OTHER_ACCOUNT);
    const { rows: events } = await app.system.db.query<{ type: string; data: any }>(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`labourer-bank-account-${labourerId}`]);
    expect(events.map((e) => [e.type, e.data.accountFingerprint, e.data.recordedOn])).toEqual([
      ['LabourerBankAccountRecorded', fingerprint, today],
      ['LabourerBankAccountRecorded', fingerprintBankAccount(OTHER_ACCOUNT, app.system.secrets.fingerprintKey), today],
    ]);

    const allEvents = (await app.system.db.query<{ t: string }>(`SELECT string_agg(data::text || metadata::text, ' ') AS t FROM events`)).rows[0]!.t;
    const outbox = (await app.system.db.query<{ t: string }>(`SELECT coalesce(string_agg(payload::text, ' '), '') AS t FROM outbox WHERE payload->>'idempotencyKey' = $1`, [payoutId])).rows[0]!.t;
    expect(outbox).toContain(labourerId);
    const logs = app.logs.join('\n');
    expect(logs).toContain('payee bank account read');
    for (const secret of [ACCOUNT, OTHER_ACCOUNT, '6222 0212', BANK, HOLDER]) {
      expect(allEvents).not.toContain(secret);
      expect(outbox).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    // The only replies that carried the account are finance's two reads.
    expect(app.responses.filter((r) => r.includes(ACCOUNT) || r.includes(OTHER_ACCOUNT))).toHaveLength(2);

    // Paid: the account is needed no more, and finance reads it no more.
    await recordPayoutAnswer(app.system, { type: 'PayoutAnswer.v1', answerId: randomUUID(), instructionId: payoutInstructionId(payoutId, 1), idempotencyKey: payoutId, answeredAt: new Date().toISOString(), outcome: 'PAID', amountFen: 100_000, bankReference: 'ICBC-TEST-0001', paidOn: today });
    const closed = await read(payoutId);
    expect([closed.status, closed.body.error.code]).toEqual([409, 'PAYOUT.CLOSED']);
    expect(closed.text).not.toContain(OTHER_ACCOUNT);
  });

  it('R-PAY-1 bad details are 400 naming each field without echoing it; a card the caller did not register is 404', async () => {
    const labourerId = await people.one();
    const bad = await record(labourerId, { accountNumber: '62220212ABC4567', bankName: ' ', accountName: '张'.repeat(101) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['accountName', 'bankName', 'accountNumber'].sort());
    expect(bad.text).not.toContain('62220212ABC4567');
    const short = await record(labourerId, { accountNumber: '12345678901', bankName: BANK, accountName: HOLDER });
    expect(short.body.error.issues).toEqual([{ field: 'accountNumber', message: expect.stringContaining('12 to 30 digits') }]);
    expect(short.text).not.toContain('12345678901');
    expect((await record(labourerId, { bankName: BANK, accountName: HOLDER })).body.error.issues).toEqual([{ field: 'accountNumber', message: expect.any(String) }]);
    expect((await record(labourerId, { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER, idNumber: 'x' })).status).toBe(400);

    // The provider registered no card: it sees none (404), and finance and reviewers may not record at all (403).
    expect((await record(labourerId, { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER }, provider)).status).toBe(404);
    expect((await record(labourerId, { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER }, finance)).status).toBe(403);
    expect((await record(labourerId, { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER }, reviewer)).status).toBe(403);
    expect((await record(randomUUID(), { accountNumber: ACCOUNT, bankName: BANK, accountName: HOLDER })).status).toBe(404);
    const { rows } = await app.system.db.query(`SELECT 1 FROM events WHERE stream_id = $1`, [`labourer-bank-account-${labourerId}`]);
    expect(rows).toHaveLength(0);
  });

  it('R-PAY-1 a payout to an organisation, an unknown payout and a malformed id are 404; both routes are in the OpenAPI document', async () => {
    const organiser = await enterpriseWithAccount(app, admin, 'bank-account-organiser', { subdistrictId: app.directory.subdistrictList()[0]!.subdistrictId, headcount: 120, insured: true });
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR']);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200);
    const [payout] = await payoutsOf(claim.claimId);
    expect(payout.payee.kind).toBe('ENTERPRISE');
    expect(await expectReply(read(payout.idempotencyKey), 404)).toMatchObject({ error: { code: 'PAYOUT.PERSON_PAYEE_NOT_FOUND' } });
    expect((await read('0'.repeat(64))).status).toBe(404);
    expect((await read('not-a-key')).status).toBe(404);
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/labourers/{labourerId}/bank-account'].put).toBeDefined();
    expect(paths['/api/payouts/{payoutId}/bank-account'].get).toBeDefined();
  });
});
