import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@skills/domain';
import { deterministicUuid } from '@skills/platform';
import * as claimed from '../support/claimed-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { addDays, providerWithAccount } from '../support/past-cohorts';
import { expectReply, postKeyed } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

/** A person named in every free text here: the texts go only to those their own endpoints give them to. */
const NAMED = '吴小丽';
const COMMENT = `请核对学员${NAMED}第3天的签到`;
const REPLY = '已上传考勤表扫描件';
const STATEMENT = `学员${NAMED}当天在外务工，没有参加培训`;
const REASON = `学员${NAMED}的考勤与异议不符,请核实后重新提交`;
const SHEET = Buffer.from('%PDF-1.7\n1 0 obj << /Title (考勤表) >> endobj\n%%EOF\n', 'utf8');

// R-CLAIM-3 "every step is an event with its actor, time and reason; a claim's history shows them all" (R-MON-1), over
// HTTP on real PostgreSQL: the claim's own steps, the comments and evidence of its file and the objection of its
// notice, merged in the order recorded, each text only for those who may read it.
describe('a claim\'s history over HTTP', () => {
  let app: TestApp;
  let tokens: Record<'reviewer' | 'approver' | 'evaluator' | 'officer' | 'finance' | 'provider' | 'otherProvider', string>;
  let claimId: string;
  const today = shanghaiDateOf(new Date().toISOString());
  const REVIEWER_ID = deterministicUuid('local-account', 'reviewer');
  const APPROVER_ID = deterministicUuid('local-account', 'approver');
  const FINANCE_ID = deterministicUuid('local-account', 'finance');

  beforeAll(async () => {
    app = await startTestApp();
    const [admin, reviewer, approver, evaluator, officer, finance] = await Promise.all(['admin', 'reviewer', 'approver', 'evaluator', 'officer', 'finance'].map((u) => app.login(u)));
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const provider = (await providerWithAccount(app, admin, 'history-a', nancun)).token;
    const otherProvider = (await providerWithAccount(app, admin, 'history-b', nancun)).token;
    tokens = { reviewer: reviewer!, approver: approver!, evaluator: evaluator!, officer: officer!, finance: finance!, provider, otherProvider };
    const people = await labourerRegistrar(app, admin!, { subdistrictId: nancun, born: '1994-04-04', name: NAMED, firstSequence: 300 }).many(2);
    const { cohortId } = await claimed.completedCohort(app, { provider, reviewer: reviewer! }, people, { programmeType: 'GENERAL', startDay: addDays(today, -40), attended: [7, 7], certified: 2, employed: 1 });
    claimId = (await claimed.claimFor(app, provider, 'R-FREE-3', cohortId)).claimId;

    // Commented on by the bureau, answered with a file and a comment by the provider, checked, approved, objected to
    // during the notice (back to review), then returned with a reason.
    await expectReply(postKeyed(app, `/api/claims/${claimId}/comments`, reviewer!, { text: COMMENT }), 201);
    await expectReply(app.request('POST', `/api/claims/${claimId}/evidence?kind=ATTENDANCE_SHEET`, { token: provider, raw: SHEET, contentType: 'application/pdf', headers: { 'idempotency-key': randomUUID() } }), 201);
    await expectReply(postKeyed(app, `/api/claims/${claimId}/comments`, provider, { text: REPLY }), 201);
    await expectReply(postKeyed(app, `/api/claims/${claimId}/check`, reviewer!), 200);
    await expectReply(postKeyed(app, `/api/claims/${claimId}/approve`, approver!), 200);
    await expectReply(postKeyed(app, `/api/notices/${claimId}/objections`, finance!, { reason: 'TRAINING_NOT_HELD', statement: STATEMENT, lineIds: [] }), 201);
    await expectReply(postKeyed(app, `/api/claims/${claimId}/return`, reviewer!, { reason: { code: 'RECORDS_INCORRECT', text: REASON } }), 200);
  });
  afterAll(() => app?.close());

  const history = async (token: string) => expectReply(app.request('GET', `/api/claims/${claimId}/history`, { token }), 200);
  const byType = (items: any[], type: string) => items.filter((i) => i.type === type);

  it('R-CLAIM-3 R-MON-1 the claim\'s steps, its comments and evidence, and the objection, in the order recorded, each with its stream, actor and time', async () => {
    const { items } = await history(tokens.reviewer);
    expect(items.map((i: any) => [i.stream, i.version, i.type])).toEqual([
      ['CLAIM', 1, 'ClaimSubmitted'],
      ['RECORDS', 1, 'ClaimCommentAdded'],
      ['RECORDS', 2, 'ClaimEvidenceAttached'],
      ['RECORDS', 3, 'ClaimCommentAdded'],
      ['CLAIM', 2, 'ClaimChecked'],
      ['CLAIM', 3, 'ClaimApproved'],
      ['NOTICE', 1, 'ClaimObjectionLodged'],
      ['CLAIM', 4, 'ClaimObjectionReturned'],
      ['CLAIM', 5, 'ClaimReturned'],
    ]);
    const providerAccount = items[0].actor;
    // The objector (FINANCE_ID) is on the notice stream only, for the bureau; the claim stream records the return
    // as the notice's (system:notice), so the claim's own history never names who objected.
    expect(items.map((i: any) => i.actor)).toEqual([providerAccount, REVIEWER_ID, providerAccount, providerAccount, REVIEWER_ID, APPROVER_ID, FINANCE_ID, 'system:notice', REVIEWER_ID]);
    expect(items.every((i: any) => shanghaiDateOf(i.occurredAt) === today && !Number.isNaN(Date.parse(i.recordedAt)))).toBe(true);
    // The reviewer reads every text: the comments, the objection's statement, the return's reason.
    expect(byType(items, 'ClaimCommentAdded').map((i: any) => [i.details.side, i.details.text, i.details.textLength])).toEqual([
      ['BUREAU', COMMENT, [...COMMENT].length],
      ['ORGANISATION', REPLY, [...REPLY].length],
    ]);
    expect(byType(items, 'ClaimEvidenceAttached')[0]).toMatchObject({ reason: null, details: { kind: 'ATTENDANCE_SHEET', mediaType: 'application/pdf', sizeBytes: SHEET.length, side: 'ORGANISATION' } });
    expect(byType(items, 'ClaimObjectionLodged')[0]).toMatchObject({ reason: { code: 'TRAINING_NOT_HELD', textLength: [...STATEMENT].length, text: STATEMENT }, details: { noticeRound: 1, lodgedOn: today, lineIds: [] } });
    expect(byType(items, 'ClaimReturned')[0].reason).toEqual({ code: 'RECORDS_INCORRECT', textLength: [...REASON].length, text: REASON });
  });

  it('R-CLAIM-3 the claim\'s organisation reads the comments and the reason, never who objected nor the statement', async () => {
    const reply = await app.request('GET', `/api/claims/${claimId}/history`, { token: tokens.provider });
    const items = reply.body.items as any[];
    expect(byType(items, 'ClaimCommentAdded').map((i) => i.details.text)).toEqual([COMMENT, REPLY]);
    expect(byType(items, 'ClaimReturned')[0].reason.text).toBe(REASON);
    const [lodged] = byType(items, 'ClaimObjectionLodged');
    expect(lodged).toMatchObject({ actor: 'WITHHELD', reason: { code: 'TRAINING_NOT_HELD', textLength: [...STATEMENT].length } });
    expect(lodged.reason).not.toHaveProperty('text');
    expect(byType(items, 'ClaimObjectionReturned')[0]).toMatchObject({ actor: 'WITHHELD', details: { round: 2 } });
    expect(byType(items, 'ClaimObjectionReturned')[0].details).not.toHaveProperty('returnedBy');
    expect(reply.text).not.toContain(FINANCE_ID);
    expect(reply.text).not.toContain(STATEMENT);
  });

  it('R-CLAIM-3 an evaluator (bureau, no personal data) sees who objected but no comment or statement; a subdistrict officer sees codes, lengths and times only', async () => {
    const byEvaluator = (await history(tokens.evaluator)).items as any[];
    expect(byType(byEvaluator, 'ClaimCommentAdded').every((i) => !('text' in i.details))).toBe(true);
    expect(byType(byEvaluator, 'ClaimObjectionLodged')[0]).toMatchObject({ actor: FINANCE_ID, reason: { code: 'TRAINING_NOT_HELD' } });
    expect(byType(byEvaluator, 'ClaimObjectionLodged')[0].reason).not.toHaveProperty('text');

    const byOfficer = await app.request('GET', `/api/claims/${claimId}/history`, { token: tokens.officer });
    expect(byOfficer.status).toBe(200);
    expect(byOfficer.body.items).toHaveLength(9);
    expect(byType(byOfficer.body.items, 'ClaimReturned')[0].reason).toEqual({ code: 'RECORDS_INCORRECT', textLength: [...REASON].length });
    expect(byType(byOfficer.body.items, 'ClaimObjectionLodged')[0].actor).toBe('WITHHELD');
    expect(byOfficer.text).not.toContain(NAMED);
    expect(byOfficer.text).not.toContain(REPLY);
    expect(byOfficer.text).not.toContain(FINANCE_ID);
  });

  it('R-CLAIM-3 another organisation gets 403 for the history, an unknown claim 404 (issue 5)', async () => {
    const foreign = await app.request('GET', `/api/claims/${claimId}/history`, { token: tokens.otherProvider });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'CLAIM.NOT_YOURS']);
    expect(foreign.text).not.toContain(NAMED);
    expect((await app.request('GET', `/api/claims/${randomUUID()}/history`, { token: tokens.otherProvider })).status).toBe(404);
  });
});
