import type { CommandContext } from '../shared/decider';
import type { EnrolTrainee, WithdrawTrainee } from './cohort.commands';
import { cohortDecider, isOpen, type CohortState } from './cohort.decider';
import type { CohortEvent } from './cohort.events';
import { freeTrainingLedgerDecider, type FreeTrainingLedgerState, type ReleaseFreeTraining } from './free-training-ledger.decider';
import type { FreeTrainingLedgerEvent } from './free-training-ledger.events';
import { isFreeTraining } from './training-vocabulary';

export interface EnrolmentStates {
  readonly cohort: CohortState;
  /** The person's ledger, folded from toFreeTrainingLedgerStreamId(labourerId). */
  readonly ledger: FreeTrainingLedgerState;
}

export interface EnrolmentDecision {
  /** Append to toCohortStreamId(cohortId) with the cohort's expected version (capacity, double enrolment). */
  readonly cohortEvents: CohortEvent[];
  /**
   * Append to toFreeTrainingLedgerStreamId(labourerId) with the ledger's expected version, in the same atomic
   * append (R-FREE-2 across providers). Empty for training that is not free: then nothing is appended there.
   */
  readonly ledgerEvents: FreeTrainingLedgerEvent[];
}

/**
 * One decision over two consistency boundaries, like decideLabourerRegistration. The cohort is decided first
 * (state, double enrolment, R-FREE-1, capacity), then the person's ledger (R-FREE-2). On a version conflict on
 * either stream the handler reloads both and decides again, so the retry checks every rule against what won.
 */
export function decideEnrolment(command: EnrolTrainee, states: EnrolmentStates): EnrolmentDecision {
  const cohortEvents = cohortDecider.decide(command, states.cohort);
  const cohort = states.cohort;
  if (!isOpen(cohort)) throw new Error('unreachable: the cohort decider enrols only in an open cohort');
  if (!isFreeTraining(cohort.programmeType)) return { cohortEvents, ledgerEvents: [] };
  const ledgerEvents = freeTrainingLedgerDecider.decide(
    {
      type: 'ReserveFreeTraining',
      labourerId: command.labourerId,
      cohortId: command.cohortId,
      occupation: cohort.occupation,
      level: cohort.level,
      startsOn: cohort.plannedStartOn,
      reservedOn: command.enrolledOn,
      limits: command.limits,
      context: command.context,
    },
    states.ledger,
  );
  return { cohortEvents, ledgerEvents };
}

/**
 * Withdrawal, decided on both streams like an enrolment. R-FREE-2 counts trainings a person had: one who withdrew
 * before the cohort started never had it, so the slot is released; one who withdrew after the start had (part of)
 * it, so it keeps counting — otherwise a fourth training could be had by withdrawing late from a third. "Before the
 * start" means the cohort has not been recorded as started when the withdrawal is decided: a back-dated withdrawal
 * cannot free a slot once the cohort runs.
 */
export function decideWithdrawal(command: WithdrawTrainee, states: EnrolmentStates): EnrolmentDecision {
  const cohortEvents = cohortDecider.decide(command, states.cohort);
  const cohort = states.cohort;
  if (cohort.status !== 'approved' || !isFreeTraining(cohort.programmeType)) return { cohortEvents, ledgerEvents: [] };
  const ledgerEvents = freeTrainingLedgerDecider.decide(
    { type: 'ReleaseFreeTraining', labourerId: command.labourerId, cohortId: command.cohortId, releasedOn: command.withdrawnOn, context: command.context },
    states.ledger,
  );
  return { cohortEvents, ledgerEvents };
}

/**
 * A cohort is cancelled only before it starts, so none of its trainees had the training: the handler that sees
 * CohortCancelled releases each trainee's slot on that trainee's ledger (one stream each, retried until done;
 * releasing twice is a no-op).
 */
export function releasesAfterCancellation(cohort: CohortState, context: CommandContext): ReleaseFreeTraining[] {
  if (cohort.status !== 'cancelled' || !isFreeTraining(cohort.programmeType)) return [];
  return cohort.trainees.map((trainee) => ({
    type: 'ReleaseFreeTraining',
    labourerId: trainee.labourerId,
    cohortId: cohort.cohortId,
    releasedOn: cohort.cancelledOn,
    context,
  }));
}
