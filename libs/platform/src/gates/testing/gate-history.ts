import { randomBytes, randomUUID } from 'node:crypto';
import {
  claimDecider,
  fold,
  toAssessmentStreamId,
  toAttendanceStreamId,
  toCertificateStreamId,
  toClaimStreamId,
  toCohortStreamId,
  toEmploymentStreamId,
  type CalendarDate,
  type ClaimEvent,
  type ClaimLine,
  type EventCatalogue,
  type SubmittedClaim,
} from '@skills/domain';
import type { EventStore, EventToAppend } from '@skills/event-store';
import type { PolicyDocument } from '@skills/policy';
import { cohortOutcomeRates } from '@skills/projections';
import type { SqlExecutor } from '@skills/sql';
import { claimGatesOf } from '../claim-gates-of';

/** 10:00 in Shanghai on `day`: the read models take the day an event was accepted as the day its fact was recorded. */
export const at = (day: CalendarDate) => `${day}T02:00:00.000Z`;

export interface CohortPlan {
  readonly programmeType: 'GENERAL' | 'ORDER_BASED';
  /** R-FREE-4: the per-person amount approved. */
  readonly approvedFen?: number;
  readonly trainees: number;
  /** How many (from the first) hold a certificate in the occupation, issued 2021-03-20. */
  readonly certified: number;
  /** How many (from the first) have a job from 2021-04-01, verified on 2021-04-02. */
  readonly employed: number;
  readonly occupation?: string;
}

export interface PastCohort {
  readonly cohortId: string;
  readonly providerId: string;
  readonly occupation: string;
  readonly trainees: readonly string[];
}

export const PERIOD = { from: '2021-03-01', to: '2021-03-10' } as const;
const VERSION = 'JCCQ-2020-12.v1';

/**
 * Event histories for gate-evaluator tests, appended as the api would have recorded them: a cohort of 2021-03-01..10
 * (10 planned days) whose trainees attend 7 days and pass, completed on 03-10, so its certification window runs to
 * 06-08 and its employment window to 09-06; then claims computed from the read model, as the api computes them.
 */
export class GateHistory {
  constructor(
    private readonly db: SqlExecutor,
    private readonly store: EventStore,
    private readonly catalogue: EventCatalogue,
    private readonly policyOn: (date: CalendarDate) => PolicyDocument,
  ) {}

  /** Appends the events of one stream, accepted on `day`. */
  async record(streamId: string, day: CalendarDate, ...events: { type: string; data: Record<string, unknown> }[]): Promise<void> {
    const metadata = { actor: 'gate-test', correlationId: randomUUID(), causationId: null, occurredAt: at(day) };
    const toAppend = events.map((event): EventToAppend => {
      const serialised = this.catalogue.serialise(event);
      return { eventId: randomUUID(), type: serialised.type, schemaVersion: serialised.schemaVersion, data: serialised.data, metadata };
    });
    await this.store.append({ streamId, expectedVersion: 'any', events: toAppend });
  }

  async cohort(plan: CohortPlan): Promise<PastCohort> {
    const cohortId = randomUUID();
    const providerId = randomUUID();
    const occupation = plan.occupation ?? `工种-${cohortId.slice(0, 8)}`;
    const trainees = Array.from({ length: plan.trainees }, () => randomUUID());
    const stream = toCohortStreamId(cohortId);
    const planned = { cohortId, providerId, programmeType: plan.programmeType, occupation, level: 'JUNIOR', plannedStartOn: PERIOD.from, plannedEndOn: PERIOD.to, plannedDays: 10, capacity: 30 };
    await this.record(stream, '2021-02-01', { type: 'CohortPlanned', data: { ...planned, requestedPerPersonAmountFen: plan.approvedFen ?? null, plannedOn: '2021-02-01' } });
    await this.record(stream, '2021-02-02', { type: 'CohortApproved', data: { cohortId, approvedOn: '2021-02-02', approvedPerPersonAmountFen: plan.approvedFen ?? null } });
    await this.record(stream, '2021-02-03', ...trainees.map((labourerId) => ({ type: 'TraineeEnrolled', data: { cohortId, labourerId, enrolledOn: '2021-02-03' } })));
    await this.record(stream, PERIOD.from, { type: 'CohortStarted', data: { cohortId, startedOn: PERIOD.from } });
    for (const labourerId of trainees) {
      const days = Array.from({ length: 7 }, (_, d) => `2021-03-0${d + 1}`);
      await this.record(toAttendanceStreamId(cohortId, labourerId), PERIOD.to, ...days.map((day) => ({ type: 'AttendanceRecorded', data: { cohortId, labourerId, day } })));
      await this.record(toAssessmentStreamId(cohortId, labourerId), PERIOD.to, { type: 'FinalAssessmentRecorded', data: { cohortId, labourerId, result: 'PASS', assessedOn: PERIOD.to } });
    }
    await this.record(stream, PERIOD.to, { type: 'CohortCompleted', data: { cohortId, completedOn: PERIOD.to } });
    for (const labourerId of trainees.slice(0, plan.certified)) await this.certificate(labourerId, occupation);
    for (const labourerId of trainees.slice(0, plan.employed)) await this.verifiedJob(labourerId, '2021-04-01', '2021-04-02');
    return { cohortId, providerId, occupation, trainees };
  }

  async certificate(labourerId: string, occupation: string): Promise<void> {
    const certificateId = randomUUID();
    const data = { certificateId, labourerId, numberKey: randomBytes(32).toString('hex'), type: 'SKILL_LEVEL', level: 'JUNIOR', occupation, issuer: '某评价机构', issuedOn: '2021-03-20' };
    await this.record(toCertificateStreamId(certificateId), '2021-03-20', { type: 'CertificateRecorded', data });
  }

  /** A job recorded on `recordedOn`, verified on `verifiedOn` (unverified when absent). */
  async verifiedJob(labourerId: string, recordedOn: CalendarDate, verifiedOn?: CalendarDate): Promise<string> {
    const employmentId = randomUUID();
    const stream = toEmploymentStreamId(employmentId);
    await this.record(stream, recordedOn, { type: 'EmploymentRecorded', data: { employmentId, labourerId, startsOn: recordedOn, evidenceRef: `doc:contract-${employmentId}` } });
    if (verifiedOn) await this.verify(employmentId, verifiedOn);
    return employmentId;
  }

  async verify(employmentId: string, day: CalendarDate): Promise<void> {
    await this.record(toEmploymentStreamId(employmentId), day, { type: 'EmploymentVerified', data: { employmentId, verifiedOn: day, verifiedBy: 'reviewer-1' } });
  }

  /**
   * The provider's claim of `day`, through the claim decider with the cohort's gates as of that day (R-GATE-4): every
   * trainee's line at 7 days, R-FREE-3 at 1000 (capped), R-FREE-4 PENDING while its tier is undecided.
   */
  async claim(cohort: PastCohort, scheme: 'R-FREE-3' | 'R-FREE-4', day: CalendarDate): Promise<SubmittedClaim> {
    const found = await cohortOutcomeRates(this.db, cohort.cohortId, day, this.policyOn);
    const claimId = randomUUID();
    const [event] = claimDecider.decide(
      {
        type: 'SubmitClaim',
        claimId,
        scheme,
        subject: { kind: 'COHORT', id: cohort.cohortId },
        period: PERIOD,
        submittedBy: { organisation: { kind: 'PROVIDER', id: cohort.providerId }, accountId: randomUUID() },
        gates: claimGatesOf(found!.rates),
        lines: cohort.trainees.map((labourerId) => lineOf(scheme, labourerId, cohort.providerId)),
        context: { actor: 'provider-clerk', now: at(day) },
      },
      claimDecider.initialState(),
    );
    const data = event!.data as SubmittedClaim;
    await this.record(toClaimStreamId(claimId), day, { type: 'ClaimSubmitted', data: data as unknown as Record<string, unknown> });
    return data;
  }

  /**
   * R-CLAIM-3 through the claim decider: checked and approved on `day` by two bureau accounts with no notice, so released
   * for payment the same day. Only an approved claim's late change is an adjustment claim (R-GATE-4).
   */
  async release(claimId: string, day: CalendarDate): Promise<void> {
    const stream = toClaimStreamId(claimId);
    const check = { type: 'CheckClaim' as const, claimId, actorRoles: ['REVIEWER'], context: { actor: randomUUID(), now: at(day) } };
    const approve = { type: 'ApproveClaim' as const, claimId, noticeDays: 0, policyVersion: VERSION, actorRoles: ['APPROVER'], context: { actor: randomUUID(), now: at(day) } };
    const loaded = (await this.store.readStream(stream)).map((r) => this.catalogue.deserialise(r) as ClaimEvent);
    const checked = claimDecider.decide(check, fold(claimDecider, loaded));
    const approved = claimDecider.decide(approve, fold(claimDecider, [...loaded, ...checked]));
    await this.record(stream, day, ...([...checked, ...approved] as { type: string; data: Record<string, unknown> }[]));
  }
}

function lineOf(scheme: 'R-FREE-3' | 'R-FREE-4', labourerId: string, providerId: string): ClaimLine {
  const base = {
    lineId: randomUUID(),
    ruleId: scheme,
    labourerId,
    period: PERIOD,
    payee: { kind: 'PROVIDER' as const, id: providerId },
    policyVersion: VERSION,
    paymentKey: randomBytes(32).toString('hex'),
  };
  if (scheme === 'R-FREE-3') {
    const explanation = { ruleId: scheme, policyVersion: VERSION, inputs: { labourerId, attendedDays: 7 }, arithmetic: '7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan' };
    return { ...base, explanation, outcome: 'AMOUNT', amountFen: 100_000 };
  }
  const explanation = { ruleId: scheme, policyVersion: VERSION, inputs: { labourerId, attendedDays: 7 }, arithmetic: 'the 80% employment gate is OPEN' };
  return { ...base, explanation, outcome: 'PENDING', reason: { code: 'TIER_UNDECIDED', message: 'the 80% employment gate is OPEN' } };
}
