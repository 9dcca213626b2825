import { Client } from 'pg';
import { toEvaluationReportStreamId } from '@skills/domain';
import { loginAs } from './support/browser';
import { evaluationPageHistory } from './support/evaluation-page';

jest.setTimeout(240_000);

/**
 * R-EVAL-1, R-MON-1 through the console: verifying a report whose stored copy was edited, on the history of
 * support/evaluation-page.ts and the Nancun officer's H1-2021 report, frozen through the api. A verification that
 * passes is evaluation-report.browser.spec.ts's.
 */
describe('console: the evaluation report page, verifying a stored report (R-EVAL-1, R-MON-1)', () => {
  const given = evaluationPageHistory();
  let officerReportId: string;

  beforeAll(async () => {
    officerReportId = await given.frozenReport(given.officer);
  });

  it('R-EVAL-1 R-MON-1 a report whose stored figures were edited in the database reproduces from the events yet is 未通过: the failed check and the three hashes are shown', async () => {
    const { app, browser, officer, nancun, tokenOf } = given;
    const token = await tokenOf(officer);
    const before = await app.request('GET', `/api/evaluation/reports/${officerReportId}`, { token });
    expect(before.status).toBe(200);
    const frozenHash = before.body.contentHash as string;
    // As someone with database rights could: Nancun's done 4 becomes 40 (the append-only trigger is the app's guard, not a lock).
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      const updated = await client.query(`UPDATE events SET data = jsonb_set(data, '{report,progress,units,0,done,count}', '40'::jsonb) WHERE stream_id = $1`, [toEvaluationReportStreamId(officerReportId)]);
      expect(updated.rowCount).toBe(1);
      await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const page = await loginAs(browser.context, app.baseUrl, officer.username, officer.password);
    await page.goto(`${app.baseUrl}/evaluation?report=${officerReportId}`);
    await expect(page.locator(`[data-testid="evaluation-progress-table"] tr[data-unit="${nancun}"] [data-testid="done"]`).textContent()).resolves.toBe('40');
    await page.getByRole('button', { name: '复核：按事件重新计算' }).click();
    const result = page.locator('[data-testid="evaluation-verify"] [role="status"]');
    await result.waitFor();
    expect([await result.getAttribute('data-verified'), await result.getAttribute('data-stored-intact'), await result.getAttribute('data-reproduced')]).toEqual(['false', 'false', 'true']);
    await expect(page.getByTestId('verify-verdict').textContent()).resolves.toMatch(/^未通过/);
    // Only the stored-intact check failed, with the api's message beside its name.
    const failed = page.locator('[data-testid="failed-checks"] li');
    expect(await failed.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-check')))).toEqual(['STORED_INTACT']);
    await expect(failed.first().textContent()).resolves.toMatch(/^存储的报告已被改动（与冻结时的哈希不符）: the stored report no longer hashes/);
    // The events still give the frozen figures: recomputed = frozen; the edited store hashes to something else.
    await expect(page.getByTestId('frozen-hash').textContent()).resolves.toBe(frozenHash);
    await expect(page.getByTestId('recomputed-hash').textContent()).resolves.toBe(frozenHash);
    const storedHash = await page.getByTestId('stored-hash').textContent();
    expect(storedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(storedHash).not.toBe(frozenHash);
    await page.close();
  });
});
