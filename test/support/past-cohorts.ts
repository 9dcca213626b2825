import { randomUUID } from 'node:crypto';
import { DEMO_ENTERPRISE_ID } from '../../apps/api/src/seed/seed-embedded-defaults';
import type { TestApp } from './test-app';

/**
 * Cohorts that started in the past, set up through HTTP: the api dates a plan, an approval, an enrolment and a
 * start by its clock, so Date alone is faked while they are recorded (timers, promises and I/O run for real);
 * attendance, assessments and outcomes for the days since can then be recorded as of today.
 */

const DAY_MS = 86_400_000;
/** What stays real while Date is faked (for a spec that fakes Date itself; onDay does it for you). */
export const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/** The calendar date `n` days after `date` (before it when negative). */
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Runs `steps` with Date at noon, Shanghai time, of `day`, and gives the real clock back after, whatever happens. */
export async function onDay<T>(day: string, steps: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ now: Date.parse(`${day}T04:00:00Z`), advanceTimers: true, doNotFake: [...REAL_TIMERS] });
  try {
    return await steps();
  } finally {
    jest.useRealTimers();
  }
}

/** A training provider the bureau (`admin`'s token) registers in the subdistrict, and the token of a PROVIDER account scoped to it. */
export async function providerWithAccount(app: TestApp, admin: string, username: string, subdistrictId: string): Promise<{ token: string; providerId: string }> {
  const qualification = { number: 'Q-1', validFrom: '2020-01-01', expiresOn: '2099-12-31' };
  const created = await app.request('POST', '/api/providers', { token: admin, body: { name: `培训机构 ${username}`, kind: 'TRAINING_INSTITUTION', subdistrictId, qualification } });
  expect(created.status).toBe(201);
  const providerId = created.body.providerId as string;
  await app.system.accounts.create({ userId: randomUUID(), username, password: `pw-${username}`, roles: ['PROVIDER'], scope: { providerId } });
  const login = await app.request('POST', '/api/auth/login', { body: { username, password: `pw-${username}` } });
  return { token: login.body.token as string, providerId };
}

export interface PastPlan {
  readonly startDay: string;
  readonly plannedEnd: string;
  readonly plannedDays: number;
  /** GENERAL unless said. */
  readonly programmeType?: string;
  /** The day the cohort actually starts: plan.startDay unless said (a cohort may start late). */
  readonly startedOn?: string;
}

/**
 * The facts a programme's plan and approval must carry (cohort-programme.rules.ts): the seeded demo enterprise for
 * R-ENT-1/2 cohorts, an awareness course for R-FREE-8, the catalogue and a 5000-yuan apprenticeship amount.
 */
export function programmeFieldsOf(programmeType: string): { plan: Record<string, unknown>; approval: Record<string, unknown> } {
  const enterprise = programmeType === 'ENTERPRISE_EMPLOYEE' || programmeType === 'APPRENTICESHIP' ? { enterpriseId: DEMO_ENTERPRISE_ID } : {};
  const course = programmeType === 'COLLEGE_ENTREPRENEURSHIP' ? { collegeCourse: 'AWARENESS' } : {};
  const approval = programmeType === 'ENTERPRISE_EMPLOYEE' ? { inSubsidisedCatalogue: true } : programmeType === 'APPRENTICESHIP' ? { approvedPerApprenticeYearFen: 500_000 } : {};
  return { plan: { ...enterprise, ...course }, approval };
}

/**
 * A cohort of a new occupation, planned by `provider`, approved by `reviewer` and joined by `people` on
 * plan.startDay, and started on plan.startedOn (the same day unless said).
 */
export async function startedCohort(app: TestApp, tokens: { provider: string; reviewer: string }, people: readonly string[], plan: PastPlan): Promise<{ cohortId: string; occupation: string }> {
  const planned = await approvedCohort(app, tokens, people, plan);
  await onDay(plan.startedOn ?? plan.startDay, async () => expect((await app.request('POST', `/api/cohorts/${planned.cohortId}/start`, { token: tokens.provider })).status).toBe(200));
  return planned;
}

/** A cohort of a new occupation, planned by `provider`, approved by `reviewer` and joined by `people` on plan.startDay; not started. */
export async function approvedCohort(app: TestApp, tokens: { provider: string; reviewer: string }, people: readonly string[], plan: PastPlan): Promise<{ cohortId: string; occupation: string }> {
  return onDay(plan.startDay, async () => {
    const occupation = `工种-${randomUUID().slice(0, 8)}`;
    const fields = programmeFieldsOf(plan.programmeType ?? 'GENERAL');
    const body = { programmeType: plan.programmeType ?? 'GENERAL', occupation, level: 'JUNIOR', plannedStart: plan.startDay, plannedEnd: plan.plannedEnd, plannedDays: plan.plannedDays, capacity: 50, ...fields.plan };
    const planned = await app.request('POST', '/api/cohorts', { token: tokens.provider, body });
    expect(planned.status).toBe(201);
    const cohortId = planned.body.cohortId as string;
    expect((await app.request('POST', `/api/cohorts/${cohortId}/approve`, { token: tokens.reviewer, body: fields.approval })).status).toBe(200);
    for (const labourerId of people) expect((await app.request('POST', `/api/cohorts/${cohortId}/enrolments`, { token: tokens.provider, body: { labourerId } })).status).toBe(201);
    return { cohortId, occupation };
  });
}
