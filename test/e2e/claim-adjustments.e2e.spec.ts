import { randomUUID } from 'node:crypto';
import { shanghaiDateOf, toClaimStreamId } from '@skills/domain';
import { simulatePolicy } from '@skills/platform';
import { JCCQ_2020_12 } from '@skills/policy';
import { claimFor, completedCohort, expectStatus } from '../support/claimed-cohorts';
import { gatesOn } from '../support/gate-rounds';
import { labourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';

// R-GATE-4 late changes through HTTP on real PostgreSQL: a released claim whose gates a later record turns raises an
// adjustment claim with a clawback line per person, flagged for review, read back through GET /api/claims.
//
// The late record: another provider's cohort of the same occupation (a higher level) records its start a week late,
// dated back before a trainee's certificate was issued. R-GATE-2 gives a certificate to the person's latest cohort
// started by its issue day, so the certificate moves to that cohort and the released one falls below 60%. Every
// other fact a gate counts is judged as recorded by its window's end, so this is the one late record over HTTP that
// can still turn a released claim (see the report on issue 4).
describe('adjustment claims for late changes over HTTP (R-GATE-4)', () => {
  let app: TestApp;
  let reviewer: string;
  let approver: string;
  let providerA: { token: string; providerId: string };
  let providerB: { token: string; providerId: string };
  let people: string[];
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await app.login('admin');
    reviewer = await app.login('reviewer');
    approver = await app.login('approver');
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    providerA = await providerWithAccount(app, admin, 'adjust-a', nancun);
    providerB = await providerWithAccount(app, admin, 'adjust-b', nancun);
    const registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1993-03-03', name: '周学员', firstSequence: 100 });
    people = await onDay(addDays(today, -100), () => registrar.many(5));
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const read = async (claimId: string, token: string) => {
    const response = await app.request('GET', `/api/claims/${claimId}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('R-GATE-4 R-GATE-2 R-FREE-3 a certificate taken by a cohort whose start was recorded late claws back 1000 + 900 + 750 + 600 + 450 yuan on a flagged adjustment claim, raised once; approved only once its claim is released, rejected before its claim can be', async () => {
    // Provider A's general cohort: 5 trainees attend 7, 6, 5, 4 and 3 days and pass; it completes 91 days ago, so
    // its 90-day certification window closed yesterday. Two certificates 5 days after the end, two verified jobs.
    const startA = addDays(today, -97);
    const { cohortId, completedOn } = await completedCohort(app, { provider: providerA.token, reviewer }, people, { programmeType: 'GENERAL', startDay: startA, attended: [7, 6, 5, 4, 3], certified: 2, employed: 2 });
    expect(addDays(completedOn, 90)).toBe(addDays(today, -1));
    const { occupation } = (await app.request('GET', `/api/cohorts/${cohortId}`, { token: providerA.token })).body as { occupation: string };

    // Provider B plans an INTERMEDIATE cohort of the occupation to start 7 days ago (R-FREE-2: another level), and the
    // third trainee joins it 10 days ago. Its start is not recorded yet.
    const startB = addDays(today, -7);
    const cohortB = await onDay(addDays(today, -10), async () => {
      const body = { programmeType: 'GENERAL', occupation, level: 'INTERMEDIATE', plannedStart: startB, plannedEnd: addDays(startB, 9), plannedDays: 10, capacity: 30 };
      const planned = await app.request('POST', '/api/cohorts', { token: providerB.token, body, headers: { 'idempotency-key': randomUUID() } });
      expect(planned.status).toBe(201);
      const id = planned.body.cohortId as string;
      await expectStatus(app.request('POST', `/api/cohorts/${id}/approve`, { token: reviewer, body: {} }), 200);
      await expectStatus(app.request('POST', `/api/cohorts/${id}/enrolments`, { token: providerB.token, body: { labourerId: people[2] } }), 201);
      return id;
    });

    // The third trainee's JUNIOR certificate, issued 5 days ago and recorded 4 days ago, inside A's window: A's, as no
    // other cohort of the person had started. 3 / 5 = 60%.
    await onDay(addDays(today, -4), () =>
      expectStatus(
        app.request('POST', '/api/certificates', {
          token: providerA.token,
          body: { labourerId: people[2], type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, number: `SL-${randomUUID().slice(0, 8)}`, issuer: '某评价机构', issuedOn: addDays(today, -5) },
        }),
        201,
      ),
    );

    // Today A claims: every gate holds (5/5 passed, 3/5 certified, 2/5 employed), released at once.
    // 7 × 150 = 1050 capped at 1000; 900; 750; 600; 450: 3700 yuan.
    const submitted = await claimFor(app, providerA.token, 'R-FREE-3', cohortId);
    const claimId = submitted.claimId;
    expect(submitted).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 370_000 });
    expect((await gatesOn(app, today)).decisions.filter((d) => d.claimId === claimId)).toEqual([]);
    // R-CLAIM-3: checked and approved today, on notice. R-GATE-4: only an approved claim's late change is an adjustment claim.
    await expectStatus(app.request('POST', `/api/claims/${claimId}/check`, { token: reviewer, body: {}, headers: { 'idempotency-key': randomUUID() } }), 200);
    await expectStatus(app.request('POST', `/api/claims/${claimId}/approve`, { token: approver, body: {}, headers: { 'idempotency-key': randomUUID() } }), 200);

    // Provider B records its start today, a week late, dated back before the certificate's issue (R-GATE-2: B owns it now).
    await expectStatus(app.request('POST', `/api/cohorts/${cohortB}/start`, { token: providerB.token, body: { startedOn: startB }, headers: { 'idempotency-key': randomUUID() } }), 200);
    // The worker's own evaluator may take it first; either way one round today has decided it.
    await gatesOn(app, today);

    // The original: unchanged (still approved, still 3700 yuan), with one open flag and a link to its adjustment.
    const original = await read(claimId, providerA.token);
    expect(original).toMatchObject({ claimId, status: 'IN_NOTICE', totalFen: 370_000, lateFlagsOpen: 1, latestLateFlagSequence: 1 });
    expect(original.adjustments).toHaveLength(1);
    const adjustmentId = original.adjustments[0].adjustmentClaimId as string;
    expect(original.adjustments[0]).toEqual({ adjustmentClaimId: adjustmentId, flagSequence: 1, raisedOn: today, topUpFen: 0, clawbackFen: 370_000 });
    expect(adjustmentId).not.toBe(claimId);

    // The adjustment claim: flagged for review, a clawback line per trainee from provider A, before and after explained.
    const adjustment = await read(adjustmentId, providerA.token);
    expect(adjustment).toMatchObject({
      claimId: adjustmentId,
      adjusts: { claimId, flagSequence: 1 },
      scheme: 'R-FREE-3',
      subject: { kind: 'COHORT', id: cohortId },
      raisedOn: today,
      status: 'READY_FOR_REVIEW',
      reviewFlag: 'LATE_OUTCOME_CHANGE',
      before: { status: 'READY_FOR_REVIEW', tier: null },
      after: { status: 'BLOCKED', tier: null },
      topUpFen: 0,
      clawbackFen: 370_000,
    });
    type Line = { labourerId: string; lineId: string; adjustsLineId: string; direction: string; amountFen: number; paymentKey: string; payee: { kind: string; id: string }; explanation: Record<string, any> };
    const lines = adjustment.lines as Line[];
    const paid = [100_000, 90_000, 75_000, 60_000, 45_000];
    expect(people.map((id) => lines.find((l) => l.labourerId === id)).map((l) => [l?.direction, l?.amountFen, l?.payee, l?.explanation['before'].amountFen, l?.explanation['after'].amountFen])).toEqual(
      paid.map((fen) => ['CLAWBACK', fen, { kind: 'PROVIDER', id: providerA.providerId }, fen, 0]),
    );
    const first = lines.find((l) => l.labourerId === people[0])!;
    expect(first.explanation['arithmetic']).toBe('0.00 yuan now (R-FREE-3) − 1000.00 yuan paid (R-FREE-3) = −1000.00 yuan: a clawback of 1000.00 yuan');
    expect(first.explanation['before'].arithmetic).toBe('7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan');
    expect(first.explanation['after'].arithmetic).toMatch(/^R-GATE-4: the claim's gates now block it \(CERTIFICATION \(R-GATE-2\) 2 \/ 5 = 40\.00% < 60%/);
    expect(lines.find((l) => l.labourerId === people[4])!.explanation['arithmetic']).toBe('0.00 yuan now (R-FREE-3) − 450.00 yuan paid (R-FREE-3) = −450.00 yuan: a clawback of 450.00 yuan');

    // R-CLAIM-2: each adjustment line adjusts one original line, under a payment key of its own.
    const originalLines = new Map((original.lines as { lineId: string; labourerId: string; paymentKey: string }[]).map((l) => [l.labourerId, l]));
    for (const line of lines) {
      expect(line.adjustsLineId).toBe(originalLines.get(line.labourerId)!.lineId);
      expect(line.lineId).not.toBe(line.adjustsLineId);
    }
    const originalKeys = [...originalLines.values()].map((l) => l.paymentKey);
    const adjustmentKeys = lines.map((l) => l.paymentKey);
    expect(new Set(adjustmentKeys).size).toBe(5);
    expect(adjustmentKeys.filter((key) => originalKeys.includes(key))).toEqual([]);

    // Provider B, whose late start caused it, may read neither claim (403); the bureau sees both.
    for (const id of [claimId, adjustmentId]) {
      expect((await app.request('GET', `/api/claims/${id}`, { token: providerB.token })).status).toBe(403);
      expect((await read(id, reviewer)).claimId).toBe(id);
    }
    await app.system.runner!.waitUntilCaughtUp();
    const listed = await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: reviewer });
    expect(listed.body.total).toBe(2);
    const byId = new Map((listed.body.items as { claimId: string }[]).map((c) => [c.claimId, c]));
    expect(byId.get(claimId)).toMatchObject({ status: 'IN_NOTICE', totalFen: 370_000, lateFlagsOpen: 1, latestLateFlagSequence: 1, adjustmentClaimIds: [adjustmentId], adjusts: null, reviewFlag: null, clawbackFen: 0 });
    expect(byId.get(adjustmentId)).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 0, clawbackFen: 370_000, lineCount: 5, adjusts: { claimId, flagSequence: 1 }, reviewFlag: 'LATE_OUTCOME_CHANGE', adjustmentClaimIds: [] });
    expect((await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: providerA.token })).body.total).toBe(2);
    expect((await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: providerB.token })).body).toEqual({ total: 0, items: [] });

    // Later rounds, today and tomorrow, raise nothing more.
    for (const day of [today, addDays(today, 1)]) {
      expect((await gatesOn(app, day)).decisions.filter((d) => d.claimId === claimId || d.claimId === adjustmentId)).toEqual([]);
    }
    expect(await read(claimId, reviewer)).toMatchObject({ lateFlagsOpen: 1, latestLateFlagSequence: 1, adjustments: [{ adjustmentClaimId: adjustmentId }] });
    await app.system.runner!.waitUntilCaughtUp();
    expect((await app.request('GET', `/api/claims?subjectId=${cohortId}`, { token: reviewer })).body.total).toBe(2);

    // Issue 4 "simulation gives the same totals as the live claims under the live policy": the adjusted claim is
    // compared as the claim and its adjustment pay together (BLOCKED, nothing payable), not as first released.
    const report = await simulatePolicy(app.system.db, { candidate: JCCQ_2020_12, asOf: today });
    expect(report.flips.filter((f) => f.claimId === claimId)).toEqual([]);
    expect(report.notSimulated.filter((c) => c.claimId === claimId)).toEqual([]);
    // Provider A's one claim computes 3700 yuan and, blocked now, pays nothing: live and simulated alike.
    const providerAFigures = report.byPayeeOrganisation.find((o) => o.organisation.id === providerA.providerId.toLowerCase());
    expect(providerAFigures).toMatchObject({ claims: 1, liveFen: 370_000, simulatedFen: 370_000, payableLiveFen: 0, payableSimulatedFen: 0, payableDifferenceFen: 0 });

    // R-GATE-4 R-CLAIM-3: the adjustment never outlives its claim. It is approved only once the claim is released for
    // payment (an objection may still send the claim back, and then it must be rejectable).
    const post = (route: string, token: string, body: unknown = {}) => app.request('POST', route, { token, body, headers: { 'idempotency-key': randomUUID() } });
    await expectStatus(post(`/api/claims/${adjustmentId}/check`, reviewer), 200);
    const early = await post(`/api/claims/${adjustmentId}/approve`, approver);
    expect([early.status, early.body.error.code, early.body.error.details]).toEqual([422, 'REVIEW.ADJUSTED_CLAIM_NOT_RELEASED', { ruleId: 'R-GATE-4', adjustedClaimId: claimId, status: 'IN_NOTICE' }]);
    // An objection sends the claim back; it cannot be rejected while its adjustment stands.
    await expectStatus(post(`/api/notices/${claimId}/objections`, await app.login('officer'), { reason: 'TRAINING_NOT_HELD', statement: '第三名学员的证书属于另一个班，请核实', lineIds: [] }), 201);
    const reason = { reason: { code: 'NOT_ELIGIBLE', text: '证书计入另一个班，本班取证率不足' } };
    const refused = await post(`/api/claims/${claimId}/reject`, reviewer, reason);
    expect([refused.status, refused.body.error.code, refused.body.error.details.adjustmentClaimIds]).toEqual([422, 'REVIEW.HAS_OPEN_ADJUSTMENTS', [adjustmentId]]);
    // The adjustment rejected first (at its approval level): the claim's stream records the reversal in the same
    // transaction, so its lines count as paying their 3700 yuan again, not the clawback (R-GATE-4, R-CLAIM-2).
    const rejected = await post(`/api/claims/${adjustmentId}/reject`, approver, reason);
    expect([rejected.status, rejected.body.status]).toEqual([200, 'REJECTED']);
    const claimEvents = (await app.system.store.readStream(toClaimStreamId(claimId))).map((r) => r.type);
    expect(claimEvents.at(-1)).toBe('ClaimAdjustmentReverted');
    expect((await read(claimId, reviewer)).adjustments).toEqual([{ adjustmentClaimId: adjustmentId, flagSequence: 1, raisedOn: today, topUpFen: 0, clawbackFen: 370_000, revertedOn: today }]);
    const final = await post(`/api/claims/${claimId}/reject`, reviewer, reason);
    expect([final.status, final.body.status]).toEqual([200, 'REJECTED']);
  });
});
