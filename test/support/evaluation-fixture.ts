import { randomUUID } from 'node:crypto';
import { expectStatus, keyedRequests, type Reply } from './keyed-requests';
import { startTestApp, type TestApp } from './test-app';

export interface EvaluationFixture {
  readonly app: TestApp;
  readonly admin: string;
  readonly evaluator: string;
  readonly officer: string;
  readonly provider: string;
  /** The task table's units the evaluation specs record cards in. */
  readonly nancun: string;
  readonly dongjie: string;
  post(route: string, token: string, body: unknown, key?: string): Promise<Reply>;
  get(token: string, route: string): ReturnType<TestApp['request']>;
  /** A JUNIOR electrician's skill-level certificate the admin records (R-CERT-1), expected 201; the key makes a retry of the same request. */
  certificate(labourerId: string, issuedOn: string, key?: string): Promise<string>;
  /** POSTs the run (expected 202) and follows it until it is no longer RUNNING (R-EVAL-1: long runs show progress); answers the POST and the final run. */
  runReport(token: string, body: Record<string, unknown>, key?: string): Promise<{ started: Reply; run: any }>;
}

/**
 * What the evaluation report specs (R-EVAL-1, R-MON-1) start from: the app on a fresh database, the admin, evaluator,
 * Nancun officer and provider logged in, the Nancun and Dongjie unit ids, and the requests they make. Call it at the
 * top of a describe: its beforeAll, registered before the spec's own, fills the app, tokens and ids in (read them
 * in a hook or a test, not while the describe is collected); its afterAll closes the app.
 */
export function evaluationFixture(options: { readonly certificatePrefix?: string } = {}): EvaluationFixture {
  const { post } = keyedRequests(() => given.app);
  let numbers = 0;
  const requests: Pick<EvaluationFixture, 'post' | 'get' | 'certificate' | 'runReport'> = {
    post,
    get: (token, route) => given.app.request('GET', route, { token }),
    async certificate(labourerId, issuedOn, key = randomUUID()) {
      const body = { labourerId, number: `${options.certificatePrefix ?? 'EVAL'}-${++numbers}`, issuer: '市职业技能鉴定中心', type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '电工', issuedOn };
      return expectStatus(await post('/api/certificates', given.admin, body, key), 201).body.certificateId as string;
    },
    async runReport(token, body, key = randomUUID()) {
      const started = expectStatus(await post('/api/evaluation/reports', token, body, key), 202);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const run = expectStatus(await given.get(token, `/api/evaluation/reports/runs/${started.body.runId}`), 200);
        if (run.body.status !== 'RUNNING') return { started, run: run.body };
        if (Date.now() > deadline) throw new Error(`run still RUNNING after 60 s: ${run.text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  // The app, tokens and ids join the requests in beforeAll.
  const given = requests as EvaluationFixture;
  beforeAll(async () => {
    const app = await startTestApp();
    const [admin, evaluator, officer, provider] = await Promise.all([app.login('admin'), app.login('evaluator'), app.login('officer'), app.login('provider')]);
    Object.assign(given, { app, admin, evaluator, officer, provider, nancun: unitOf(app, '南村镇'), dongjie: unitOf(app, '东街办事处') });
  });
  afterAll(() => given.app?.close());
  return given;
}

function unitOf(app: TestApp, name: string): string {
  const id = app.directory.findSubdistrict(name);
  if (!id) throw new Error(`the task table has no unit ${name}: the evaluation specs record cards there`);
  return id;
}
