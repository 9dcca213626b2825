import { randomUUID } from 'node:crypto';
import { addDays, onDay } from './past-cohorts';
import type { TestApp } from './test-app';

/** A cohort run through HTTP from its plan to its outcomes, as the claims specs record one. */
export interface CompletedPlan {
  readonly programmeType: 'GENERAL' | 'ORDER_BASED';
  /** R-FREE-4: the per-person amount the bureau approves. */
  readonly approvedFen?: number;
  readonly startDay: string;
  /** Days attended by each person, from the start day on, in the order of the people. */
  readonly attended: readonly number[];
  /** How many of the people (from the first) obtain a certificate, and how many a verified job. */
  readonly certified: number;
  readonly employed: number;
  /**
   * The index in the people of a trainee who attends their days from the start day and withdraws (reason recorded) on
   * the next day, recorded that day; not assessed. Leaving before 20% of the 10 planned days takes them out of the
   * R-GATE base (R-GATE-4).
   */
  readonly withdrawn?: number;
}

export async function expectStatus(response: Promise<{ status: number; text: string }>, status: number): Promise<void> {
  const { status: actual, text } = await response;
  if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${text}`);
}

/**
 * Planned, approved and started on plan.startDay by `provider` (approved by `reviewer`); the attendance, a PASS for
 * everyone still enrolled and the completion recorded on its last training day; certificates 5 days later, jobs
 * starting and recorded 10 days later, verified today.
 */
export async function completedCohort(app: TestApp, tokens: { provider: string; reviewer: string }, people: readonly string[], plan: CompletedPlan): Promise<{ cohortId: string; completedOn: string }> {
  const { provider, reviewer } = tokens;
  const lastDay = addDays(plan.startDay, Math.max(...plan.attended) - 1);
  const occupation = `工种-${randomUUID().slice(0, 8)}`;
  const cohortId = await onDay(plan.startDay, async () => {
    const amount = plan.approvedFen === undefined ? {} : { requestedPerPersonAmountFen: plan.approvedFen };
    const body = { programmeType: plan.programmeType, occupation, level: 'JUNIOR', plannedStart: plan.startDay, plannedEnd: addDays(plan.startDay, 9), plannedDays: 10, capacity: 50, ...amount };
    const planned = await app.request('POST', '/api/cohorts', { token: provider, body });
    expect(planned.status).toBe(201);
    const id = planned.body.cohortId as string;
    await expectStatus(app.request('POST', `/api/cohorts/${id}/approve`, { token: reviewer, body: plan.approvedFen === undefined ? {} : { approvedPerPersonAmountFen: plan.approvedFen } }), 200);
    for (const labourerId of people) await expectStatus(app.request('POST', `/api/cohorts/${id}/enrolments`, { token: provider, body: { labourerId } }), 201);
    await expectStatus(app.request('POST', `/api/cohorts/${id}/start`, { token: provider }), 200);
    return id;
  });
  const attend = async (i: number) => {
    for (let d = 0; d < plan.attended[i]!; d++) await expectStatus(app.request('POST', `/api/cohorts/${cohortId}/attendance`, { token: provider, body: { labourerId: people[i], day: addDays(plan.startDay, d) } }), 201);
  };
  if (plan.withdrawn !== undefined) {
    const leaver = plan.withdrawn;
    const withdrawnOn = addDays(plan.startDay, plan.attended[leaver]!);
    await onDay(withdrawnOn, async () => {
      await attend(leaver);
      await expectStatus(app.request('POST', `/api/cohorts/${cohortId}/enrolments/${people[leaver]}/withdraw`, { token: provider, body: { reason: 'PERSONAL_CIRCUMSTANCES', withdrawnOn } }), 200);
    });
  }
  await onDay(lastDay, async () => {
    for (const [i, labourerId] of people.entries()) {
      if (i === plan.withdrawn) continue;
      await attend(i);
      await expectStatus(app.request('POST', `/api/cohorts/${cohortId}/assessments`, { token: provider, body: { labourerId, result: 'PASS', assessedOn: lastDay } }), 201);
    }
    await expectStatus(app.request('POST', `/api/cohorts/${cohortId}/complete`, { token: provider, body: { completedOn: lastDay } }), 200);
  });
  await onDay(addDays(lastDay, 5), async () => {
    for (const labourerId of people.slice(0, plan.certified)) {
      const form = { labourerId, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, number: `SL-${randomUUID().slice(0, 8)}`, issuer: '某评价机构', issuedOn: addDays(lastDay, 5) };
      await expectStatus(app.request('POST', '/api/certificates', { token: provider, body: form }), 201);
    }
  });
  const jobs = await onDay(addDays(lastDay, 10), async () => {
    const ids: string[] = [];
    for (const labourerId of people.slice(0, plan.employed)) {
      const recorded = await app.request('POST', '/api/employments', { token: provider, body: { labourerId, startsOn: addDays(lastDay, 10), evidenceRef: `doc:contract-${randomUUID()}` } });
      expect(recorded.status).toBe(201);
      ids.push(recorded.body.employmentId as string);
    }
    return ids;
  });
  for (const id of jobs) await expectStatus(app.request('POST', `/api/employments/${id}/verify`, { token: reviewer, body: {} }), 200);
  return { cohortId, completedOn: lastDay };
}

/** R-CLAIM-1: the provider's claim for one scheme on one cohort; 201 expected, the claim's body returned. */
export async function claimFor(app: TestApp, provider: string, scheme: string, cohortId: string): Promise<{ claimId: string; status: string; tier: string | null; totalFen: number }> {
  const response = await app.request('POST', '/api/claims', { token: provider, body: { scheme, subject: { kind: 'COHORT', id: cohortId } }, headers: { 'idempotency-key': randomUUID() } });
  if (response.status !== 201) throw new Error(`expected 201 for the ${scheme} claim, got ${response.status}: ${response.text}`);
  return response.body;
}
