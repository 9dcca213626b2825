import { randomUUID } from 'node:crypto';
import { labourerRegistrar } from '../support/labourers';
import { providerWithAccount } from '../support/past-cohorts';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit, type ReadyClaim } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

const REASON = '请补充评价机构出具的考试记录,核对后重新提交';

// Issue 5 "role and scope checks are tested per role": a provider reading another provider's claim gets 403, a
// subdistrict officer sees only its unit (read only), and each review step belongs to one role.
describe('claim review roles and scope over HTTP', () => {
  let app: TestApp;
  let tokens: Record<'admin' | 'reviewer' | 'approver' | 'evaluator' | 'finance' | 'officer' | 'enterprise', string>;
  let providerA: { token: string; providerId: string };
  let providerB: { token: string; providerId: string };
  let nancun: string;
  let otherUnit: string;
  /** Provider A's claim (in 南村镇, the officer's unit) and provider B's (in another unit). */
  let claimA: ReadyClaim;
  let claimB: ReadyClaim;

  beforeAll(async () => {
    app = await startTestApp();
    const names = ['admin', 'reviewer', 'approver', 'evaluator', 'finance', 'officer', 'enterprise'] as const;
    const logged = await Promise.all(names.map((name) => app.login(name)));
    tokens = Object.fromEntries(names.map((name, i) => [name, logged[i]!])) as typeof tokens;
    [nancun, otherUnit] = app.directory.subdistrictList().map((s) => s.subdistrictId) as [string, string];
    providerA = await providerWithAccount(app, tokens.admin, 'scope-provider-a', nancun);
    providerB = await providerWithAccount(app, tokens.admin, 'scope-provider-b', otherUnit);
    const evaluationBodyId = (await expectReply(postKeyed(app, '/api/evaluation-bodies', tokens.admin, { name: '城区职业技能评价站', kind: 'VOCATIONAL_SCHOOL', subdistrictId: nancun }), 201)).evaluationBodyId as string;
    const kit: CertificationClaimKit = { app, admin: tokens.admin, evaluationBodyId, registrar: labourerRegistrar(app, tokens.admin, { subdistrictId: nancun, born: '1988-03-03', name: '李学员', firstSequence: 700 }) };
    claimA = await readyCertificationClaim(kit, providerA.token, ['JUNIOR']);
    claimB = await readyCertificationClaim(kit, providerB.token, ['SENIOR']);
    await app.system.runner!.waitUntilCaughtUp();
  });
  afterAll(() => app?.close());

  const get = (route: string, token: string) => app.request('GET', route, { token });
  const step = (claimId: string, action: string, token: string, body: unknown = {}) => postKeyed(app, `/api/claims/${claimId}/${action}`, token, body);
  const ids = (body: { items: { claimId: string }[] }) => body.items.map((i) => i.claimId).filter((id) => id === claimA.claimId || id === claimB.claimId).sort();

  it('R-CLAIM-3 a provider reads its own claims only: another provider\'s claim is 403 (not 404), an unknown id 404, and the review queue is not its', async () => {
    expect((await get(`/api/claims/${claimA.claimId}`, providerA.token)).status).toBe(200);
    const other = await get(`/api/claims/${claimB.claimId}`, providerA.token);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('CLAIM.NOT_YOURS');
    expect((await get(`/api/claims/${claimB.claimId}/history`, providerA.token)).status).toBe(403);
    expect((await get(`/api/claims/${randomUUID()}`, providerA.token)).status).toBe(404);
    expect((await get(`/api/claims/${randomUUID()}/history`, providerA.token)).status).toBe(404);
    expect(ids((await get('/api/claims?limit=200', providerA.token)).body)).toEqual([claimA.claimId]);
    expect((await get('/api/review-queue', providerA.token)).status).toBe(403);
    // An enterprise is another organisation too.
    expect((await get(`/api/claims/${claimA.claimId}`, tokens.enterprise)).status).toBe(403);
  });

  it('R-CLAIM-3 a provider cannot take, check, approve, return or reject a claim, not even its own; nor resubmit another\'s', async () => {
    for (const action of ['review/assign', 'check', 'approve']) expect((await step(claimA.claimId, action, providerA.token)).status).toBe(403);
    expect((await step(claimA.claimId, 'return', providerA.token, { reason: { code: 'OTHER', text: REASON } })).status).toBe(403);
    expect((await step(claimA.claimId, 'reject', providerA.token, { reason: { code: 'OTHER', text: REASON } })).status).toBe(403);
    expect((await postKeyed(app, '/api/review-queue/assign', providerA.token, { claimIds: [claimA.claimId] })).status).toBe(403);
    const foreign = await step(claimA.claimId, 'resubmit', providerB.token);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('REVIEW.NOT_YOUR_CLAIM');
  });

  it('R-CLAIM-3 a subdistrict officer reads only its unit\'s claims, lists and queue, and acts on none', async () => {
    const officer = tokens.officer;
    expect((await get(`/api/claims/${claimA.claimId}`, officer)).status).toBe(200);
    const outside = await get(`/api/claims/${claimB.claimId}`, officer);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('CLAIM.NOT_YOURS');
    expect((await get(`/api/claims/${claimB.claimId}/history`, officer)).status).toBe(403);
    expect(ids((await get('/api/claims?limit=200', officer)).body)).toEqual([claimA.claimId]);
    const queue = (await get('/api/review-queue?limit=200', officer)).body;
    expect(ids(queue)).toEqual([claimA.claimId]);
    expect(queue.items.find((i: any) => i.claimId === claimA.claimId).organisation).toMatchObject({ id: providerA.providerId, subdistrictId: nancun });
    // Asking for another unit gives nothing of it.
    expect(ids((await get(`/api/review-queue?subdistrictId=${otherUnit}`, officer)).body)).toEqual([]);
    for (const action of ['review/assign', 'check', 'approve', 'resubmit']) expect((await step(claimA.claimId, action, officer)).status).toBe(403);
    expect((await step(claimA.claimId, 'return', officer, { reason: { code: 'OTHER', text: REASON } })).status).toBe(403);
  });

  it('R-CLAIM-3 the bureau sees every unit; the queue filters by subdistrict; a reviewer cannot approve, an approver cannot check, an evaluator and an administrator do neither', async () => {
    const queue = async (query: string) => ids((await expectReply(get(`/api/review-queue?limit=200&${query}`, tokens.reviewer), 200)));
    expect(await queue('')).toEqual([claimA.claimId, claimB.claimId].sort());
    expect(await queue(`subdistrictId=${otherUnit}`)).toEqual([claimB.claimId]);
    expect(await queue(`subdistrictId=${nancun}`)).toEqual([claimA.claimId]);
    expect(await queue(`organisationId=${providerB.providerId}`)).toEqual([claimB.claimId]);
    expect(await queue('scheme=R-FREE-3')).toEqual([]);
    expect((await get('/api/review-queue', tokens.evaluator)).status).toBe(200);
    expect((await get('/api/review-queue', tokens.finance)).status).toBe(403);
    expect((await get(`/api/claims/${claimA.claimId}`, tokens.finance)).status).toBe(403);

    expect((await step(claimB.claimId, 'approve', tokens.reviewer)).status).toBe(403);
    for (const token of [tokens.approver, tokens.evaluator, tokens.admin]) expect((await step(claimB.claimId, 'check', token)).status).toBe(403);
    expect((await step(claimB.claimId, 'review/assign', tokens.evaluator)).status).toBe(403);
    await expectReply(step(claimB.claimId, 'check', tokens.reviewer), 200);
    for (const token of [tokens.reviewer, tokens.evaluator, tokens.admin]) expect((await step(claimB.claimId, 'approve', token)).status).toBe(403);
    expect(await expectReply(step(claimB.claimId, 'approve', tokens.approver), 200)).toMatchObject({ status: 'IN_NOTICE' });
  });

  it('R-CLAIM-3 a return\'s written reason is read by the bureau and the claim\'s organisation, not by the subdistrict officer (the code only)', async () => {
    await expectReply(step(claimA.claimId, 'return', tokens.reviewer, { reason: { code: 'EVIDENCE_MISSING', text: REASON } }), 200);
    const reasonFor = async (token: string) => (await expectReply(get(`/api/claims/${claimA.claimId}/history`, token), 200)).items.find((s: any) => s.type === 'ClaimReturned').reason;
    expect(await reasonFor(providerA.token)).toEqual({ code: 'EVIDENCE_MISSING', textLength: [...REASON].length, text: REASON });
    expect(await reasonFor(tokens.approver)).toMatchObject({ text: REASON });
    expect(await reasonFor(tokens.officer)).toEqual({ code: 'EVIDENCE_MISSING', textLength: [...REASON].length });
    expect(await expectReply(get(`/api/claims/${claimA.claimId}`, tokens.officer), 200)).toMatchObject({ status: 'RETURNED', review: { returned: { code: 'EVIDENCE_MISSING' } } });
  });
});
