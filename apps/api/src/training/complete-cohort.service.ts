import { cohortDecider, shanghaiDateOf, toCohortStreamId, type CohortState } from '@skills/domain';
import { WrongExpectedVersionError, type StreamAppend } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { z } from 'zod';
import { readAttendanceOf } from '../outcomes/attendance-facts';
import type { RegistryDirectory } from '../registry/registry-directory';
import { assertOwnCohort, loadCohort } from './cohort-access';
import type { CompleteCohortForm } from './cohort-forms';

const ATTEMPTS = 5;

/**
 * R-FREE-3: a started cohort completes on a day no earlier than the last day anyone attended it (and, R-GATE-4, no
 * later than the later of that day and the planned end, so the windows cannot be stretched). The attendance of
 * everyone ever enrolled is read with the cohort, and each of those streams is checked again in the same append:
 * a day recorded meanwhile makes the completion decide again (and attendance, which checks the cohort's stream,
 * is decided again on the completion). The decider stays pure: the last day comes in the command.
 */
export async function completeCohort(
  system: System,
  directory: RegistryDirectory,
  cohortId: string,
  providerId: string,
  form: z.infer<typeof CompleteCohortForm>,
  envelope: CommandEnvelope,
): Promise<CohortState> {
  const completedOn = form.completedOn ?? shanghaiDateOf(envelope.now);
  const streamId = toCohortStreamId(cohortId);
  // The request as sent, not the day it defaulted to: a retry after midnight of a request without a date is the same
  // request and gets the stored result (as enrolment and withdrawal hash `form.x ?? null`).
  const commandHash = hashCommand({ type: 'CompleteCohort', cohortId, providerId, completedOn: form.completedOn ?? null });
  for (let attempt = 1; ; attempt++) {
    const cohort = await loadCohort(system, cohortId);
    assertOwnCohort(cohort.state, cohortId, providerId); // before any attendance is read
    const earlier = cohort.recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      return cohort.state;
    }
    const people = cohort.state.status === 'absent' ? [] : [...cohort.state.trainees, ...cohort.state.withdrawn].map((t) => t.labourerId);
    const attendance = await readAttendanceOf(system, cohortId, people);
    const command = { type: 'CompleteCohort' as const, cohortId, providerId, completedOn, lastAttendedOn: attendance.lastAttendedOn, context: contextOf(envelope) };
    const events = cohortDecider.decide(command, cohort.state);
    const appends: StreamAppend[] = [
      {
        streamId,
        expectedVersion: cohort.version === 0 ? 'no_stream' : cohort.version,
        events: toEventsToAppend(system.catalogue, envelope, streamId, events, directory.policyVersionOn(completedOn), commandHash),
      },
      ...attendance.checks,
    ];
    try {
      await system.store.transaction((tx) => system.store.appendManyIn(tx, appends));
      return events.reduce(cohortDecider.evolve, cohort.state);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
