import { createHash, randomUUID } from 'node:crypto';
import { shanghaiDateOf, toClaimRecordsStreamId } from '@skills/domain';
import * as claimed from '../support/claimed-cohorts';
import { addDays, providerWithAccount } from '../support/past-cohorts';
import { labourerRegistrar } from '../support/labourers';
import { startTestApp, type TestApp } from '../support/test-app';

/** A person named in a file and a comment: what must stay out of events, logs and errors. */
const NAMED = '钱小芳';
const MIB = 1024 * 1024;
/** A scanned attendance sheet as a PDF names its trainees. */
const SHEET = Buffer.from(`%PDF-1.7\n1 0 obj << /Title (考勤表) >> endobj\n% 学员 ${NAMED} 出勤 7 天\n%%EOF\n`, 'utf8');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

// R-CLAIM-3 a claim's file through HTTP on real PostgreSQL: evidence files stored encrypted with their hash, size and
// type limits; comments at any step, by the bureau and the claim's own organisation, with texts sealed.
describe('claim evidence and comments over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let reviewer: string;
  let evaluator: string;
  let finance: string;
  let provider: string;
  let otherProvider: string;
  let claimId: string;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    [admin, reviewer, evaluator, finance] = await Promise.all(['admin', 'reviewer', 'evaluator', 'finance'].map((u) => app.login(u)));
    const nancun = app.directory.subdistrictList()[0]!.subdistrictId;
    provider = (await providerWithAccount(app, admin, 'evidence-a', nancun)).token;
    otherProvider = (await providerWithAccount(app, admin, 'evidence-b', nancun)).token;
    const registrar = labourerRegistrar(app, admin, { subdistrictId: nancun, born: '1993-09-09', name: NAMED, firstSequence: 250 });
    const people = await registrar.many(2);
    const { cohortId } = await claimed.completedCohort(app, { provider, reviewer }, people, { programmeType: 'GENERAL', startDay: addDays(today, -40), attended: [7, 7], certified: 2, employed: 1 });
    claimId = (await claimed.claimFor(app, provider, 'R-FREE-3', cohortId)).claimId;
  });
  afterAll(() => app?.close());
  afterEach(() => jest.useRealTimers());

  const upload = (bytes: Buffer | string, contentType: string, options: { token?: string; kind?: string; key?: string } = {}) =>
    app.request('POST', `/api/claims/${claimId}/evidence${options.kind ? `?kind=${options.kind}` : ''}`, {
      token: options.token ?? provider,
      raw: bytes,
      contentType,
      headers: { 'idempotency-key': options.key ?? randomUUID() },
    });

  it('R-CLAIM-3 a provider attaches a scanned attendance sheet: stored encrypted with its SHA-256, size and type, listed, and downloaded byte for byte', async () => {
    const attached = await upload(SHEET, 'application/pdf', { kind: 'ATTENDANCE_SHEET' });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({
      claimId,
      kind: 'ATTENDANCE_SHEET',
      sha256: sha256(SHEET),
      sizeBytes: SHEET.length,
      mediaType: 'application/pdf',
      attachedBy: { side: 'ORGANISATION', mine: true },
      alreadyAttached: false,
    });
    const { evidenceId } = attached.body;

    const listed = await app.request('GET', `/api/claims/${claimId}/evidence`, { token: reviewer });
    expect(listed.status).toBe(200);
    expect(listed.body.limits).toEqual({ maxBytes: 10 * MIB, allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'] });
    expect(listed.body.items).toEqual([expect.objectContaining({ evidenceId, sha256: sha256(SHEET), attachedBy: expect.objectContaining({ side: 'ORGANISATION', mine: false }) })]);

    const response = await fetch(`${app.baseUrl}/api/claims/${claimId}/evidence/${evidenceId}`, { headers: { authorization: `Bearer ${reviewer}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-sha256')).toBe(sha256(SHEET));
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="evidence-${evidenceId}.pdf"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(SHEET)).toBe(true);

    // At rest: ciphertext only. In the events: the hash, size and type, never the bytes or the name in them.
    const { rows } = await app.system.db.query<{ ciphertext: Uint8Array }>('SELECT ciphertext FROM sealed_files WHERE owner_id = $1', [evidenceId]);
    expect(Buffer.from(rows[0]!.ciphertext).includes(Buffer.from(NAMED))).toBe(false);
    const events = await app.system.store.readStream(toClaimRecordsStreamId(claimId));
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(NAMED);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('%PDF');
  });

  it('R-CLAIM-3 the same content twice on one claim is one file, whoever sends it under whatever key', async () => {
    const first = await upload(PNG, 'image/png', { kind: 'EMPLOYMENT_CONTRACT' });
    expect(first.status).toBe(201);
    const again = await upload(PNG, 'application/octet-stream', { token: reviewer, kind: 'OTHER' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ evidenceId: first.body.evidenceId, kind: 'EMPLOYMENT_CONTRACT', mediaType: 'image/png', alreadyAttached: true });
    const listed = await app.request('GET', `/api/claims/${claimId}/evidence`, { token: provider });
    expect(listed.body.items.filter((i: { sha256: string }) => i.sha256 === sha256(PNG))).toHaveLength(1);
    // A different file under an Idempotency-Key already used on this claim is refused, not silently dropped.
    const key = randomUUID();
    expect((await upload(Buffer.concat([PNG, Buffer.from([1])]), 'image/png', { key })).status).toBe(201);
    const reused = await upload(Buffer.concat([PNG, Buffer.from([2])]), 'image/png', { key });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('R-CLAIM-3 refuses an upload that breaks a limit with a message naming it: size, type by content, declared type', async () => {
    const tooLarge = Buffer.alloc(10 * MIB + 1);
    SHEET.copy(tooLarge);
    const large = await upload(tooLarge, 'application/pdf');
    expect(large.status).toBe(400);
    expect(large.body.error).toMatchObject({ code: 'EVIDENCE.TOO_LARGE', details: { maxBytes: 10 * MIB, sizeBytes: 10 * MIB + 1 } });
    expect(large.body.error.message).toContain('above the limit of 10 MiB (10485760 bytes)');

    const page = await upload('<html><body>not a scan</body></html>', 'image/png');
    expect(page.status).toBe(400);
    expect(page.body.error.code).toBe('EVIDENCE.CONTENT_NOT_ALLOWED');
    expect(page.body.error.message).toContain('PDF, JPEG or PNG');

    const mismatch = await upload(PNG, 'application/pdf');
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toMatchObject({ code: 'EVIDENCE.TYPE_MISMATCH', details: { declared: 'application/pdf', actual: 'image/png' } });

    const json = await app.request('POST', `/api/claims/${claimId}/evidence`, { token: provider, body: { file: 'base64…' } });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('EVIDENCE.TYPE_NOT_ALLOWED');

    const unknownType = await upload(SHEET, 'application/x-msdownload');
    expect(unknownType.status).toBe(415);

    const huge = await upload(Buffer.alloc(21 * MIB), 'application/pdf');
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: 'HTTP.PAYLOAD_TOO_LARGE', message: expect.stringContaining('at most 20 MiB') });
    // Nothing of any refused upload was stored.
    const listed = await app.request('GET', `/api/claims/${claimId}/evidence`, { token: provider });
    expect(listed.body.items.every((i: { sizeBytes: number }) => i.sizeBytes < MIB)).toBe(true);
  });

  it('R-CLAIM-3 only the bureau and the claim\'s own organisation see or add its files and comments: another organisation\'s claim is 403, an unknown id 404 (issue 5)', async () => {
    const [{ body: evidence }] = [await upload(Buffer.concat([SHEET, Buffer.from('% access')]), 'application/pdf')];
    for (const route of [`/api/claims/${claimId}/evidence`, `/api/claims/${claimId}/evidence/${evidence.evidenceId}`, `/api/claims/${claimId}/comments`]) {
      const foreign = await app.request('GET', route, { token: otherProvider });
      expect([foreign.status, foreign.body.error.code]).toEqual([403, 'CLAIM.NOT_YOURS']);
      expect((await app.request('GET', route, { token: finance })).status).toBe(403);
    }
    // An evaluator (bureau, no personal data) lists the files and comments, but opens no file: see below.
    for (const route of [`/api/claims/${claimId}/evidence`, `/api/claims/${claimId}/comments`]) expect((await app.request('GET', route, { token: evaluator })).status).toBe(200);
    expect((await upload(PNG, 'image/png', { token: otherProvider })).body.error.code).toBe('CLAIM.NOT_YOURS');
    expect((await app.request('POST', `/api/claims/${claimId}/comments`, { token: otherProvider, body: { text: '看一下' } })).status).toBe(403);
    for (const route of ['evidence', 'comments']) {
      const unknown = await app.request('GET', `/api/claims/${randomUUID()}/${route}`, { token: otherProvider });
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'CLAIM.NOT_FOUND']);
    }
    expect((await app.request('GET', `/api/claims/${randomUUID()}/evidence`, { token: reviewer })).status).toBe(404);
    expect((await app.request('GET', `/api/claims/${claimId}/evidence/${randomUUID()}`, { token: reviewer })).body.error.code).toBe('EVIDENCE.NOT_FOUND');
  });

  it('R-CLAIM-3 an evidence file holds personal data: per role, the reviewer, the approver, the administrator and the claim\'s provider open it; an evaluator lists it (hash, size, type) but gets 403; finance and another provider 403', async () => {
    const { body: evidence } = await upload(Buffer.concat([SHEET, Buffer.from('% per role')]), 'application/pdf', { kind: 'ATTENDANCE_SHEET' });
    const approver = await app.login('approver');
    const download = (token: string) => fetch(`${app.baseUrl}/api/claims/${claimId}/evidence/${evidence.evidenceId}`, { headers: { authorization: `Bearer ${token}` } });
    for (const token of [reviewer, approver, admin, provider]) {
      const response = await download(token);
      expect(response.status).toBe(200);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(evidence.sha256);
    }
    const byEvaluator = await download(evaluator);
    expect(byEvaluator.status).toBe(403);
    const refused = (await byEvaluator.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('EVIDENCE.PERSONAL_DATA');
    expect(JSON.stringify(refused)).not.toContain(NAMED);
    const listed = await app.request('GET', `/api/claims/${claimId}/evidence`, { token: evaluator });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ evidenceId: evidence.evidenceId, sha256: evidence.sha256, sizeBytes: evidence.sizeBytes, mediaType: 'application/pdf' }));
    for (const token of [finance, otherProvider]) expect((await download(token)).status).toBe(403);
  });

  it('R-CLAIM-3 comments at any step: the author, side and time in the event, the text sealed and shown to those who may read it', async () => {
    const text = `请核对学员${NAMED}第3天的签到`;
    const key = randomUUID();
    const added = await app.request('POST', `/api/claims/${claimId}/comments`, { token: reviewer, body: { text }, headers: { 'idempotency-key': key } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ claimId, author: { side: 'BUREAU', mine: true }, length: [...text].length, alreadyAdded: false });
    const retried = await app.request('POST', `/api/claims/${claimId}/comments`, { token: reviewer, body: { text }, headers: { 'idempotency-key': key } });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ commentId: added.body.commentId, alreadyAdded: true });
    const reply = await app.request('POST', `/api/claims/${claimId}/comments`, { token: provider, body: { text: '已补充考勤表扫描件' } });
    expect(reply.status).toBe(201);
    expect(reply.body.author.side).toBe('ORGANISATION');
    const empty = await app.request('POST', `/api/claims/${claimId}/comments`, { token: provider, body: { text: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('COMMENT.TEXT_REQUIRED');

    const byReviewer = await app.request('GET', `/api/claims/${claimId}/comments`, { token: reviewer });
    expect(byReviewer.body.items.map((c: { text: string }) => c.text)).toEqual([text, '已补充考勤表扫描件']);
    const byProvider = await app.request('GET', `/api/claims/${claimId}/comments`, { token: provider });
    expect(byProvider.body.items.map((c: { text: string; author: { mine: boolean } }) => [c.text, c.author.mine])).toEqual([[text, false], ['已补充考勤表扫描件', true]]);
    // An evaluator is bureau but does not see personal data: the comments, without their texts.
    const byEvaluator = await app.request('GET', `/api/claims/${claimId}/comments`, { token: evaluator });
    expect(byEvaluator.body.items).toHaveLength(2);
    expect(byEvaluator.body.items[0]).not.toHaveProperty('text');

    const events = await app.system.store.readStream(toClaimRecordsStreamId(claimId));
    expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(NAMED);
    expect(app.logs.join('\n')).not.toContain(NAMED);
  });
});
