import { shanghaiDateOf } from '@skills/domain';
import { simulatePolicy } from '@skills/platform';
import type { PolicyDocument } from '@skills/policy';
import { claimFor, completedCohort, expectStatus } from '../support/claimed-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { addDays, onDay, providerWithAccount } from '../support/past-cohorts';
import { expectReply, postKeyed } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

// Policy simulation of claims that went through review (R-CLAIM-3): one returned, corrected and resubmitted, one
// rejected. Made through HTTP on PostgreSQL; amounts hand-computed in fen.
describe('policy simulation of reviewed claims', () => {
  let app: TestApp;
  let live: PolicyDocument;
  const today = shanghaiDateOf(new Date().toISOString());
  let resubmittedId: string;
  let rejectedId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const [admin, reviewer, approver] = await Promise.all([app.login('admin'), app.login('reviewer'), app.login('approver')]);
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    const { token: provider } = await providerWithAccount(app, admin, 'simulation-review', nancun);
    const registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1992-06-06', name: '孙学员', firstSequence: 800 });
    const recent = addDays(today, -40);

    // R-FREE-3 claimed at 4, 6 and 7 days: 600 + 900 + 1000 (1050 capped) = 2500 yuan. Returned: the first trainee's
    // 5th and 6th days were never recorded. Recorded, resubmitted: 900 + 900 + 1000 = 2800 yuan.
    const returnedPeople = await onDay(addDays(recent, -2), () => registrar.many(3));
    const returnedCohort = (await completedCohort(app, { provider, reviewer }, returnedPeople, { programmeType: 'GENERAL', startDay: recent, attended: [4, 6, 7], certified: 2, employed: 2 })).cohortId;
    const first = await claimFor(app, provider, 'R-FREE-3', returnedCohort);
    expect(first).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 250_000 });
    resubmittedId = first.claimId;
    await expectReply(postKeyed(app, `/api/claims/${resubmittedId}/return`, reviewer, { reason: { code: 'RECORDS_INCOMPLETE', text: '第一位学员第5、6天的考勤漏报,请补录后重新提交' } }), 200);
    for (const day of [addDays(recent, 4), addDays(recent, 5)]) {
      await expectStatus(app.request('POST', `/api/cohorts/${returnedCohort}/attendance`, { token: provider, body: { labourerId: returnedPeople[0], day } }), 201);
    }
    await app.system.runner!.waitUntilCaughtUp();
    expect(await expectReply(postKeyed(app, `/api/claims/${resubmittedId}/resubmit`, provider), 200)).toMatchObject({ status: 'READY_FOR_REVIEW', review: { round: 2 } });
    expect((await expectReply(app.request('GET', `/api/claims/${resubmittedId}`, { token: reviewer }), 200)).totalFen).toBe(280_000);

    // R-FREE-3 at 5 days each: 3 × 750 = 2250 yuan, checked, then rejected by the approver.
    const rejectedPeople = await onDay(addDays(recent, -2), () => registrar.many(3));
    const rejectedCohort = (await completedCohort(app, { provider, reviewer }, rejectedPeople, { programmeType: 'GENERAL', startDay: recent, attended: [5, 5, 5], certified: 2, employed: 2 })).cohortId;
    const doomed = await claimFor(app, provider, 'R-FREE-3', rejectedCohort);
    expect(doomed).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 225_000 });
    rejectedId = doomed.claimId;
    await expectReply(postKeyed(app, `/api/claims/${rejectedId}/check`, reviewer), 200);
    expect(await expectReply(postKeyed(app, `/api/claims/${rejectedId}/reject`, approver, { reason: { code: 'IRREGULARITY', text: '培训现场核查时学员均不在场' } }), 200)).toMatchObject({ status: 'REJECTED' });

    live = (await app.request('GET', '/api/policies/JCCQ-2020-12.v1', { token: reviewer })).body.document;
    await app.system.runner!.waitUntilCaughtUp();
  });
  afterAll(() => app?.close());

  it('R-CLAIM-3 R-CLAIM-1 under the live document a resubmitted claim is compared on its new lines and a rejected one pays nothing: no difference, no flip', async () => {
    const report = await simulatePolicy(app.system.db, { candidate: live, asOf: today });
    // rm_claims holds the resubmitted total (280_000) and the rejected claim's computed one (225_000).
    const { rows } = await app.system.db.query<{ total: string }>('SELECT sum(total_fen)::text AS total FROM rm_claims');
    expect(Number(rows[0]!.total)).toBe(280_000 + 225_000);
    // Payable: the resubmitted claim only, on both sides.
    expect(report.totals).toEqual({ liveFen: 505_000, simulatedFen: 505_000, differenceFen: 0, payableLiveFen: 280_000, payableSimulatedFen: 280_000, payableDifferenceFen: 0 });
    expect(report.claims).toEqual({ total: 2, simulated: 2, notSimulated: 0, overridden: 0, amountChanged: 0, rejected: 1 });
    expect(report.flips).toEqual([]);
    expect(report.byScheme).toEqual([expect.objectContaining({ scheme: 'R-FREE-3', claims: 2, differenceFen: 0, payableLiveFen: 280_000, payableDifferenceFen: 0 })]);
    expect(report.byPayeeOrganisation).toEqual([expect.objectContaining({ claims: 2, payableLiveFen: 280_000, payableSimulatedFen: 280_000 })]);
  });

  it('R-CLAIM-3 R-FREE-3 R-GATE-4 a draft paying 200 a day with a 100% general employment gate: the resubmitted claim would wait (a flip, shown with its review stage), the rejected one neither flips nor pays', async () => {
    const candidate = structuredClone(live) as any;
    candidate.version = 2;
    candidate.parameters.freeTraining.general.perDayFen = 20_000;
    candidate.parameters.gates.employmentRatePercent.GENERAL = 100;
    const report = await simulatePolicy(app.system.db, { candidate, asOf: today });
    // Resubmitted: 6, 6 and 7 days at 200 = 1200, 1200, 1400, each capped at 1000: 300_000 (+20_000), waiting on
    // 2 of 3 employed (67% < 100%, window open). Rejected: 5 days at 200 = 1000 each, 300_000 (+75_000) computed, 0 paid.
    expect(report.totals).toEqual({ liveFen: 505_000, simulatedFen: 600_000, differenceFen: 95_000, payableLiveFen: 280_000, payableSimulatedFen: 300_000, payableDifferenceFen: 20_000 });
    expect(report.flips.map((f) => [f.claimId, f.kinds, f.live, f.simulated.status])).toEqual([
      [resubmittedId, ['WAITING_CHANGED'], { status: 'READY_FOR_REVIEW', tier: null, totalFen: 280_000, reviewStatus: 'READY_FOR_REVIEW' }, 'WAITING_ON_OUTCOMES'],
    ]);
    expect(report.flips.map((f) => f.claimId)).not.toContain(rejectedId);
    expect(report.claims).toMatchObject({ amountChanged: 2, rejected: 1 });
  });
});
