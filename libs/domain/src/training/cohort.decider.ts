import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type Decider } from '../shared/decider';
import type { CohortCommand, EnrolTrainee, PlanCohort, WithdrawTrainee } from './cohort.commands';
import type { CohortEvent, CohortPlanned } from './cohort.events';
import * as errors from './cohort.errors';
import { rosterAfterEnrolment, rosterAfterWithdrawal, sameId, type CohortRoster } from './cohort-roster';
import * as rules from './cohort.rules';
import { assertApprovedProgrammeFacts, assertPlannedProgrammeFacts } from './cohort-programme.rules';
import type { CohortCancellationReason } from './training-vocabulary';

export type { CohortTrainee, CohortWithdrawal, CohortRoster } from './cohort-roster';

/** The plan as recorded, plus the trainees enrolled now and those who withdrew (a withdrawn trainee leaves `trainees`). */
export type CohortFacts = CohortPlanned['data'] & CohortRoster;

interface Approval {
  readonly approvedOn: CalendarDate;
  /** R-FREE-4: set by the bureau; null for programmes without a per-person amount. */
  readonly approvedPerPersonAmountFen: number | null;
  /** R-ENT-1, R-ENT-2, R-FREE-7: the programme's own approval facts (cohort-programme.rules.ts), where it has them. */
  readonly inSubsidisedCatalogue?: boolean;
  readonly approvedPerApprenticeYearFen?: number;
  readonly grandfatheredProgrammeId?: string;
}

export type CohortState =
  | { readonly status: 'absent' }
  | (CohortFacts & { readonly status: 'planned' })
  | (CohortFacts & Approval & { readonly status: 'approved' })
  | (CohortFacts & Approval & { readonly status: 'started'; readonly startedOn: CalendarDate })
  | (CohortFacts & Approval & { readonly status: 'completed'; readonly startedOn: CalendarDate; readonly completedOn: CalendarDate })
  | (CohortFacts & { readonly status: 'cancelled'; readonly cancelledOn: CalendarDate; readonly reason: CohortCancellationReason });

export type OpenCohort = Extract<CohortState, { status: 'approved' | 'started' }>;
type Existing = Exclude<CohortState, { status: 'absent' }>;

/**
 * A cohort (培训班): planned by a provider, approved by the bureau, then started and completed, or cancelled before
 * it starts (once started, the training happened and it ends as completed). Trainees enrol while it is approved
 * or started (once started, as late enrolments dated after the start); a trainee who withdrew may enrol again only
 * before the start (R-GATE-4). R-FREE-2 is not decided here
 * but on the person's ledger: see enrolment.ts.
 */
export const cohortDecider: Decider<CohortCommand, CohortState, CohortEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'PlanCohort':
        return plan(command, state);
      case 'ApproveCohort': {
        const cohort = existing(state, command.cohortId);
        if (cohort.status !== 'planned') throw errors.invalidTransition(command.cohortId, cohort.status, 'approved');
        rules.assertHappened(command.approvedOn, 'approvedOn', command.context.now, cohort.plannedOn);
        rules.assertPerPersonAmount(cohort.programmeType, command.approvedPerPersonAmountFen, command.employmentOrientedCapFen, 'approvedPerPersonAmountFen'); // R-FREE-4
        assertApprovedProgrammeFacts(cohort.programmeType, command); // R-ENT-1, R-ENT-2, R-FREE-7
        const { cohortId, approvedOn, approvedPerPersonAmountFen, inSubsidisedCatalogue, approvedPerApprenticeYearFen, grandfatheredProgrammeId } = command;
        const programmeFacts = {
          ...(inSubsidisedCatalogue === undefined ? {} : { inSubsidisedCatalogue }),
          ...(approvedPerApprenticeYearFen === undefined ? {} : { approvedPerApprenticeYearFen }),
          ...(grandfatheredProgrammeId === undefined ? {} : { grandfatheredProgrammeId: grandfatheredProgrammeId.trim() }),
        };
        return [{ type: 'CohortApproved', data: { cohortId, approvedOn, approvedPerPersonAmountFen, ...programmeFacts } }];
      }
      case 'StartCohort': {
        const cohort = own(state, command);
        if (cohort.status !== 'approved') throw errors.invalidTransition(command.cohortId, cohort.status, 'started');
        rules.assertHappened(command.startedOn, 'startedOn', command.context.now, cohort.approvedOn);
        rules.assertStartRecordedPromptly(command.startedOn, command.context.now); // R-GATE-2
        rules.assertQualifiedOn(command.cohortId, command.providerQualification, [command.startedOn]); // R-ORG-1
        rules.assertStartedAfterEnrolments(command.cohortId, command.startedOn, cohort.trainees); // R-GATE-4
        return [{ type: 'CohortStarted', data: { cohortId: command.cohortId, startedOn: command.startedOn } }];
      }
      case 'CompleteCohort': {
        const cohort = own(state, command);
        if (cohort.status !== 'started') throw errors.invalidTransition(command.cohortId, cohort.status, 'completed');
        rules.assertHappened(command.completedOn, 'completedOn', command.context.now, cohort.startedOn);
        rules.assertCompletedAfterAttendance(command.cohortId, command.completedOn, command.lastAttendedOn); // R-FREE-3
        rules.assertCompletedByEndOfTraining(command.cohortId, command.completedOn, cohort.plannedEndOn, command.lastAttendedOn); // R-GATE-4
        return [{ type: 'CohortCompleted', data: { cohortId: command.cohortId, completedOn: command.completedOn } }];
      }
      case 'CancelCohort': {
        const cohort = own(state, command);
        if (cohort.status !== 'planned' && cohort.status !== 'approved') throw errors.invalidTransition(command.cohortId, cohort.status, 'cancelled');
        rules.assertHappened(command.cancelledOn, 'cancelledOn', command.context.now, cohort.plannedOn);
        const { cohortId, cancelledOn, reason } = command;
        return [{ type: 'CohortCancelled', data: { cohortId, cancelledOn, reason } }];
      }
      case 'EnrolTrainee':
        return enrol(command, state);
      case 'WithdrawTrainee':
        return withdraw(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CohortPlanned':
        return state.status === 'absent' ? { status: 'planned', ...event.data, trainees: [], withdrawn: [] } : state;
      case 'CohortApproved': {
        if (state.status !== 'planned') return state;
        const { cohortId: _cohortId, ...approval } = event.data;
        return { ...state, status: 'approved', ...approval };
      }
      case 'CohortStarted':
        return state.status === 'approved' ? { ...state, status: 'started', startedOn: event.data.startedOn } : state;
      case 'CohortCompleted':
        return state.status === 'started' ? { ...state, status: 'completed', completedOn: event.data.completedOn } : state;
      case 'CohortCancelled': {
        if (state.status !== 'planned' && state.status !== 'approved') return state;
        return { ...factsOf(state), status: 'cancelled', cancelledOn: event.data.cancelledOn, reason: event.data.reason };
      }
      case 'TraineeEnrolled': {
        if (state.status !== 'approved' && state.status !== 'started') return state;
        return { ...state, ...rosterAfterEnrolment(state, event, state.status === 'started') };
      }
      case 'TraineeWithdrawn': {
        if (state.status !== 'approved' && state.status !== 'started') return state;
        return { ...state, ...rosterAfterWithdrawal(state, event) };
      }
      default:
        return assertNever(event);
    }
  },
};

function plan(command: PlanCohort, state: CohortState): CohortEvent[] {
  if (state.status !== 'absent') throw errors.cohortAlreadyPlanned(command.cohortId);
  rules.assertPlan(command);
  assertPlannedProgrammeFacts(command); // R-ENT-1, R-ENT-2, R-FREE-8
  rules.assertPerPersonAmount(command.programmeType, command.requestedPerPersonAmountFen, command.employmentOrientedCapFen, 'requestedPerPersonAmountFen'); // R-FREE-4
  const plannedOn = rules.commandDate(command.context.now);
  rules.assertQualifiedOn(command.cohortId, command.providerQualification, [plannedOn, command.plannedStartOn]); // R-ORG-1
  const { cohortId, providerId, programmeType, level, plannedStartOn, plannedEndOn, plannedDays, capacity, requestedPerPersonAmountFen } = command;
  const occupation = command.occupation.trim();
  const programmeFacts = {
    ...(command.enterpriseId === undefined ? {} : { enterpriseId: command.enterpriseId.toLowerCase() }),
    ...(command.collegeCourse === undefined ? {} : { collegeCourse: command.collegeCourse }),
  };
  const data = { cohortId, providerId, programmeType, occupation, level, plannedStartOn, plannedEndOn, plannedDays, capacity, requestedPerPersonAmountFen, plannedOn, ...programmeFacts };
  return [{ type: 'CohortPlanned', data }];
}

function enrol(command: EnrolTrainee, state: CohortState): CohortEvent[] {
  const cohort = openCohort(own(state, command), 'EnrolTrainee');
  rules.assertHappened(command.enrolledOn, 'enrolledOn', command.context.now, cohort.approvedOn);
  if (cohort.status === 'started') rules.assertEnrolmentNotBeforeStart(command.cohortId, cohort.startedOn, command.enrolledOn, command.context.now); // R-GATE-4
  if (cohort.trainees.some((t) => sameId(t.labourerId, command.labourerId))) throw errors.alreadyEnrolled(command.cohortId, command.labourerId);
  const withdrawal = cohort.withdrawn.find((w) => sameId(w.labourerId, command.labourerId));
  rules.assertNoReEnrolmentOnceStarted(command.cohortId, cohort.status, command.labourerId, withdrawal?.withdrawnOn); // R-GATE-4
  rules.assertMayEnrolInFreeTraining(command.cohortId, cohort.programmeType, command.keyGroups, command.flags); // R-FREE-1
  rules.assertCapacity(command.cohortId, cohort.trainees.length, cohort.capacity);
  const { cohortId, labourerId, enrolledOn } = command;
  return [{ type: 'TraineeEnrolled', data: { cohortId, labourerId, enrolledOn } }];
}

function withdraw(command: WithdrawTrainee, state: CohortState): CohortEvent[] {
  const cohort = openCohort(own(state, command), 'WithdrawTrainee');
  const trainee = cohort.trainees.find((t) => sameId(t.labourerId, command.labourerId));
  if (!trainee) throw errors.notEnrolled(command.cohortId, command.labourerId);
  rules.assertHappened(command.withdrawnOn, 'withdrawnOn', command.context.now, trainee.enrolledOn);
  rules.assertWithdrawalAfterAttendance(command.cohortId, command.labourerId, command.withdrawnOn, command.lastAttendedOn); // R-GATE-4
  const { cohortId, labourerId, withdrawnOn, reason } = command;
  return [{ type: 'TraineeWithdrawn', data: { cohortId, labourerId, withdrawnOn, reason } }];
}

function existing(state: CohortState, cohortId: string): Existing {
  if (state.status === 'absent') throw errors.cohortNotFound(cohortId);
  return state;
}

/** A provider acts on its own cohorts only; another provider learns nothing about the cohort's state. */
function own(state: CohortState, command: { readonly cohortId: string; readonly providerId: string }): Existing {
  const cohort = existing(state, command.cohortId);
  if (!sameId(cohort.providerId, command.providerId)) throw errors.notOwnCohort(command.cohortId);
  return cohort;
}

export const isOpen = (state: CohortState): state is OpenCohort => state.status === 'approved' || state.status === 'started';

/** Trainees enrol and withdraw while the cohort is approved or started: not before approval, not once it ended. */
function openCohort(cohort: Existing, action: 'EnrolTrainee' | 'WithdrawTrainee'): OpenCohort {
  switch (cohort.status) {
    case 'approved':
    case 'started':
      return cohort;
    case 'planned':
    case 'completed':
    case 'cancelled':
      if (action === 'EnrolTrainee') throw errors.notOpenForEnrolment(cohort.cohortId, cohort.status);
      throw errors.invalidTransition(cohort.cohortId, cohort.status, 'withdrawn from');
    default:
      return assertNever(cohort);
  }
}

function factsOf(state: Existing): CohortFacts {
  const { cohortId, providerId, programmeType, occupation, level, plannedStartOn, plannedEndOn, plannedDays, capacity, requestedPerPersonAmountFen, plannedOn, trainees, withdrawn } = state;
  const programmeFacts = { ...(state.enterpriseId === undefined ? {} : { enterpriseId: state.enterpriseId }), ...(state.collegeCourse === undefined ? {} : { collegeCourse: state.collegeCourse }) };
  return { cohortId, providerId, programmeType, occupation, level, plannedStartOn, plannedEndOn, plannedDays, capacity, requestedPerPersonAmountFen, plannedOn, ...programmeFacts, trainees, withdrawn };
}
