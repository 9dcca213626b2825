import {
  decideEnrolment,
  decideWithdrawal,
  freeTrainingLedgerDecider,
  labourerDecider,
  shanghaiDateOf,
  toCohortStreamId,
  toFreeTrainingLedgerStreamId,
  toLabourerStreamId,
  type EnrolmentDecision,
  type EnrolmentStates,
} from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import { readAttendanceOf } from '../outcomes/attendance-facts';
import type { RegistryDirectory } from '../registry/registry-directory';
import { assertOwnCohort, loadCohort } from './cohort-access';
import type { EnrolTraineeForm, WithdrawTraineeForm } from './cohort-forms';
import { labourerNotEnrollable } from './training-errors';

const ATTEMPTS = 5;

export interface EnrolmentResult {
  readonly cohortId: string;
  readonly labourerId: string;
  /** The same Idempotency-Key again: the first request was applied and nothing more was written. */
  readonly alreadyApplied: boolean;
}

interface TwoStreamCommand {
  readonly cohortId: string;
  readonly labourerId: string;
  readonly providerId: string;
  readonly commandHash: string;
  readonly policyVersion: string;
  /**
   * Decides on the two streams; `checks` are other streams the decision read, appended empty with the version read
   * so that a change to them meanwhile makes the append a conflict and the decision is taken again.
   */
  readonly decide: (states: EnrolmentStates) => Promise<EnrolmentDecision & { readonly checks?: readonly StreamAppend[] }>;
}

/** R-FREE-1, R-FREE-2: enrols a person, reserving a free-training slot on the person's ledger in the same append. */
export async function enrolTrainee(system: System, directory: RegistryDirectory, cohortId: string, providerId: string, form: EnrolTraineeForm, envelope: CommandEnvelope): Promise<EnrolmentResult> {
  const { state: cohort } = await loadCohort(system, cohortId);
  assertOwnCohort(cohort, cohortId, providerId); // before the card is read: a stranger learns nothing about the person
  const labourerId = form.labourerId.toLowerCase();
  const { state: card } = await loadStream(system.store, system.catalogue, labourerDecider, toLabourerStreamId(labourerId));
  if (card.status !== 'registered') throw labourerNotEnrollable(labourerId);
  const enrolledOn = form.enrolledOn ?? shanghaiDateOf(envelope.now);
  const { maxPerCalendarYear, sameOccupationLevelWindowMonths } = directory.policyOn(enrolledOn, 'enrolledOn').parameters.freeTraining;
  const command = {
    type: 'EnrolTrainee' as const,
    cohortId,
    providerId,
    labourerId,
    enrolledOn,
    keyGroups: card.keyGroups,
    flags: card.flags,
    limits: { maxPerCalendarYear, sameOccupationLevelWindowMonths },
    context: contextOf(envelope),
  };
  return decideOnCohortAndLedger(system, envelope, {
    cohortId,
    labourerId,
    providerId,
    commandHash: hashCommand({ type: command.type, cohortId, labourerId, enrolledOn: form.enrolledOn ?? null }),
    policyVersion: directory.policyVersionOn(enrolledOn),
    decide: async (states) => decideEnrolment(command, states),
  });
}

/**
 * Withdrawal before the cohort starts releases the person's free-training slot (see decideWithdrawal). R-GATE-4: the
 * withdrawal may not be dated on or before a day the trainee is recorded as attending, so the trainee's attendance
 * is read with the cohort and checked again when the withdrawal is appended.
 */
export async function withdrawTrainee(
  system: System,
  directory: RegistryDirectory,
  cohortId: string,
  labourerId: string,
  providerId: string,
  form: WithdrawTraineeForm,
  envelope: CommandEnvelope,
): Promise<EnrolmentResult> {
  const withdrawnOn = form.withdrawnOn ?? shanghaiDateOf(envelope.now);
  const command = { type: 'WithdrawTrainee' as const, cohortId, providerId, labourerId, withdrawnOn, reason: form.reason, context: contextOf(envelope) };
  return decideOnCohortAndLedger(system, envelope, {
    cohortId,
    labourerId,
    providerId,
    commandHash: hashCommand({ type: command.type, cohortId, labourerId, reason: form.reason, withdrawnOn: form.withdrawnOn ?? null }),
    policyVersion: directory.policyVersionOn(withdrawnOn),
    decide: async (states) => {
      const attendance = await readAttendanceOf(system, cohortId, [labourerId]);
      return { ...decideWithdrawal({ ...command, lastAttendedOn: attendance.lastAttendedOn }, states), checks: attendance.checks };
    },
  });
}

/**
 * One decision over the cohort and the person's ledger, appended atomically with both expected versions. Two
 * providers enrolling the same person at once: one append fails on the ledger's version, and its retry decides
 * again against the reservation that won, so R-FREE-2 holds across providers.
 */
async function decideOnCohortAndLedger(system: System, envelope: CommandEnvelope, args: TwoStreamCommand): Promise<EnrolmentResult> {
  const cohortStream = toCohortStreamId(args.cohortId);
  const ledgerStream = toFreeTrainingLedgerStreamId(args.labourerId);
  const result = { cohortId: args.cohortId, labourerId: args.labourerId };
  for (let attempt = 1; ; attempt++) {
    const [cohort, ledger] = await Promise.all([loadCohort(system, args.cohortId), loadStream(system.store, system.catalogue, freeTrainingLedgerDecider, ledgerStream)]);
    assertOwnCohort(cohort.state, args.cohortId, args.providerId);
    // The same key again: this command's first cohort event is stored, so it was applied; change nothing.
    const earlier = cohort.recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, cohortStream, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== args.commandHash) throw idempotencyKeyReused();
      return { ...result, alreadyApplied: true };
    }
    const decision = await args.decide({ cohort: cohort.state, ledger: ledger.state });
    const appends: StreamAppend[] = [
      { streamId: cohortStream, expectedVersion: expected(cohort.version), events: toEventsToAppend(system.catalogue, envelope, cohortStream, decision.cohortEvents, args.policyVersion, args.commandHash) },
    ];
    if (decision.ledgerEvents.length > 0) {
      appends.push({ streamId: ledgerStream, expectedVersion: expected(ledger.version), events: toEventsToAppend(system.catalogue, envelope, ledgerStream, decision.ledgerEvents, args.policyVersion, args.commandHash) });
    }
    appends.push(...(decision.checks ?? []));
    try {
      await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
      return { ...result, alreadyApplied: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

const expected = (version: number) => (version === 0 ? ('no_stream' as const) : version);
