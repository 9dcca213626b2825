import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toClaimStreamId } from '@skills/domain';
import { labourerRegistrar, type LabourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount, startedCohort } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

/** A person named in a justification: the kind of text that must stay out of events, logs and errors. */
const NAMED = '孙小梅';
const JUSTIFICATION = `学员${NAMED}等三人因疫情封控未能参加取证考试,街道已出具证明,建议本班取证率按达标处理`;
const CERTIFICATION = { kind: 'GATE', gate: 'CERTIFICATION' } as const;

// R-CLAIM-4 through HTTP on real PostgreSQL: a claim blocked by its failed certification gate (R-GATE-2, R-GATE-4) is
// released only by a reviewer's justified proposal and a second person's approval, and stays flagged.
describe('claim overrides over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let approver: string;
  let provider: string;
  let registrar: LabourerRegistrar;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer, approver] = await Promise.all([app.login('admin'), app.login('reviewer'), app.login('approver')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'overrides-a', nancun)).token;
    registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1991-05-05', name: '钱学员', firstSequence: 400 });
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const ok = async (response: Promise<{ status: number; text: string }>, status: number) => {
    const { status: actual, text } = await response;
    if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${text}`);
  };
  const post = (route: string, token: string, body: unknown, key: string = randomUUID()) => app.request('POST', route, { token, body, headers: { 'idempotency-key': key } });

  /**
   * A general cohort of three that ended 240 days ago: 7 days each (1000.00 yuan each, capped), everyone passed, one
   * verified job of three (33% ≥ 30%), and no certificate though its 90-day window closed long ago: R-GATE-2 failed.
   */
  async function blockedClaim(): Promise<{ claimId: string }> {
    const people = await registrar.many(3);
    const startDay = addDays(today, -250);
    const lastDay = addDays(startDay, 6);
    const { cohortId } = await startedCohort(app, { provider, reviewer }, people, { startDay, plannedEnd: addDays(startDay, 9), plannedDays: 10 });
    await onDay(lastDay, async () => {
      for (const labourerId of people) {
        for (let d = 0; d < 7; d++) await ok(app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: provider, body: { labourerId, day: addDays(startDay, d) } }), 201);
        await ok(app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: provider, body: { labourerId, result: 'PASS', assessedOn: lastDay } }), 201);
      }
      await ok(app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn: lastDay } }), 200);
    });
    const employmentId = await onDay(addDays(lastDay, 10), async () => {
      const recorded = await app.request('POST', '/api/employments', { token: provider, body: { labourerId: people[0], startsOn: addDays(lastDay, 10), evidenceRef: `doc:contract-${randomUUID()}` } });
      expect(recorded.status).toBe(201);
      return recorded.body.employmentId as string;
    });
    await ok(app.request('POST', `/api/employments/${employmentId}/verify`, { token: reviewer, body: {} }), 200);
    const claim = await post('/api/claims', provider, { scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: cohortId } });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ status: 'BLOCKED', totalFen: 300_000 });
    expect(claim.body.gates.find((g: { gate: string }) => g.gate === 'CERTIFICATION')).toMatchObject({ status: 'FAILED', rate: { numerator: 0, denominator: 3 } });
    return { claimId: claim.body.claimId as string };
  }

  it('R-CLAIM-4 a failed gate is set aside only with a written justification and a second person\'s approval, and stays flagged', async () => {
    const { claimId } = await blockedClaim();
    const url = `/api/claims/${claimId}/overrides`;
    const statusOf = async () => (await app.request('GET', `/api/claims/${claimId}`, { token: reviewer })).body.status as string;

    // Only a reviewer proposes; the target must be a failed gate; a justification needs 20 characters.
    expect((await post(url, provider, { target: CERTIFICATION, justification: JUSTIFICATION })).status).toBe(403);
    expect((await post(url, approver, { target: CERTIFICATION, justification: JUSTIFICATION })).status).toBe(403);
    const holding = await post(url, reviewer, { target: { kind: 'GATE', gate: 'PASS' }, justification: JUSTIFICATION });
    expect(holding.status).toBe(422);
    expect(holding.body.error).toMatchObject({ code: 'OVERRIDE.GATE_NOT_FAILED', issues: [{ field: 'target.gate' }] });
    const short = await post(url, reviewer, { target: CERTIFICATION, justification: '考试延期' });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'OVERRIDE.JUSTIFICATION_REQUIRED', issues: [{ field: 'justification' }] });

    // A proposal, rejected: nothing changes, and the gate is free for a new one.
    const first = await post(url, reviewer, { target: CERTIFICATION, justification: JUSTIFICATION });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'PROPOSED', target: CERTIFICATION, justification: { length: [...JUSTIFICATION].length }, claim: { status: 'BLOCKED', overridden: false } });
    const rejected = await post(`${url}/${first.body.overrideId}/reject`, approver, { reason: 'EVIDENCE_MISSING' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decision: { reason: 'EVIDENCE_MISSING' }, claim: { status: 'BLOCKED', overridden: false } });

    // The second proposal, retried under its key; another while it is open is refused naming it.
    const key = randomUUID();
    const proposed = await post(url, reviewer, { target: CERTIFICATION, justification: JUSTIFICATION }, key);
    expect(proposed.status).toBe(201);
    const overrideId = proposed.body.overrideId as string;
    const retried = await post(url, reviewer, { target: CERTIFICATION, justification: JUSTIFICATION }, key);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ overrideId, alreadyProposed: true });
    expect((await post(url, reviewer, { target: CERTIFICATION, justification: `${JUSTIFICATION}。` }, key)).body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    const again = await post(url, reviewer, { target: CERTIFICATION, justification: JUSTIFICATION });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'OVERRIDE.ALREADY_OPEN', details: { overrideId } });
    expect(await statusOf()).toBe('BLOCKED');
    // An open proposal changes nothing, in the claim and in the claims list.
    const pending = (await app.request('GET', `/api/claims/${claimId}`, { token: reviewer })).body;
    expect(pending).toMatchObject({ status: 'BLOCKED', overridden: false, overriddenGates: [], awaitingApproval: [overrideId] });
    await app.system.runner!.waitUntilCaughtUp();
    expect((await app.request('GET', `/api/claims?subjectId=${pending.subject.id}`, { token: provider })).body).toMatchObject({
      total: 1,
      items: [{ claimId, status: 'BLOCKED', overridden: false }],
    });

    // The approver reads the justification and approves: the claim is released as if the gate held, and flagged.
    expect((await post(`${url}/${overrideId}/approve`, reviewer, {})).status).toBe(403);
    const listed = await app.request('GET', url, { token: approver });
    expect(listed.body).toMatchObject({ overridden: false, awaitingApproval: [overrideId] });
    expect(listed.body.items.find((o: { overrideId: string }) => o.overrideId === overrideId).justificationText).toBe(JUSTIFICATION);
    const approved = await post(`${url}/${overrideId}/approve`, approver, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', claim: { status: 'READY_FOR_REVIEW', totalFen: 300_000, overridden: true, overriddenGates: ['CERTIFICATION'] } });
    const claim = (await app.request('GET', `/api/claims/${claimId}`, { token: reviewer })).body;
    expect(claim.status).toBe('READY_FOR_REVIEW');
    expect(claim.gates.find((g: { gate: string }) => g.gate === 'CERTIFICATION')).toMatchObject({ status: 'FAILED' });
    // R-CLAIM-4 "flagged in every report": the claim itself and the claims list show the override.
    expect(claim).toMatchObject({ totalFen: 300_000, overridden: true, overriddenGates: ['CERTIFICATION'], overriddenLineIds: [], awaitingApproval: [] });
    await app.system.runner!.waitUntilCaughtUp();
    const listedClaims = (await app.request('GET', `/api/claims?subjectId=${claim.subject.id}`, { token: provider })).body;
    expect(listedClaims).toMatchObject({ total: 1, items: [{ claimId, status: 'READY_FOR_REVIEW', totalFen: 300_000, overridden: true }] });
    expect((await post(`${url}/${overrideId}/reject`, approver, { reason: 'POLICY_APPLIES' })).body.error.code).toBe('OVERRIDE.ALREADY_DECIDED');
    // An evaluator sees the flags, not the text.
    const evaluated = await app.request('GET', url, { token: await app.login('evaluator') });
    expect(evaluated.body).toMatchObject({ claimStatus: 'READY_FOR_REVIEW', overridden: true, overriddenGates: ['CERTIFICATION'] });
    expect(JSON.stringify(evaluated.body)).not.toContain(NAMED);

    // The justification is in no event, no log line and no other response than the approver's read.
    const recorded = await app.system.store.readStream(toClaimStreamId(claimId));
    const events = JSON.stringify(recorded.map((r) => ({ type: r.type, data: r.data, metadata: r.metadata })));
    expect(events).toContain('ClaimOverrideApproved');
    expect(events).not.toContain(NAMED);
    expect(events).not.toContain('疫情');
    expect(app.logs.join('\n')).not.toContain(NAMED);
    // Sealed where it is kept: the stored bytes do not hold the text.
    const { rows } = await app.system.db.query<{ ciphertext: Uint8Array }>("SELECT ciphertext FROM sealed_texts WHERE owner_id = $1 AND purpose = 'override-justification'", [overrideId]);
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.ciphertext).toString('utf8')).not.toContain(NAMED);

    // Checked, approved: on the public notice (公示) the claim is flagged too, without the justification.
    expect((await post(`/api/claims/${claimId}/check`, reviewer, {})).status).toBe(200);
    expect((await post(`/api/claims/${claimId}/approve`, approver, {})).body.status).toBe('IN_NOTICE');
    const notice = await app.request('GET', `/api/notices/${claimId}`, { token: provider });
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ claimId, overridden: true, totalFen: 300_000 });
    expect(JSON.stringify(notice.body)).not.toContain(NAMED);
  });
});
