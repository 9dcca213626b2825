import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toClaimStreamId } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { deterministicUuid } from '@skills/platform';
import { labourerRegistrar } from '../support/labourers';
import { addDays, onDay } from '../support/past-cohorts';
import { accountWith, expectReply, postKeyed, readyCertificationClaim, skillCertificate, type CertificationClaimKit } from '../support/review-claims';
import { enterpriseWithAccount } from '../support/scheme-claims';
import { startTestApp, type TestApp } from '../support/test-app';

/** A reviewer's reason naming a person: the kind of text that must stay out of events, logs and errors. */
const NAMED = '孙小梅';
const REASON = `学员${NAMED}的证书复印件不清晰,请重新上传并核对`;
const JUSTIFICATION = '中级工证书按初级与高级之间核定补贴金额,有评价机构证明为据';

// R-CLAIM-3 and R-CLAIM-4 through HTTP on real PostgreSQL: the queue, the two levels by three different people, return
// and resubmission, rejection that frees the people, and every step in the claim's history.
describe('claim review over HTTP', () => {
  let app: TestApp;
  let kit: CertificationClaimKit;
  let admin: string;
  let reviewer: string;
  let approver: string;
  let evaluator: string;
  let organiser: { id: string; token: string };
  let secondReviewer: { userId: string; token: string };
  let secondApprover: { userId: string; token: string };
  const today = shanghaiDateOf(new Date().toISOString());
  const REVIEWER_ID = deterministicUuid('local-account', 'reviewer');
  const APPROVER_ID = deterministicUuid('local-account', 'approver');

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer, approver, evaluator] = await Promise.all([app.login('admin'), app.login('reviewer'), app.login('approver'), app.login('evaluator')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    organiser = await enterpriseWithAccount(app, admin, 'review-organiser', { subdistrictId: nancun, headcount: 120, insured: true });
    secondReviewer = await accountWith(app, 'review-second-reviewer', ['REVIEWER']);
    secondApprover = await accountWith(app, 'review-second-approver', ['APPROVER']);
    const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
    kit = { app, admin, evaluationBodyId, registrar: labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1988-02-02', name: '钱学员', firstSequence: 700 }) };
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const step = (claimId: string, action: string, token: string, body: unknown = {}, key?: string) => postKeyed(app, `/api/claims/${claimId}/${action}`, token, body, key);
  const read = async (claimId: string, token = reviewer) => expectReply(app.request('GET', `/api/claims/${claimId}`, { token }), 200);
  const history = async (claimId: string, token = reviewer) => (await expectReply(app.request('GET', `/api/claims/${claimId}/history`, { token }), 200)).items as any[];
  const queue = async (query: string, token = reviewer) => {
    await app.system.runner!.waitUntilCaughtUp();
    return expectReply(app.request('GET', `/api/review-queue?${query}`, { token }), 200);
  };

  it('R-CLAIM-3 a reviewer checks, a different approver approves: on notice 7 full days from the day after approval, every step in the history with its actor', async () => {
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    expect(claim.body.totalFen).toBe(90_000);

    // Roles: the organiser cannot check, an approver cannot check, a reviewer cannot approve; no approval before the check.
    expect((await step(claim.claimId, 'check', organiser.token)).status).toBe(403);
    expect((await step(claim.claimId, 'check', approver)).status).toBe(403);
    expect((await step(claim.claimId, 'approve', reviewer)).status).toBe(403);
    const early = await step(claim.claimId, 'approve', approver);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'REVIEW.WRONG_STATUS', details: { status: 'READY_FOR_REVIEW', needs: ['CHECKED'] } });

    const key = randomUUID();
    const checked = await expectReply(step(claim.claimId, 'check', reviewer, {}, key), 200);
    expect(checked).toMatchObject({ claimId: claim.claimId, status: 'CHECKED', alreadyDone: false, review: { round: 1, assignee: null, check: { by: REVIEWER_ID, on: today } } });
    expect(await expectReply(step(claim.claimId, 'check', reviewer, {}, key), 200)).toMatchObject({ status: 'CHECKED', alreadyDone: true });
    expect((await step(claim.claimId, 'check', secondReviewer.token)).body.error.code).toBe('REVIEW.WRONG_STATUS');

    const approved = await expectReply(step(claim.claimId, 'approve', approver), 200);
    // Published today, which does not count: 7 full days from tomorrow, the last is today + 7.
    expect(approved).toMatchObject({ status: 'IN_NOTICE', review: { approval: { by: APPROVER_ID, on: today, noticeDays: 7, noticeEndsOn: addDays(today, 7) } } });
    expect(await read(claim.claimId, organiser.token)).toMatchObject({ status: 'IN_NOTICE', totalFen: 90_000 });

    const steps = await history(claim.claimId);
    expect(steps.map((s) => [s.version, s.type, s.actor])).toEqual([
      [1, 'ClaimSubmitted', expect.stringMatching(/^[0-9a-f-]{36}$/)],
      [2, 'ClaimChecked', REVIEWER_ID],
      [3, 'ClaimApproved', APPROVER_ID],
    ]);
    expect(steps[0].details).toMatchObject({ status: 'READY_FOR_REVIEW', lineCount: 2, totalFen: 90_000 });
    expect(steps[2].details).toMatchObject({ noticeDays: 7, noticeEndsOn: addDays(today, 7), policyVersion: 'JCCQ-2020-12.v1' });
    expect(steps.every((s) => !Number.isNaN(Date.parse(s.recordedAt)) && shanghaiDateOf(s.occurredAt) === today)).toBe(true);
    await app.system.runner!.waitUntilCaughtUp();
    expect((await expectReply(app.request('GET', `/api/claims?status=IN_NOTICE&subjectId=${claim.evaluationId}`, { token: reviewer }), 200)).items).toEqual([expect.objectContaining({ claimId: claim.claimId, status: 'IN_NOTICE' })]);
  });

  it('R-CLAIM-3 three different people: the submitter may not check, and whoever checked may not approve, even holding both roles (422)', async () => {
    // An organiser's clerk who also holds the reviewer role submits; a bureau account holds both review roles.
    const clerk = await accountWith(app, 'review-clerk-reviewer', ['ENTERPRISE', 'REVIEWER'], { enterpriseId: organiser.id });
    const both = await accountWith(app, 'review-both-roles', ['REVIEWER', 'APPROVER']);
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR'], clerk.token);
    const own = await step(claim.claimId, 'check', clerk.token);
    expect(own.status).toBe(422);
    expect(own.body.error).toMatchObject({ code: 'REVIEW.SUBMITTER_MAY_NOT_REVIEW', details: { ruleId: 'R-CLAIM-3' } });
    await expectReply(step(claim.claimId, 'check', both.token), 200);
    const self = await step(claim.claimId, 'approve', both.token);
    expect(self.status).toBe(422);
    expect(self.body.error).toMatchObject({ code: 'REVIEW.CHECKER_MAY_NOT_APPROVE', details: { ruleId: 'R-CLAIM-3' } });
    // Returning or rejecting at the approval level is the second person's too.
    expect((await step(claim.claimId, 'reject', both.token, { reason: { code: 'OTHER', text: REASON } })).body.error.code).toBe('REVIEW.CHECKER_MAY_NOT_APPROVE');
    expect(await expectReply(step(claim.claimId, 'approve', approver), 200)).toMatchObject({ status: 'IN_NOTICE' });
    expect((await history(claim.claimId)).map((s) => s.actor).slice(1)).toEqual([both.userId, APPROVER_ID]);
  });

  it('R-CLAIM-4 a "no rule" line blocks the approval until an approved override gives it an amount: 300.00 + 450.00 yuan = 75000 fen approved', async () => {
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'INTERMEDIATE']);
    const noRule = claim.body.lines.find((l: any) => l.outcome === 'NO_RULE');
    await expectReply(step(claim.claimId, 'check', reviewer), 200);
    const blocked = await step(claim.claimId, 'approve', approver);
    expect(blocked.status).toBe(422);
    expect(blocked.body.error).toMatchObject({ code: 'REVIEW.NO_RULE_LINE_NOT_OVERRIDDEN', details: { ruleId: 'R-CLAIM-4', lineIds: [noRule.lineId] } });

    const proposed = await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/overrides`, reviewer, { target: { kind: 'LINE', lineId: noRule.lineId, amountFen: 45_000 }, justification: JUSTIFICATION }), 201);
    expect((await step(claim.claimId, 'approve', approver)).body.error.code).toBe('REVIEW.OVERRIDE_AWAITING_APPROVAL');
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/overrides/${proposed.overrideId}/approve`, secondApprover.token), 200);
    expect(await expectReply(step(claim.claimId, 'approve', approver), 200)).toMatchObject({ status: 'IN_NOTICE' });
    expect(await read(claim.claimId)).toMatchObject({ status: 'IN_NOTICE', totalFen: 75_000, overridden: true, overriddenLineIds: [noRule.lineId] });
    // Once approved, the claim's figures are what was decided: no more overrides.
    const late = await postKeyed(app, `/api/claims/${claim.claimId}/overrides`, reviewer, { target: { kind: 'LINE', lineId: noRule.lineId, amountFen: 10_000 }, justification: JUSTIFICATION });
    expect(late.status).toBe(409);
  });

  it('R-CLAIM-3 returned with a reason to its submitter, records fixed, resubmitted: the lines are computed again (same line ids, a new person\'s key reserved) and the check starts again', async () => {
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR']);
    const [first] = claim.body.lines;
    expect((await step(claim.claimId, 'return', reviewer, { reason: { code: 'RECORDS_INCOMPLETE', text: '补正' } })).body.error).toMatchObject({
      code: 'REVIEW.REASON_TEXT_REQUIRED',
      issues: [{ field: 'reason.text' }],
    });
    const key = randomUUID();
    const returned = await expectReply(step(claim.claimId, 'return', reviewer, { reason: { code: 'RECORDS_INCOMPLETE', text: REASON } }, key), 200);
    expect(returned).toMatchObject({ status: 'RETURNED', review: { returned: { by: REVIEWER_ID, level: 'CHECK', code: 'RECORDS_INCOMPLETE' } } });
    expect((await step(claim.claimId, 'return', reviewer, { reason: { code: 'OTHER', text: REASON } }, key)).body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect((await step(claim.claimId, 'check', reviewer)).body.error.code).toBe('REVIEW.WRONG_STATUS');

    // The organiser and the bureau read the reason; it is in no event and no log line.
    const [, returnStep] = await history(claim.claimId, organiser.token);
    expect(returnStep).toMatchObject({ type: 'ClaimReturned', actor: REVIEWER_ID, reason: { code: 'RECORDS_INCOMPLETE', textLength: [...REASON].length, text: REASON } });
    const events = JSON.stringify((await app.system.store.readStream(toClaimStreamId(claim.claimId))).map((r) => ({ type: r.type, data: r.data, metadata: r.metadata })));
    expect(events).toContain('ClaimReturned');
    expect(events).not.toContain(NAMED);
    expect(app.logs.join('\n')).not.toContain(NAMED);

    // The organiser names a second certificate (SENIOR, 600.00 yuan) from the evaluation, then resubmits.
    const [added] = await kit.registrar.many(1);
    const certificateId = await skillCertificate(kit, added!, 'SENIOR', claim.occupation);
    await expectReply(postKeyed(app, `/api/free-evaluations/${claim.evaluationId}/certificates`, organiser.token, { certificates: [{ certificateId }] }), 201);
    const other = await enterpriseWithAccount(app, admin, 'review-other-enterprise', { subdistrictId: app.directory.subdistrictList()[0]!.subdistrictId, headcount: 50, insured: true });
    expect((await step(claim.claimId, 'resubmit', other.token)).status).toBe(403);
    const resubmitKey = randomUUID();
    const resubmitted = await expectReply(step(claim.claimId, 'resubmit', organiser.token, {}, resubmitKey), 200);
    expect(resubmitted).toMatchObject({ status: 'READY_FOR_REVIEW', alreadyDone: false, review: { round: 2, assignee: null } });
    expect(resubmitted.review.check).toBeUndefined();
    expect(await expectReply(step(claim.claimId, 'resubmit', organiser.token, {}, resubmitKey), 200)).toMatchObject({ alreadyDone: true, review: { round: 2 } });
    const again = await read(claim.claimId);
    expect(again.totalFen).toBe(90_000);
    expect(again.lines.map((l: any) => [l.labourerId, l.amountFen])).toEqual([
      [claim.people[0], 30_000],
      [added, 60_000],
    ]);
    expect(again.lines[0]).toMatchObject({ lineId: first.lineId, paymentKey: first.paymentKey });
    const steps = await history(claim.claimId);
    expect(steps.at(-1)).toMatchObject({ type: 'ClaimResubmitted', details: { round: 2, totalFen: 90_000, lineCount: 2, paymentKeys: { kept: 1, reserved: 1, released: 0 } } });
    // R-CLAIM-2: the new person's key is this claim's now: another claim for the evaluation finds nothing left.
    expect((await postKeyed(app, '/api/claims', organiser.token, { scheme: 'R-CERT-2', subject: { kind: 'EVALUATION', id: claim.evaluationId } })).body.error.code).toBe('CLAIM.NOTHING_LEFT_TO_CLAIM');
    await expectReply(step(claim.claimId, 'check', reviewer), 200);
    expect(await expectReply(step(claim.claimId, 'approve', approver), 200)).toMatchObject({ status: 'IN_NOTICE', review: { round: 2 } });
  });

  it('R-CLAIM-3 R-CLAIM-2 a rejected claim is final and frees its people: a correct new claim for the same evaluation is accepted; its reason is read per role', async () => {
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    await expectReply(step(claim.claimId, 'check', reviewer), 200);
    // At the approval level only an approver rejects.
    expect((await step(claim.claimId, 'reject', secondReviewer.token, { reason: { code: 'NOT_ELIGIBLE', text: REASON } })).status).toBe(403);
    const rejected = await expectReply(step(claim.claimId, 'reject', approver, { reason: { code: 'IRREGULARITY', text: REASON } }), 200);
    expect(rejected).toMatchObject({ status: 'REJECTED', review: { rejected: { by: APPROVER_ID, level: 'APPROVAL', code: 'IRREGULARITY' } } });
    expect((await step(claim.claimId, 'approve', secondApprover.token)).body.error.code).toBe('REVIEW.WRONG_STATUS');
    expect((await step(claim.claimId, 'resubmit', organiser.token)).body.error.code).toBe('REVIEW.WRONG_STATUS');
    expect((await history(claim.claimId)).at(-1)).toMatchObject({ type: 'ClaimRejected', actor: APPROVER_ID, reason: { code: 'IRREGULARITY', text: REASON }, details: { paymentKeysReleased: 2 } });
    // The written reason may name a person: the roles that see personal data and the claim's organisation read it; an
    // evaluator (bureau, no personal data) reads the code and the length only.
    for (const [token, reads] of [[admin, true], [reviewer, true], [approver, true], [organiser.token, true], [evaluator, false]] as const) {
      const { reason } = (await history(claim.claimId, token)).at(-1);
      expect(reason).toEqual({ code: 'IRREGULARITY', textLength: [...REASON].length, ...(reads ? { text: REASON } : {}) });
    }

    const fresh = await expectReply(postKeyed(app, '/api/claims', organiser.token, { scheme: 'R-CERT-2', subject: { kind: 'EVALUATION', id: claim.evaluationId } }), 201);
    expect(fresh.claimId).not.toBe(claim.claimId);
    expect(fresh).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 90_000 });
    expect(fresh.lines.map((l: any) => l.paymentKey).sort()).toEqual(claim.body.lines.map((l: any) => l.paymentKey).sort());
  });

  it('R-CLAIM-3 the queue: take, release, reassign, bulk with a result per claim; due 10 working days after the queue day, overdue once past', async () => {
    // Recorded and submitted on Tuesday 2021-06-01: due Tuesday 2021-06-15 (06-02..04, 06-07..11, 06-14, 06-15), long overdue today.
    const old = await onDay('2021-06-01', () => readyCertificationClaim(kit, organiser.token, ['JUNIOR']));
    const [a, b] = [await readyCertificationClaim(kit, organiser.token, ['JUNIOR']), await readyCertificationClaim(kit, organiser.token, ['SENIOR'])];
    const unknown = randomUUID();

    const bulkKey = randomUUID();
    const bulk = await expectReply(postKeyed(app, '/api/review-queue/assign', reviewer, { claimIds: [a.claimId, b.claimId, unknown] }, bulkKey), 200);
    expect(bulk).toMatchObject({ done: 2, refused: 1 });
    expect(bulk.results).toEqual([
      expect.objectContaining({ claimId: a.claimId, ok: true, review: expect.objectContaining({ assignee: REVIEWER_ID }), alreadyDone: false }),
      expect.objectContaining({ claimId: b.claimId, ok: true, alreadyDone: false }),
      { claimId: unknown, ok: false, error: expect.objectContaining({ code: 'CLAIM.NOT_FOUND' }) },
    ]);
    expect((await expectReply(postKeyed(app, '/api/review-queue/assign', reviewer, { claimIds: [a.claimId, b.claimId, unknown] }, bulkKey), 200)).results.slice(0, 2).map((r: any) => r.alreadyDone)).toEqual([true, true]);
    expect((await postKeyed(app, '/api/review-queue/assign', reviewer, { claimIds: [] })).status).toBe(400);

    // Taken: another reviewer can neither take it nor check it; an administrator reassigns it.
    expect((await step(a.claimId, 'review/assign', secondReviewer.token)).body.error.code).toBe('REVIEW.ASSIGNED_TO_ANOTHER');
    expect((await step(a.claimId, 'check', secondReviewer.token)).body.error.code).toBe('REVIEW.ASSIGNED_TO_ANOTHER');
    const wrongRole = await step(a.claimId, 'review/assign', admin, { assigneeId: APPROVER_ID });
    expect(wrongRole.status).toBe(422);
    expect(wrongRole.body.error).toMatchObject({ code: 'REVIEW.ASSIGNEE_LACKS_ROLE', issues: [{ field: 'assigneeId' }] });
    expect(await expectReply(step(a.claimId, 'review/assign', admin, { assigneeId: secondReviewer.userId }), 200)).toMatchObject({ review: { assignee: secondReviewer.userId } });
    expect((await step(a.claimId, 'review/assign', reviewer, { assigneeId: secondReviewer.userId })).status).toBe(403);

    const mine = await queue('assignee=me');
    expect(mine.items.map((i: any) => i.claimId)).toEqual([b.claimId]);
    const overdue = await queue(`overdue=true&organisationId=${organiser.id}`);
    expect(overdue.items).toEqual([expect.objectContaining({ claimId: old.claimId, status: 'READY_FOR_REVIEW', queuedOn: '2021-06-01', dueOn: '2021-06-15', overdue: true, assignee: null })]);
    const open = await queue(`organisationId=${organiser.id}&limit=200`);
    expect(open.today).toBe(today);
    expect(open.items[0].claimId).toBe(old.claimId);
    expect(open.items.find((i: any) => i.claimId === a.claimId)).toMatchObject({ queuedOn: today, overdue: false, assignee: secondReviewer.userId });

    // Bulk release: the reviewer's own claim goes back; the one reassigned away is not the reviewer's to release.
    const released = await expectReply(postKeyed(app, '/api/review-queue/unassign', reviewer, { claimIds: [b.claimId, a.claimId] }), 200);
    expect(released.results.map((r: any) => [r.claimId, r.ok, r.ok ? r.review.assignee : r.error.code])).toEqual([
      [b.claimId, true, null],
      [a.claimId, false, 'REVIEW.NOT_YOUR_ASSIGNMENT'],
    ]);
    expect((await queue('assignee=none&limit=200')).items.map((i: any) => i.claimId)).toEqual(expect.arrayContaining([old.claimId, b.claimId]));
  });

  it('R-CLAIM-3 the review routes are in the OpenAPI document with the bodies they parse', async () => {
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/claims/{claimId}/return'].post.requestBody.content['application/json'].schema.properties.reason.properties.code.enum).toEqual(
      expect.arrayContaining(['RECORDS_INCOMPLETE', 'OTHER']),
    );
    for (const path of ['/api/claims/{claimId}/check', '/api/claims/{claimId}/approve', '/api/claims/{claimId}/reject', '/api/claims/{claimId}/resubmit', '/api/claims/{claimId}/review/assign', '/api/review-queue/assign']) {
      expect(paths[path]?.post).toBeDefined();
    }
    expect(paths['/api/review-queue'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['scheme', 'subdistrictId', 'organisationId', 'status', 'dueBefore', 'overdue', 'assignee']));
    expect(paths['/api/claims/{claimId}/history'].get).toBeDefined();
  });

  // Last: the version published here sets the review parameters for every later approval of this app.
  it('R-CLAIM-3 a policy version with a notice period of 0 releases an approved claim for payment at once; its service level dates the queue', async () => {
    const version2 = { ...JCCQ_2020_12, version: 2, effectiveFrom: today, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0, serviceLevelWorkingDays: 5, holidays: [] } } };
    await expectReply(postKeyed(app, '/api/policies', admin, version2), 201);
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR']);
    await expectReply(step(claim.claimId, 'check', reviewer), 200);
    expect(await expectReply(step(claim.claimId, 'approve', approver), 200)).toMatchObject({ status: 'RELEASED_FOR_PAYMENT', review: { approval: { noticeDays: 0, noticeEndsOn: null }, releasedOn: today } });
    expect((await history(claim.claimId)).map((s) => s.type)).toEqual(['ClaimSubmitted', 'ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment']);
    expect((await history(claim.claimId)).at(-2).details).toMatchObject({ noticeDays: 0, policyVersion: 'JCCQ-2020-12.v2' });
    const queued = await readyCertificationClaim(kit, organiser.token, ['SENIOR']);
    const item = (await queue(`organisationId=${organiser.id}&limit=200`)).items.find((i: any) => i.claimId === queued.claimId);
    // 5 working days after today (Monday to Friday).
    let due = today;
    for (let left = 5; left > 0; ) {
      due = addDays(due, 1);
      const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left--;
    }
    expect(item).toMatchObject({ queuedOn: today, dueOn: due });
  });
});
