import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { toEvaluationReportStreamId } from '@skills/domain';
import type { System } from '@skills/platform';
import { createApp } from '../../apps/api/src/create-app';
import type { RegistryDirectory } from '../../apps/api/src/registry/registry-directory';
import { evaluationFixture, type EvaluationFixture } from './evaluation-fixture';
import { expectStatus } from './keyed-requests';
import { labourerRegistrar } from './labourers';
import { onDay } from './past-cohorts';

/**
 * The describe every frozen-report integrity spec sits in, one title for all of them: the tests split over several
 * files keep the full names they had in one.
 */
export const FROZEN_REPORT_INTEGRITY = 'a frozen evaluation report stays true to what its run read (R-EVAL-1, R-MON-1)';

export interface EvaluationIntegrity extends Omit<EvaluationFixture, 'runReport'> {
  /** Nancun cards A and B, with certificates, and C, with none, recorded on 2021-01-10. */
  readonly cards: { readonly a: string; readonly b: string; readonly c: string };
  /** A's certificate (issued 2021-01-05) and B's (2020-12-20). */
  readonly certificates: { readonly a: string; readonly b: string };
  /** POSTs the run and follows it to its end; answers the final run. */
  runReport(token: string, body: Record<string, unknown>, key?: string): Promise<any>;
  /** The frozen report as the evaluator reads it, expected 200. */
  report(reportId: string): Promise<any>;
  /** POST …/verify as `token` (the evaluator by default), expected 200; answers the verdict. */
  verify(reportId: string, token?: string): Promise<any>;
  traceRoute(reportId: string, figure: string): string;
  /**
   * Rewrites a report's stored event (`data` becomes `newData`, an SQL expression over $2…) as someone with database
   * rights could: the append-only trigger is the app's guard, not a lock.
   */
  rewriteStored(reportId: string, newData: string, values?: unknown[]): Promise<void>;
  /** Sets the stored event's JSON at `path` (dot-separated) to `value`, by rewriteStored. */
  tamper(reportId: string, path: string, value: unknown): Promise<void>;
}

/**
 * R-EVAL-1, R-MON-1 (issue 7 §3, review findings): what the frozen-report integrity specs start from. The evaluation
 * fixture (the app on a fresh database, the accounts logged in), then on 2021-01-10 two Nancun cards (A, B) recorded
 * with certificates issued 2021-01-05 and 2020-12-20 and a third card C with none. Call it at the top of a describe:
 * its beforeAll hooks, registered before the spec's own, fill the app, tokens, cards and certificates in (read them in
 * a hook or a test, not while the describe is collected); its afterAll closes the app.
 */
export function evaluationIntegrity(): EvaluationIntegrity {
  const fixture = evaluationFixture({ certificatePrefix: 'EVAL-INTEGRITY' });
  const rewriteStored: EvaluationIntegrity['rewriteStored'] = async (reportId, newData, values = []) => {
    const client = new Client({ connectionString: given.app.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      const updated = await client.query(`UPDATE events SET data = ${newData} WHERE stream_id = $1`, [toEvaluationReportStreamId(reportId), ...values]);
      expect(updated.rowCount).toBe(1);
      await client.query('ALTER TABLE events ENABLE TRIGGER events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  };
  const helpers: Pick<EvaluationIntegrity, 'runReport' | 'report' | 'verify' | 'traceRoute' | 'rewriteStored' | 'tamper'> = {
    runReport: async (token, body, key) => (await fixture.runReport(token, body, key)).run,
    report: async (reportId) => expectStatus(await fixture.get(given.evaluator, `/api/evaluation/reports/${reportId}`), 200).body,
    verify: async (reportId, token = given.evaluator) => expectStatus(await fixture.post(`/api/evaluation/reports/${reportId}/verify`, token, {}), 200).body,
    traceRoute: (reportId, figure) => `/api/evaluation/reports/${reportId}/trace?figure=${encodeURIComponent(figure)}`,
    rewriteStored,
    tamper: (reportId, path, value) => rewriteStored(reportId, 'jsonb_set(data, $2::text[], $3::jsonb)', [path.split('.'), JSON.stringify(value)]),
  };
  // The fixture is the prototype, not a copy: its app, tokens and ids are read through it once its beforeAll has filled
  // them in, and its own runReport, which ours follows, stays as it is.
  const given = Object.assign(Object.create(fixture) as EvaluationFixture, helpers) as unknown as EvaluationIntegrity;
  beforeAll(async () => {
    await onDay('2021-01-10', async () => {
      const [a, b, c] = await labourerRegistrar(given.app, given.admin, { subdistrictId: given.nancun, born: '1986-04-15', name: '孙完整', firstSequence: 910 }).many(3);
      const certificates = { a: await fixture.certificate(a!, '2021-01-05'), b: await fixture.certificate(b!, '2020-12-20') };
      Object.assign(given, { cards: { a: a!, b: b!, c: c! }, certificates });
    });
  });
  return given;
}

export interface SecondApiProcess {
  readonly process: NestFastifyApplication;
  readonly url: string;
  /** A request to this process as `token`: a JSON body and an Idempotency-Key when given. */
  request(method: string, route: string, token: string, body?: unknown, key?: string): Promise<{ status: number; body: any; text: string; headers: Headers }>;
}

/**
 * Another api process over the same system (so the same database), listening on a free port, with `directory` as
 * its registry: a restart when it is the first process's, a redeploy with a changed task table when not. The caller
 * closes it.
 */
export async function secondApiProcess(system: System, directory: RegistryDirectory): Promise<SecondApiProcess> {
  const process = await createApp(system, directory);
  await process.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(process.getHttpServer().address() as { port: number }).port}`;
  const request: SecondApiProcess['request'] = async (method, route, token, body, key) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    const response = await fetch(`${url}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text, headers: response.headers };
  };
  return { process, url, request };
}
