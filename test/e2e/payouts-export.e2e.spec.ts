import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@skills/domain';
import { payoutActors } from '../support/released-payouts';
import { runWorkerCli } from '../support/worker-cli';
import { expectReply, postKeyed, readyCertificationClaim, type CertificationClaimKit } from '../support/review-claims';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const CSV_ROUTE = '/api/payouts/outbox.csv';

/** The records of a CSV text (no field of this file is quoted: ids, codes and figures only). */
const recordsOf = (text: string) => text.split('\r\n').filter((line) => line !== '').map((line) => line.split(','));

// R-PAY-1 without KAFKA_BROKERS: no relay runs, so an approved claim's instructions wait in the outbox, and finance
// takes them as a CSV file. The test app starts without KAFKA_BROKERS.
describe('payout instructions as a CSV file without Kafka (R-PAY-1)', () => {
  let app: TestApp;
  let kit: CertificationClaimKit;
  let organiser: { id: string; token: string };
  let reviewer: string;
  let approver: string;
  let finance: string;
  const today = shanghaiDateOf(new Date().toISOString());

  beforeAll(async () => {
    app = await startTestApp();
    expect(app.system.payouts).toBeUndefined();
    // A policy version with no notice period: an approval releases the claim for payment at once.
    ({ kit, organiser, reviewer, approver } = await payoutActors(app, { organiser: 'export-organiser', trainees: { born: '1988-02-02', name: '孙学员', firstSequence: 900 }, noticeDays: 0 }));
    finance = await app.login('finance');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('R-PAY-1 an approved claim with notice 0 and no Kafka: the CSV lists its instruction, 90,000 fen = 900.00 yuan, and exporting twice gives the same rows', async () => {
    const empty = await app.request('GET', CSV_ROUTE, { token: finance });
    expect(empty.status).toBe(200);
    expect(recordsOf(empty.text)).toHaveLength(1);
    expect(empty.headers.get('x-payout-instructions')).toBe('0');

    // JUNIOR 300.00 + SENIOR 600.00 yuan: 90,000 fen, both lines paid to the organising enterprise.
    const claim = await readyCertificationClaim(kit, organiser.token, ['JUNIOR', 'SENIOR']);
    expect(claim.body.totalFen).toBe(90_000);
    await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/check`, reviewer, {}), 200);
    expect(await expectReply(postKeyed(app, `/api/claims/${claim.claimId}/approve`, approver, {}), 200)).toMatchObject({ status: 'RELEASED_FOR_PAYMENT' });

    const reply = await app.request('GET', CSV_ROUTE, { token: finance });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="payout-instructions-${today}.csv"`);
    // fetch's text() drops the BOM: the 3 bytes it dropped are in the length.
    expect(Number(reply.headers.get('content-length'))).toBe(Buffer.byteLength(reply.text, 'utf8') + 3);
    const [header, ...rows] = recordsOf(reply.text);
    expect(header).toEqual(expect.arrayContaining(['指令ID instructionId', '金额(分) amountFen', '金额(元) amountYuan']));
    const column = (name: string) => header!.indexOf(name);
    const ofClaim = rows.filter((r) => r[column('申领单ID claimId')] === claim.claimId);
    expect(ofClaim).toHaveLength(1);
    const [row] = ofClaim;
    expect(row![column('收款方类型 payeeKind')]).toBe('ENTERPRISE');
    expect(row![column('收款方ID payeeId')]).toBe(organiser.id);
    expect(row![column('金额(分) amountFen')]).toBe('90000');
    expect(row![column('金额(元) amountYuan')]).toBe('900.00');
    expect(row![column('尝试次数 attempt')]).toBe('1');
    expect(row![column('政策条款 scheme')]).toBe('R-CERT-2');
    expect(row![column('政策版本 policyVersion')]).toBe('JCCQ-2020-12.v2');
    expect(row![column('拨付日期 releasedOn')]).toBe(today);
    expect(row![column('幂等键 idempotencyKey')]).toMatch(/^[0-9a-f]{64}$/);
    // No personal data: the trainee's name is nowhere in the file.
    expect(reply.text).not.toContain('孙学员');

    // A read, not a hand-over: the row still waits for the relay, and an approver gets the same file.
    const again = await app.request('GET', CSV_ROUTE, { token: approver });
    expect(again.status).toBe(200);
    expect(again.text).toBe(reply.text);
    const waiting = await app.system.db.query<{ unsent: number }>(`SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`);
    expect(waiting.rows[0]!.unsent).toBe(rows.length);
  });

  it('R-PAY-1 npm run export-payouts writes the same file, BOM included, to stdout and to --out, and counts the rows on stderr', async () => {
    const exportPayouts = (...args: string[]) => runWorkerCli('export-payouts', app.database.url, args);
    const api = await app.request('GET', CSV_ROUTE, { token: finance });
    const rows = recordsOf(api.text).length - 1;
    expect(rows).toBeGreaterThanOrEqual(1);
    const printed = await exportPayouts();
    expect(printed.stderr).not.toContain('failed');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(`\uFEFF${api.text}`);
    // The first test's claim: 90,000 fen, the only one approved in this database.
    expect(printed.stderr).toBe(`${rows} payout instruction(s) waiting, 90000 fen in all\n`);
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-export-payouts-'));
    try {
      const out = path.join(dir, 'payouts.csv');
      const written = await exportPayouts('--out', out);
      expect(written.code).toBe(0);
      expect(written.stdout).toBe('');
      expect(readFileSync(out)).toEqual(Buffer.from(`\uFEFF${api.text}`, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('R-PAY-1 a provider, an enterprise and a reviewer get 403; no token gets 401', async () => {
    const [provider, reviewerToken] = await Promise.all([app.login('provider'), app.login('reviewer')]);
    expect((await app.request('GET', CSV_ROUTE, { token: provider })).status).toBe(403);
    expect((await app.request('GET', CSV_ROUTE, { token: organiser.token })).status).toBe(403);
    expect((await app.request('GET', CSV_ROUTE, { token: reviewerToken })).status).toBe(403);
    expect((await app.request('GET', CSV_ROUTE)).status).toBe(401);
  });

  it('R-PAY-1 the export route is in the OpenAPI document', async () => {
    const { paths } = (await app.request('GET', '/api/docs/openapi.json')).body;
    expect(paths['/api/payouts/outbox.csv'].get).toBeDefined();
  });
});
