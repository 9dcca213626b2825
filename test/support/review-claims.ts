import { randomUUID } from 'node:crypto';
import type { LabourerRegistrar } from './labourers';
import type { TestApp } from './test-app';

type Reply = { status: number; body: any; text: string };

/** POST under a fresh Idempotency-Key unless one is given; the reply whatever its status. */
export const postKeyed = (app: TestApp, route: string, token: string, body: unknown = {}, key: string = randomUUID()): Promise<Reply> =>
  app.request('POST', route, { token, body, headers: { 'idempotency-key': key } });

/** `reply` when its status is `status`; otherwise an error naming what the api answered. */
export async function expectReply(reply: Promise<Reply> | Reply, status: number): Promise<any> {
  const answer = await reply;
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  return answer.body;
}

/** An account of its own with these roles (and scope), logged in: its user id and token. */
export async function accountWith(app: TestApp, username: string, roles: string[], scope: Record<string, string> = {}): Promise<{ userId: string; token: string }> {
  const userId = randomUUID();
  await app.system.accounts.create({ userId, username, password: `pw-${username}`, roles: roles as never, scope });
  const login = await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } });
  if (login.status !== 200) throw new Error(`login as ${username} failed: ${login.text}`);
  return { userId, token: login.body.token as string };
}

export interface CertificationClaimKit {
  readonly app: TestApp;
  /** The bureau's token: records certificates and registers evaluation bodies. */
  readonly admin: string;
  readonly registrar: LabourerRegistrar;
  readonly evaluationBodyId: string;
}

export interface ReadyClaim {
  readonly claimId: string;
  readonly evaluationId: string;
  readonly occupation: string;
  readonly people: readonly string[];
  readonly body: any;
}

let numbers = 0;

/** R-CERT-1: a skill-level certificate of `level` the bureau records for the person, issued on `issuedOn`. */
export async function skillCertificate(kit: CertificationClaimKit, labourerId: string, level: string, occupation: string, issuedOn = '2021-05-25'): Promise<string> {
  const body = { labourerId, type: 'SKILL_LEVEL', level, occupation, number: `REVIEW-E2E-${process.pid}-${++numbers}`, issuer: '市职业技能鉴定中心', issuedOn };
  return (await expectReply(postKeyed(kit.app, '/api/certificates', kit.admin, body), 201)).certificateId as string;
}

/**
 * The fastest claim ready for review (R-CLAIM-3): an R-CERT-2 claim of a free evaluation the organisation held on
 * 2021-05-20 (no outcome gates), one certificate per level given, each of a new person. JUNIOR pays 300.00 yuan,
 * SENIOR 600.00, INTERMEDIATE is a "no rule" line (R-CLAIM-4). Submitted by `submitter` (the organiser's token unless said).
 */
export async function readyCertificationClaim(kit: CertificationClaimKit, organiser: string, levels: readonly string[], submitter = organiser): Promise<ReadyClaim> {
  const occupation = `电工-${randomUUID().slice(0, 8)}`;
  const people = await kit.registrar.many(levels.length);
  const certificates: string[] = [];
  for (const [i, level] of levels.entries()) certificates.push(await skillCertificate(kit, people[i]!, level, occupation));
  const facts = { occupation, certificateType: 'SKILL_LEVEL', evaluatedOn: '2021-05-20', evaluationBodyId: kit.evaluationBodyId, freeOfCharge: true };
  const evaluationId = (await expectReply(postKeyed(kit.app, '/api/free-evaluations', organiser, facts), 201)).evaluationId as string;
  await expectReply(postKeyed(kit.app, `/api/free-evaluations/${evaluationId}/certificates`, organiser, { certificates: certificates.map((certificateId) => ({ certificateId })) }), 201);
  const body = await expectReply(postKeyed(kit.app, '/api/claims', submitter, { scheme: 'R-CERT-2', subject: { kind: 'EVALUATION', id: evaluationId } }), 201);
  if (body.status !== 'READY_FOR_REVIEW') throw new Error(`the claim is ${body.status}, not READY_FOR_REVIEW`);
  return { claimId: body.claimId as string, evaluationId, occupation, people, body };
}
