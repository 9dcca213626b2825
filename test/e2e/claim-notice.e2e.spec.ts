import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toClaimNoticeStreamId, toClaimStreamId } from '@skills/domain';
import * as claimed from '../support/claimed-cohorts';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { residentId } from '../support/resident-ids';
import { startTestApp, type TestApp } from '../support/test-app';

/** The trainees' name: the board shows it masked (周**), and it must be in no event, log or error. */
const NAMED = '周晓燕';
const BORN = '1992-08-08';

// R-CLAIM-3 public notice (公示) through HTTP on real PostgreSQL: an approved claim's payee list on the notice board for
// the policy's 7 days, objections from any account sending it back to review, and the worker releasing it for payment
// the day after the period ends.
describe('the public notice over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let approver: string;
  let officer: string;
  let finance: string;
  let provider: string;
  let otherProvider: string;
  let registrar: LabourerRegistrar;
  let sequence = 200;
  const today = shanghaiDateOf(new Date().toISOString());
  /** Published today, which does not count: 7 full days from tomorrow, the last is today + 7. */
  const lastDay = addDays(today, 7);

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer, approver, officer, finance] = await Promise.all(['admin', 'reviewer', 'approver', 'officer', 'finance'].map((u) => app.login(u)));
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'notice-a', nancun)).token;
    otherProvider = (await providerWithAccount(app, admin, 'notice-b', nancun)).token;
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: BORN, name: NAMED, firstSequence: 900 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const post = (route: string, token: string, body: unknown, key: string = randomUUID()) => app.request('POST', route, { token, body, headers: { 'idempotency-key': key } });
  const statusOf = async (claimId: string, token = reviewer) => (await app.request('GET', `/api/claims/${claimId}`, { token })).body.status as string;

  /**
   * A general cohort of three (7, 6 and 7 days: 1050 capped at 1000.00, 900.00 and 1000.00 yuan; 2900.00 in all) whose
   * R-FREE-3 claim a reviewer checked and an approver approved today. Returns the claim and the people's ID numbers.
   */
  async function approvedClaim(): Promise<{ claimId: string; idNumbers: string[]; people: string[] }> {
    const idNumbers = [0, 1, 2].map(() => residentId(BORN, sequence++));
    const people: string[] = [];
    for (const idNumber of idNumbers) people.push(await registrar.one({ idNumber, name: NAMED }));
    const { cohortId } = await claimed.completedCohort(app, { provider, reviewer }, people, { programmeType: 'GENERAL', startDay: addDays(today, -40), attended: [7, 6, 7], certified: 2, employed: 1 });
    const { claimId, status } = await claimed.claimFor(app, provider, 'R-FREE-3', cohortId);
    expect(status).toBe('READY_FOR_REVIEW');
    await claimed.expectStatus(post(`/api/claims/${claimId}/check`, reviewer, {}), 200);
    const approved = await post(`/api/claims/${claimId}/approve`, approver, {});
    expect(approved.status).toBe(200);
    // The policy's default notice: 7 full days from the day after the approval.
    expect(approved.body).toMatchObject({ status: 'IN_NOTICE', review: { approval: { noticeDays: 7, noticeEndsOn: lastDay } } });
    return { claimId, idNumbers, people };
  }

  /** The board as `token` reads it, once the read model has (or no longer has) the claim. */
  async function boardUntil(token: string, claimId: string, listed: boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const board = await app.request('GET', '/api/notices?pageSize=50', { token });
      expect(board.status).toBe(200);
      const item = board.body.items.find((i: { claimId: string }) => i.claimId === claimId);
      if (Boolean(item) === listed) return { board, item };
      if (Date.now() > deadline) throw new Error(`the board ${listed ? 'never listed' : 'still lists'} ${claimId}: ${board.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('R-CLAIM-3 an approved claim is on the notice board for any account for 7 days: payees, amounts in fen, names masked, no ID numbers', async () => {
    const { claimId, idNumbers, people } = await approvedClaim();
    const { board, item } = await boardUntil(finance, claimId, true);
    expect(item).toMatchObject({
      claimId,
      scheme: 'R-FREE-3',
      organisation: { kind: 'PROVIDER', name: '培训机构 notice-a' },
      notice: { round: 1, startsOn: today, endsOn: lastDay, noticeDays: 7, daysLeft: 7, objectionsOpen: true },
      totalFen: 290_000,
      payees: [{ kind: 'PROVIDER', name: '培训机构 notice-a', amountFen: 290_000, lines: 3 }],
    });
    expect(item.lines.map((l: { personName: string; amountFen: number }) => [l.personName, l.amountFen]).sort()).toEqual([
      ['周**', 100_000],
      ['周**', 100_000],
      ['周**', 90_000],
    ]);
    for (const secret of [NAMED, ...idNumbers, ...people]) expect(board.text).not.toContain(secret);

    const one = await app.request('GET', `/api/notices/${claimId}`, { token: otherProvider });
    expect(one.status).toBe(200);
    expect(one.body).toEqual(item);
    expect((await app.request('GET', '/api/notices')).status).toBe(401);
  });

  it('R-CLAIM-3 an objection during the period sends the claim back to review (another organisation reading the objections gets 403); approved again it gets a new period', async () => {
    const { claimId } = await approvedClaim();
    const { item } = await boardUntil(officer, claimId, true);
    const statement = `学员${NAMED}当天在外务工，没有参加培训`;
    const key = randomUUID();
    const lodged = await post(`/api/notices/${claimId}/objections`, officer, { reason: 'TRAINING_NOT_HELD', statement, lineIds: [item.lines[1].lineId] }, key);
    expect(lodged.status).toBe(201);
    expect(lodged.body).toMatchObject({ claimId, noticeRound: 1, noticeEndsOn: lastDay, reason: 'TRAINING_NOT_HELD', lineIds: [item.lines[1].lineId], lodgedOn: today, claimStatus: 'READY_FOR_REVIEW', alreadyLodged: false });
    expect(lodged.body).not.toHaveProperty('statement');
    expect(await statusOf(claimId)).toBe('READY_FOR_REVIEW');
    await boardUntil(officer, claimId, false);

    const retried = await post(`/api/notices/${claimId}/objections`, officer, { reason: 'TRAINING_NOT_HELD', statement, lineIds: [item.lines[1].lineId] }, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ objectionId: lodged.body.objectionId, alreadyLodged: true });
    const second = await post(`/api/notices/${claimId}/objections`, finance, { reason: 'AMOUNT_WRONG', statement: '金额与考勤天数不符，请核实' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('NOTICE.ALREADY_SENT_BACK');

    // The bureau reads who objected and why; the payee the reason and day only.
    const byReviewer = await app.request('GET', `/api/notices/${claimId}/objections`, { token: reviewer });
    expect(byReviewer.body.items).toEqual([expect.objectContaining({ objectionId: lodged.body.objectionId, reason: 'TRAINING_NOT_HELD', statement, lodgedBy: expect.any(String) })]);
    const byProvider = await app.request('GET', `/api/notices/${claimId}/objections`, { token: provider });
    expect(byProvider.body.items[0]).toMatchObject({ reason: 'TRAINING_NOT_HELD', lodgedOn: today });
    expect(byProvider.body.items[0]).not.toHaveProperty('statement');
    expect(byProvider.body.items[0]).not.toHaveProperty('lodgedBy');
    // Issue 5: another organisation's claim is 403, an unknown one 404.
    expect((await app.request('GET', `/api/notices/${claimId}/objections`, { token: otherProvider })).body.error.code).toBe('CLAIM.NOT_YOURS');
    expect((await app.request('GET', `/api/notices/${randomUUID()}/objections`, { token: otherProvider })).status).toBe(404);
    const streams = [...(await app.system.store.readStream(toClaimNoticeStreamId(claimId))), ...(await app.system.store.readStream(toClaimStreamId(claimId)))];
    expect(JSON.stringify(streams.map((e) => [e.data, e.metadata]))).not.toContain(NAMED);
    expect(app.logs.join('\n')).not.toContain(NAMED);
    // R-CLAIM-3: who objected stays on the notice stream, for the bureau: the claim's stream, whose history the provider
    // reads, records the notice as sending it back, and the provider's history names no objector.
    const objector = byReviewer.body.items[0].lodgedBy as string;
    const claimStream = await app.system.store.readStream(toClaimStreamId(claimId));
    expect(claimStream.at(-1)).toMatchObject({ type: 'ClaimObjectionReturned', data: { returnedBy: 'system:notice' }, metadata: { actor: 'system:notice' } });
    expect(JSON.stringify(claimStream.map((e) => [e.data, e.metadata]))).not.toContain(objector);
    const providersHistory = await app.request('GET', `/api/claims/${claimId}/history`, { token: provider });
    expect(providersHistory.status).toBe(200);
    expect(providersHistory.body.items.map((i: { type: string }) => i.type)).toContain('ClaimObjectionReturned');
    expect(providersHistory.text).not.toContain(objector);

    // Checked and approved again the same day: a new period of the next review round, on the board again.
    await claimed.expectStatus(post(`/api/claims/${claimId}/check`, reviewer, {}), 200);
    await claimed.expectStatus(post(`/api/claims/${claimId}/approve`, approver, {}), 200);
    const { item: again } = await boardUntil(officer, claimId, true);
    expect(again.notice).toMatchObject({ round: 2, startsOn: today, endsOn: lastDay, noticeDays: 7 });
  });

  it('R-CLAIM-3 an objection after the period is refused, naming its last day; the worker releases the claim the day after, not before', async () => {
    const { claimId } = await approvedClaim();
    await boardUntil(finance, claimId, true);
    // On the last day the worker leaves it on notice. (Tokens last 8 hours: each day logs in again.)
    await onDay(lastDay, async () => {
      await app.system.notices!.runOnce();
      expect(await statusOf(claimId, await app.login('reviewer'))).toBe('IN_NOTICE');
    });
    await onDay(addDays(lastDay, 1), async () => {
      const late = await post(`/api/notices/${claimId}/objections`, await app.login('officer'), { reason: 'OTHER', statement: '公示期已过才看到，名单有误' });
      expect(late.status).toBe(422);
      expect(late.body.error).toMatchObject({ code: 'NOTICE.PERIOD_ENDED', details: { noticeEndsOn: lastDay } });
      expect(late.body.error.message).toContain(`ended on ${lastDay}`);
      // A round now (or the background one, every second) releases it.
      const token = await app.login('reviewer');
      const deadline = Date.now() + 5_000;
      while ((await app.system.notices!.runOnce()) && (await statusOf(claimId, token)) !== 'RELEASED_FOR_PAYMENT' && Date.now() < deadline);
      expect(await statusOf(claimId, token)).toBe('RELEASED_FOR_PAYMENT');
    });
    const claim = await app.request('GET', `/api/claims/${claimId}`, { token: reviewer });
    expect(claim.body.review).toMatchObject({ releasedOn: addDays(lastDay, 1) });
    await boardUntil(finance, claimId, false);
    const gone = await app.request('GET', `/api/notices/${claimId}`, { token: finance });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NOTICE.NOT_FOUND');
  });
});
