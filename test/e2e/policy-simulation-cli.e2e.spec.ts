import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDateOf } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { claimFor, completedCohort } from '../support/claimed-cohorts';
import { addDays } from '../support/past-cohorts';
import { startTestApp, type TestApp } from '../support/test-app';
import { twoProviders } from '../support/two-providers';
import { runWorkerCli } from '../support/worker-cli';


// Issue 4 item 6: `npm run simulate` as an operator runs it, a child process on the system's PostgreSQL. The
// history: one general cohort, 7, 6 and 7 days attended, claimed under R-FREE-3 for 1000 + 900 + 1000 = 2900 yuan.
describe('npm run simulate', () => {
  let app: TestApp;
  let dir: string;
  const today = shanghaiDateOf(new Date().toISOString());

  /** The CLI as `npm run simulate -- …` runs it; resolves with its exit code and both streams. */
  const simulate = (...args: string[]) => runWorkerCli('simulate', app.database.url, args);

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'sc-simulate-'));
    const cast = await twoProviders(app, ['simulate-cli-a', 'simulate-cli-b'], { born: '1992-06-06', name: '孙学员', firstSequence: 600 });
    const people = await cast.registrar.many(3);
    const tokens = { provider: cast.providerA, reviewer: cast.reviewer };
    const { cohortId } = await completedCohort(app, tokens, people, { programmeType: 'GENERAL', startDay: addDays(today, -40), attended: [7, 6, 7], certified: 2, employed: 1 });
    expect(await claimFor(app, cast.providerA, 'R-FREE-3', cohortId)).toMatchObject({ status: 'READY_FOR_REVIEW', totalFen: 290_000 });
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('R-FREE-3 prints the report of a published version on stdout and a summary on stderr; a draft file to --out: 2400 yuan', async () => {
    const live = await simulate('--policy', 'JCCQ-2020-12.v1');
    expect(live.stderr).not.toContain('failed');
    expect(live.code).toBe(0);
    const report = JSON.parse(live.stdout);
    expect(report).toMatchObject({ asOf: today, claims: { total: 1, simulated: 1 }, totals: { liveFen: 290_000, simulatedFen: 290_000, differenceFen: 0 }, flips: [] });
    expect(live.stderr).toContain('policy simulation of JCCQ-2020-12.v1 (published');
    expect(live.stderr).toContain('total (yuan): live 2,900.00  simulated 2,900.00  difference 0.00');
    expect(live.stderr).toMatch(/simulating: [\d,]+ \/ [\d,]+ events \(\d+%\), [\d,]+ events\/s/);

    // R-FREE-3 at 120 a day capped at 900: 7 × 120 = 840, 6 × 120 = 720, 840: 2400 yuan.
    const v1 = structuredClone(JCCQ_2020_12);
    const draft = { ...v1, version: 2, parameters: { ...v1.parameters, freeTraining: { ...v1.parameters.freeTraining, general: { perDayFen: 12_000, capFen: 90_000 } } } };
    writeFileSync(path.join(dir, 'draft.json'), JSON.stringify(draft));
    const out = path.join(dir, 'report.json');
    const changed = await simulate('--file', path.join(dir, 'draft.json'), '--as-of', today, '--out', out);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).totals).toEqual({ liveFen: 290_000, simulatedFen: 240_000, differenceFen: -50_000, payableLiveFen: 290_000, payableSimulatedFen: 240_000, payableDifferenceFen: -50_000 });
    expect(changed.stderr).toContain('  R-FREE-3        1 claims  live 2,900.00  simulated 2,400.00  difference -500.00');
    expect(changed.stderr).toContain(`report written to ${out}`);
  });

  it('refuses bad arguments and a bad draft with exit code 2, naming what to fix, before it reads the history', async () => {
    const neither = await simulate('--as-of', today);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('simulate: give exactly one of --policy <published version> or --file <draft.json>');
    expect(neither.stderr).toContain('usage: npm run simulate --');

    const unknown = await simulate('--policy', 'JCCQ-2020-12.v7');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--policy JCCQ-2020-12.v7 is not published: the versions are JCCQ-2020-12.v1');

    const bad = structuredClone(JCCQ_2020_12) as { parameters: { freeTraining: { general: { perDayFen: number } } } };
    bad.parameters.freeTraining.general.perDayFen = -1;
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const invalid = await simulate('--file', path.join(dir, 'bad.json'));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('parameters.freeTraining.general.perDayFen:');
    expect(invalid.stdout).toBe('');
  });
});
