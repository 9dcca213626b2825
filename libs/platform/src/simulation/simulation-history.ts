import { claimDecider, trainingStartOf, type CalendarDate, type ClaimEvent, type CohortEvent, type FirstIssue, type Flag, type KeyGroup, type PolicyVersionPublished, type SubmittedClaim, type ClaimState } from '@skills/domain';
import { publishedPolicyVersionOf, type PolicyDocument } from '@skills/policy';
import { CohortHistory, foldCohortEvent, foldCohortRecord } from './cohort-history';
import type { HistoryEvent } from './history-reader';
import { PersonHistory } from './person-history';
import { SCHEME_FACT_EVENTS, SchemeFactHistory, firstIssuesAtSubmission, type WorkAtSubmission } from './scheme-fact-history';

const COHORT_EVENTS = ['CohortPlanned', 'CohortApproved', 'CohortStarted', 'CohortCompleted', 'CohortCancelled', 'TraineeEnrolled', 'TraineeWithdrawn'];
const COHORT_RECORDS = ['AttendanceRecorded', 'FinalAssessmentRecorded', 'FinalAssessmentCorrected'];
const PERSON_EVENTS = ['LabourerRegistered', 'LabourerGroupsChanged', 'LabourerErased', 'CertificateRecorded', 'EmploymentRecorded', 'EmploymentVerified', 'EmploymentRejected'];
const CLAIM_EVENTS = ['ClaimSubmitted', 'ClaimTierDecided', 'ClaimGatesHeld', 'ClaimBlocked', 'ClaimLateOutcomeFlagged', 'ClaimOverrideProposed', 'ClaimOverrideApproved', 'ClaimOverrideRejected', 'ClaimAdjustmentLinked', 'ClaimAdjustmentReverted'];
/**
 * R-CLAIM-3: the review steps that move a claim's stage (lifecycleStatusOf), ClaimResubmitted replacing its lines and
 * ClaimRejected making it final. Taking and releasing a claim of the queue moves nothing and is not read.
 */
const REVIEW_EVENTS = ['ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment', 'ClaimReturned', 'ClaimRejected', 'ClaimResubmitted', 'ClaimObjectionReturned'];

/** Every event type the simulation reads: the rest of the history (payment keys, ledgers, identities, …) is filtered out in SQL. */
export const SIMULATION_EVENT_TYPES: readonly string[] = ['PolicyVersionPublished', ...PERSON_EVENTS, ...COHORT_EVENTS, ...COHORT_RECORDS, ...CLAIM_EVENTS, ...REVIEW_EVENTS, ...SCHEME_FACT_EVENTS];

const cohortEvents = new Set(COHORT_EVENTS);
const cohortRecords = new Set(COHORT_RECORDS);
const personEvents = new Set(PERSON_EVENTS);
const claimEvents = new Set([...CLAIM_EVENTS, ...REVIEW_EVENTS]);
const schemeFactEvents = new Set(SCHEME_FACT_EVENTS);

/** What a cohort claim was computed from when it was submitted: the roster, the days and the cards as they stood then. */
export interface SubmissionFacts {
  /** Everyone ever enrolled, withdrawn trainees included, with the days attended (cohortClaimFacts's trainees). */
  readonly trainees: readonly SubmittedTrainee[];
  readonly trainingDaysHeld: number;
}

export interface SubmittedTrainee {
  readonly labourerId: string;
  readonly attendedDays: number;
  readonly enrolledOn: CalendarDate;
  /** R-FREE-4: a trainee who left is not paid the per-person amount. */
  readonly withdrawnOn?: CalendarDate;
  /** R-FREE-5/6/7/8: the day the trainee's training began (trainingStartOf) and the card as of it (R-REG-4). */
  readonly cardAsOf?: CalendarDate;
  readonly keyGroups: KeyGroup[];
  readonly flags: Flag[];
}

/**
 * One claim and the facts its lines were last computed from: at its submission, or at its latest resubmission
 * (R-CLAIM-3), which replaces the lines and the facts behind them, so only the latest are kept.
 */
export interface ClaimHistory {
  /** The claim's stream folded by the claim decider's own evolve: what the system shows today. */
  state: ClaimState;
  /** The claim as (re)submitted, before any gate decision replaced its lines. */
  readonly submitted: SubmittedClaim;
  readonly atSubmission?: SubmissionFacts;
  /** R-ENT-3: the person's work-for-training and cards as the claim read them. */
  readonly workAtSubmission?: WorkAtSubmission;
  /** R-CERT-2: the first issues as the claim judged them, by certificate. */
  readonly firstIssuesAtSubmission?: ReadonlyMap<string, FirstIssue>;
}

/**
 * The whole history folded in memory in one pass, as the read models and the claim streams hold it. A fact recorded
 * after `asOf` is not folded: the simulation is of the system as it stood at the end of that day.
 */
export class SimulationHistory {
  readonly cohorts = new Map<string, CohortHistory>();
  readonly people = new PersonHistory();
  /** The fact streams of R-ENT-3, R-ENT-4, R-AWARD-1 and R-AWARD-2. */
  readonly schemeFacts = new SchemeFactHistory();
  readonly claims = new Map<string, ClaimHistory>();
  /** Published policy versions, in publication order (the shipped ones are not events). */
  readonly published: PolicyDocument[] = [];
  /** rm_cohort_trainees by person: the cohorts each person ever enrolled in (R-GATE-2's certificate owner). */
  readonly cohortsOfPerson = new Map<string, string[]>();

  constructor(private readonly asOf: CalendarDate) {}

  fold({ event, recordedOn }: HistoryEvent): void {
    if (recordedOn > this.asOf) return;
    const type = event.type;
    if (cohortRecords.has(type)) {
      foldCohortRecord(this.cohort((event.data as { cohortId: string }).cohortId), event, recordedOn);
    } else if (personEvents.has(type)) {
      this.people.fold(event, recordedOn);
    } else if (cohortEvents.has(type)) {
      const cohortId = (event.data as { cohortId: string }).cohortId.toLowerCase();
      foldCohortEvent(this.cohort(cohortId), event as CohortEvent, recordedOn, (labourerId) => this.enrolled(labourerId, cohortId));
    } else if (claimEvents.has(type)) {
      this.foldClaim(event as ClaimEvent);
    } else if (type === 'PolicyVersionPublished') {
      // Validated again as the policy catalogue does when it loads a published version.
      this.published.push(publishedPolicyVersionOf(event as PolicyVersionPublished, `${recordedOn}T00:00:00.000Z`).document);
    } else if (schemeFactEvents.has(type)) {
      this.schemeFacts.fold(event);
    }
  }

  cohort(cohortId: string): CohortHistory {
    const id = cohortId.toLowerCase();
    let cohort = this.cohorts.get(id);
    if (!cohort) this.cohorts.set(id, (cohort = new CohortHistory()));
    return cohort;
  }

  private enrolled(labourerId: string, cohortId: string): void {
    const list = this.cohortsOfPerson.get(labourerId);
    if (list) list.push(cohortId);
    else this.cohortsOfPerson.set(labourerId, [cohortId]);
  }

  private foldClaim(event: ClaimEvent): void {
    const claimId = event.data.claimId.toLowerCase();
    const known = this.claims.get(claimId);
    if (event.type === 'ClaimSubmitted') {
      if (known) return;
      const state = claimDecider.evolve(claimDecider.initialState(), event);
      this.claims.set(claimId, { state, ...this.computedFrom(event.data) });
      return;
    }
    if (!known) return;
    const state = claimDecider.evolve(known.state, event);
    // R-CLAIM-3: a resubmission is the claim's source run again on the corrected records (review-decisions.service.ts):
    // its lines are recomputed from the facts as they stand now, which replace those of the submission.
    if (event.type === 'ClaimResubmitted' && state.status === 'submitted') this.claims.set(claimId, { state, ...this.computedFrom(state.claim) });
    else known.state = state;
  }

  /** What the claim's source read when it computed these lines: the facts folded so far (committed before it). */
  private computedFrom(claim: SubmittedClaim): Omit<ClaimHistory, 'state'> {
    const atSubmission = claim.subject.kind === 'COHORT' ? this.submissionFacts(claim.subject.id) : undefined;
    const workAtSubmission = claim.scheme === 'R-ENT-3' ? this.schemeFacts.workAtSubmission(claim.subject.id, claim.submittedBy.organisation.id, this.people) : undefined;
    const firstIssues = claim.scheme === 'R-CERT-2' ? firstIssuesAtSubmission(this.schemeFacts.evaluations.get(claim.subject.id.toLowerCase()), this.people) : undefined;
    return {
      submitted: claim,
      ...(atSubmission ? { atSubmission } : {}),
      ...(workAtSubmission ? { workAtSubmission } : {}),
      ...(firstIssues ? { firstIssuesAtSubmission: firstIssues } : {}),
    };
  }

  /**
   * The facts the claim source read at submission: the roster from the cohort's stream and the days from the read
   * model, both caught up with everything committed before the claim (here: folded before it).
   */
  private submissionFacts(cohortId: string): SubmissionFacts | undefined {
    const cohort = this.cohorts.get(cohortId.toLowerCase());
    const state = cohort?.decider;
    if (!cohort || !state || state.status === 'absent') return undefined;
    const startedOn = state.status === 'started' || state.status === 'completed' ? state.startedOn : undefined;
    const roster = [...state.trainees.map((t) => ({ ...t, withdrawnOn: undefined })), ...state.withdrawn];
    return {
      trainees: roster.map((t): SubmittedTrainee => {
        const labourerId = t.labourerId.toLowerCase();
        const cardAsOf = startedOn === undefined ? undefined : trainingStartOf({ startedOn }, t);
        return {
          labourerId,
          attendedDays: cohort.attendedDays(labourerId),
          enrolledOn: t.enrolledOn,
          ...(t.withdrawnOn === undefined ? {} : { withdrawnOn: t.withdrawnOn }),
          ...(cardAsOf === undefined ? {} : { cardAsOf }),
          ...(cardAsOf === undefined ? { keyGroups: [], flags: [] } : this.people.markersOn(labourerId, cardAsOf)),
        };
      }),
      trainingDaysHeld: cohort.trainingDaysHeld,
    };
  }
}
