import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

export type Reply = { status: number; body: any; text: string };

/** `reply` itself when its status is `status`; otherwise an error carrying what the api answered. */
export function expectStatus(reply: Reply, status: number): Reply {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${reply.text}`);
  return reply;
}

/**
 * POST and claim requests under an idempotency key (R-CLAIM-2; a fresh one unless given), answering the reply whatever
 * its status. `app` is asked for at each request, so a spec can start its app in beforeAll.
 */
export function keyedRequests(app: () => TestApp) {
  const post = (route: string, token: string, body: unknown, key: string = randomUUID()): Promise<Reply> => app().request('POST', route, { token, body, headers: { 'idempotency-key': key } });
  /** R-CLAIM-1: a claim for `scheme` on `subject`, over `period` where the scheme claims one. */
  const claim = (token: string, scheme: string, subject: { kind: string; id: string }, period?: { from: string; to: string }, key?: string) =>
    post('/api/claims', token, { scheme, subject, ...(period ? { period } : {}) }, key);
  return { post, claim };
}
