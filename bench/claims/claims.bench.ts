/**
 * Claim computation for a cohort of 50 trainees (issue 4, "Speed"). Run it with `bash bench/claims/run.sh`.
 * Markdown on stdout, progress on stderr.
 *
 * 1. A fresh PostgreSQL database; the system opened on it in this process as `npm start` would (openSystem, every
 *    projection running in-process; the gate evaluator stopped, so that its rounds do not land in the timings).
 * 2. BENCH_COHORTS completed order-based cohorts of 50 trainees each (claim-cohort.ts: cards, enrolments,
 *    attendance, assessments, certificates, verified jobs), appended as the api records them; then the projections
 *    catch up.
 * 3. Computation, on the first cohort, BENCH_SAMPLES times per scheme (R-FREE-4, R-FREE-5), after BENCH_WARMUP
 *    untimed runs: the scheme's ClaimSource.compute (cohort stream, read-model catch-up check, attendance and outcome
 *    rates from the read models, R-FREE-5's 50 card streams, the pure calculator, lines and payment keys) and the
 *    claim decider's SubmitClaim. Nothing is appended, so the same cohort can be computed again and again.
 * 4. The whole submission, once per cohort and scheme: submit-claim.service's submitClaim, exactly what
 *    POST /api/claims runs after parsing (compute, the 50 payment-key streams read, one atomic append of the claim
 *    and its keys). A cohort can be claimed once per scheme (R-CLAIM-2), hence one sample per cohort: half of them
 *    with the read models caught up first, half back to back.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { claimDecider, shanghaiDateOf, type ClaimScheme } from '@skills/domain';
import { Logger, loadConfig, newEnvelope, openSystem, startProjections, type Principal, type System } from '@skills/platform';
import { submitClaim } from '../../apps/api/src/claims/submit-claim.service';
import { awaitReadModel } from '../../apps/api/src/claims/schemes/await-read-model';
import { claimSourceFor } from '../../apps/api/src/claims/schemes/claim-sources';
import { RegistryDirectory } from '../../apps/api/src/registry/registry-directory';
import { createDatabase, dropDatabase, newDatabaseName, serverDescription, urlOf } from '../lib/bench-databases';
import { loadAverage, machineDescription } from '../lib/machine';
import { EXPECTED_TOTAL_FEN, TRAINEES, appendCompletedCohort, type BenchCohort } from './claim-cohort';

const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 20);
const COHORTS = Number(process.env['BENCH_COHORTS'] ?? 40);
const KEEP = process.env['BENCH_KEEP_DATABASE'] === '1';
const SCHEMES = (process.env['BENCH_SCHEMES'] ?? 'R-FREE-4,R-FREE-5').split(',') as ClaimScheme[];

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

interface Row {
  readonly label: string;
  readonly timings: number[];
}

function row({ label, timings }: Row): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1);
  return `| ${label} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1] ?? NaN)} |`;
}

const providerPrincipal = (cohort: BenchCohort): Principal => ({ userId: randomUUID(), username: 'bench-provider', roles: ['PROVIDER'], scope: { providerId: cohort.providerId } });

/** One computation as POST /api/claims does it, without the append: the source's compute and the decider's verdict. */
async function computeOnce(system: System, directory: RegistryDirectory, cohort: BenchCohort, scheme: ClaimScheme): Promise<number> {
  const principal = providerPrincipal(cohort);
  const submitter = { organisation: { kind: 'PROVIDER' as const, id: cohort.providerId }, accountId: principal.userId };
  const claimId = randomUUID();
  const subject = { kind: 'COHORT' as const, id: cohort.cohortId };
  const at = new Date().toISOString();
  const computed = await claimSourceFor(scheme).compute(system, directory, { claimId, scheme, subject, submitter, today: shanghaiDateOf(at) });
  const [submitted] = claimDecider.decide(
    { type: 'SubmitClaim', claimId, scheme, subject, period: computed.period, submittedBy: submitter, gates: computed.gates, lines: computed.lines, context: { actor: principal.userId, now: at } },
    claimDecider.initialState(),
  );
  if (submitted?.type !== 'ClaimSubmitted') throw new Error(`${scheme}: the decider submitted nothing`);
  return submitted.data.totalFen;
}

function checkTotal(scheme: ClaimScheme, totalFen: number, lineCount?: number): void {
  const expected = EXPECTED_TOTAL_FEN[scheme as keyof typeof EXPECTED_TOTAL_FEN];
  if (totalFen !== expected) throw new Error(`${scheme}: computed ${totalFen} fen, hand-computed ${expected}: the bench cohort is not what README.md says`);
  if (lineCount !== undefined && lineCount !== TRAINEES) throw new Error(`${scheme}: ${lineCount} lines for ${TRAINEES} trainees`);
}

async function main(): Promise<void> {
  const started = now();
  const machine = machineDescription();
  const server = await serverDescription();
  const loadBefore = await loadAverage();
  const name = newDatabaseName('claims');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-claims-'));
  let system: System | undefined;
  await createDatabase(name);
  try {
    const config = loadConfig({
      DATABASE_URL: urlOf(name),
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(48).toString('base64'),
      PII_MASTER_KEY: randomBytes(32).toString('base64'),
      PII_FINGERPRINT_KEY: randomBytes(32).toString('base64'),
      SEED_LOCAL_ACCOUNTS: 'false',
      LOG_LEVEL: 'silent',
    });
    system = await openSystem(config, new Logger('silent', () => undefined));
    await startProjections(system);
    await system.gates?.stop();
    const directory = await RegistryDirectory.load(system);
    const subdistrictId = directory.subdistrictList()[0]!.subdistrictId;

    log(`appending ${COHORTS} completed cohorts of ${TRAINEES} trainees…`);
    const loadStarted = now();
    const cohorts: BenchCohort[] = [];
    for (let i = 0; i < COHORTS; i++) cohorts.push(await appendCompletedCohort(system.store, system.catalogue, subdistrictId));
    await system.runner!.waitUntilCaughtUp();
    const { rows } = await system.db.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
    log(`${rows[0]!.n} events appended and projected in ${((now() - loadStarted) / 1000).toFixed(1)} s`);
    await system.db.query('ANALYZE');

    const first = cohorts[0]!;
    const computation: Row[] = [];
    for (const scheme of SCHEMES) {
      for (let i = 0; i < WARMUP; i++) checkTotal(scheme, await computeOnce(system, directory, first, scheme));
      const timings: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = now();
        const total = await computeOnce(system, directory, first, scheme);
        timings.push(now() - t0);
        checkTotal(scheme, total);
      }
      computation.push({ label: `${scheme} compute + decide (no append)`, timings });
      log(`${scheme}: ${SAMPLES} computations done`);
    }

    // Half the cohorts are submitted once the cohort-outcomes read model has applied the previous claim (the path's own
    // cost), the other half back to back: each submission then first waits for the projection to apply the claim before
    // it, which the runner finds at its next poll (appendClaim's transaction does not wake it).
    const half = Math.ceil(cohorts.length / 2);
    const modes = [
      { label: 'read models caught up first', cohorts: cohorts.slice(0, half), settle: true },
      { label: 'back to back', cohorts: cohorts.slice(half), settle: false },
    ];
    const submission: Row[] = [];
    for (const scheme of SCHEMES) {
      for (const mode of modes) {
        const timings: number[] = [];
        for (const cohort of mode.cohorts) {
          // The same wait as the submission's own first step (awaitReadModel), so the timing starts with nothing to wait for.
          if (mode.settle) await awaitReadModel(system, 'cohort-outcomes');
          const envelope = newEnvelope('bench-provider', randomUUID(), randomUUID());
          const t0 = now();
          const { claim, alreadySubmitted } = await submitClaim(system, directory, providerPrincipal(cohort), { scheme, subject: { kind: 'COHORT', id: cohort.cohortId } }, envelope);
          timings.push(now() - t0);
          if (alreadySubmitted) throw new Error('a fresh Idempotency-Key answered an earlier claim');
          checkTotal(scheme, claim.totalFen, claim.lines.length);
        }
        submission.push({ label: `${scheme} submitClaim with the append, ${mode.label}`, timings });
      }
      log(`${scheme}: ${cohorts.length} submissions done`);
    }

    const loadAfter = await loadAverage();
    const header = ['| path, one cohort of 50 trainees | samples | p50 ms | p95 ms | p99 ms | max ms |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
    process.stdout.write(
      [
        `## Claim computation, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        `- ${machine}; ${server}.`,
        `- Load average ${loadBefore} before, ${loadAfter} after; ${((now() - started) / 1000).toFixed(0)} s in all.`,
        `- ${COHORTS} cohorts, ${rows[0]!.n} events; ${WARMUP} untimed runs per scheme before the computation samples.`,
        `- Totals checked on every sample: R-FREE-4 ${EXPECTED_TOTAL_FEN['R-FREE-4']} fen, R-FREE-5 ${EXPECTED_TOTAL_FEN['R-FREE-5']} fen.`,
        '',
        ...header,
        ...computation.map(row),
        ...submission.map(row),
        '',
      ].join('\n'),
    );
  } finally {
    await system?.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (KEEP) log(`kept database ${name}`);
    else await dropDatabase(name);
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
