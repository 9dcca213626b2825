import { randomUUID } from 'node:crypto';
import { addDays, onDay } from './past-cohorts';
import { residentId } from './resident-ids';
import type { TestApp } from './test-app';

/**
 * Set-up through HTTP for the claims of the programme cohorts (R-FREE-6/7/8, R-ENT-1/2) and of the enterprise and award
 * schemes (R-ENT-3/4, R-AWARD-1/2), as programme-claims.e2e.spec.ts and enterprise-scheme-claims.e2e.spec.ts record
 * them. Every request must succeed; a failure names the route and the answer.
 */

type Reply = { status: number; body: any; text: string };

async function expected(reply: Promise<Reply>, status: number, what: string): Promise<Reply> {
  const answer = await reply;
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text}`);
  return answer;
}

/** POST with a fresh idempotency key; `status` expected. */
export const posted = (app: TestApp, route: string, token: string, body: unknown, status = 201): Promise<Reply> =>
  expected(app.request('POST', route, { token, body, headers: { 'idempotency-key': randomUUID() } }), status, `POST ${route}`);

/** An enterprise the bureau (`admin`) registers in the subdistrict, and the token of an ENTERPRISE account scoped to it. */
export async function enterpriseWithAccount(app: TestApp, admin: string, username: string, profile: { subdistrictId: string; headcount: number; insured: boolean }): Promise<{ id: string; token: string }> {
  const id = (await posted(app, '/api/enterprises', admin, { name: `企业 ${username}`, ...profile })).body.enterpriseId as string;
  await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['ENTERPRISE'], scope: { enterpriseId: id } });
  const login = await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } });
  return { id, token: login.body.token as string };
}

/** Registers cards with the key groups and flags asked for (R-REG-4), each a new person born on `born`. */
export function cardRegistrar(app: TestApp, admin: string, options: { subdistrictId: string; born: string; firstSequence: number }) {
  let sequence = options.firstSequence;
  return async (keyGroups: string[], flags: string[] = []): Promise<string> => {
    const body = { idNumber: residentId(options.born, sequence++), name: '钱学员', category: 'RURAL_LABOURER', keyGroups, flags, subdistrictId: options.subdistrictId };
    return (await posted(app, '/api/labourers', admin, body)).body.labourerId as string;
  };
}

export interface ProgrammeCohortPlan {
  readonly programmeType: string;
  readonly startDay: string;
  readonly plannedEnd: string;
  readonly plannedDays: number;
  readonly planFields?: Record<string, unknown>;
  readonly approvalFields?: Record<string, unknown>;
  /** Days each person attends from the start day on, recorded the day after the last of them; none unless said. */
  readonly attended?: readonly number[];
  /** Completed on this day (its last training day), recorded then or once the attendance is; not completed unless said. */
  readonly completedOn?: string;
}

/** Planned by the provider, approved by the bureau (`reviewer`), joined by `people` and started on plan.startDay. */
export async function programmeCohort(app: TestApp, tokens: { provider: string; reviewer: string }, people: readonly string[], plan: ProgrammeCohortPlan): Promise<string> {
  const { provider, reviewer } = tokens;
  const cohortId = await onDay(plan.startDay, async () => {
    const body = { programmeType: plan.programmeType, occupation: `工种-${randomUUID().slice(0, 8)}`, level: 'JUNIOR', plannedStart: plan.startDay, plannedEnd: plan.plannedEnd, plannedDays: plan.plannedDays, capacity: 50, ...plan.planFields };
    const id = (await expected(app.request('POST', '/api/cohorts', { token: provider, body }), 201, 'plan')).body.cohortId as string;
    await expected(app.request('POST', `/api/cohorts/${id}/approve`, { token: reviewer, body: plan.approvalFields ?? {} }), 200, 'approve');
    for (const labourerId of people) await expected(app.request('POST', `/api/cohorts/${id}/enrolments`, { token: provider, body: { labourerId } }), 201, 'enrol');
    await expected(app.request('POST', `/api/cohorts/${id}/start`, { token: provider }), 200, 'start');
    return id;
  });
  const days = plan.attended ?? [];
  const attendanceSent = addDays(plan.startDay, Math.max(0, ...days));
  if (days.some((n) => n > 0)) {
    await onDay(attendanceSent, async () => {
      for (const [i, labourerId] of people.entries()) {
        for (let d = 0; d < (days[i] ?? 0); d++) await expected(app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: provider, body: { labourerId, day: addDays(plan.startDay, d) } }), 201, 'attend');
      }
    });
  }
  const { completedOn } = plan;
  const sentOn = completedOn !== undefined && completedOn > attendanceSent ? completedOn : attendanceSent;
  if (completedOn) await onDay(sentOn, () => expected(app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn } }), 200, 'complete'));
  return cohortId;
}

/** R-CLAIM-1: a claim for one scheme and subject, 201 expected; the claim's body. */
export async function submittedClaim(app: TestApp, token: string, scheme: string, subject: { kind: string; id: string }): Promise<{ claimId: string; status: string; totalFen: number; lines: any[] }> {
  return (await posted(app, '/api/claims', token, { scheme, subject })).body;
}
