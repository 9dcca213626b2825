import { employmentDecider, shanghaiDateOf, toEmploymentStreamId, type EmploymentCommand } from '@skills/domain';
import { contextOf, decideAndAppend, deterministicUuid, hashCommand, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { z } from 'zod';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecordEmploymentForm, RejectEmploymentForm, VerifyEmploymentForm } from './outcome-forms';
import { assertMayRecordOutcomeFor, withinRecordingUnit } from './outcome-recorders';

/**
 * R-GATE-3: an employment record; the id comes from the caller's organisation and its Idempotency-Key, so a retry is
 * the same record, and another unit sending the same key makes its own (withinRecordingUnit). A provider records its
 * own trainees' employments only.
 */
export async function recordEmployment(
  system: System,
  directory: RegistryDirectory,
  principal: Principal,
  form: RecordEmploymentForm,
  callerEnvelope: CommandEnvelope,
): Promise<{ employmentId: string; recorded: boolean }> {
  const labourerId = form.labourerId.toLowerCase();
  await assertMayRecordOutcomeFor(system, principal, labourerId);
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const employmentId = deterministicUuid(envelope.idempotencyKey, 'employment');
  const command: EmploymentCommand = {
    type: 'RecordEmployment',
    employmentId,
    labourerId,
    ...(form.employer === undefined ? {} : { employer: form.employer }),
    startsOn: form.startsOn,
    ...(form.endsOn === undefined ? {} : { endsOn: form.endsOn }),
    evidenceRef: form.evidenceRef,
    context: contextOf(envelope),
  };
  const { events } = await run(system, directory, command, envelope, form.startsOn);
  return { employmentId, recorded: events.length > 0 };
}

/**
 * R-GATE-3: a bureau reviewer checked the evidence; only then does the record count for the employment rate. The
 * request is the form as sent: a day left out is today's, and the same key retried after midnight is still a retry.
 */
export async function verifyEmployment(system: System, directory: RegistryDirectory, employmentId: string, form: z.infer<typeof VerifyEmploymentForm>, envelope: CommandEnvelope) {
  const verifiedOn = form.verifiedOn ?? shanghaiDateOf(envelope.now);
  const commandHash = hashCommand({ type: 'VerifyEmployment', employmentId, verifiedOn: form.verifiedOn ?? null });
  const { state } = await run(system, directory, { type: 'VerifyEmployment', employmentId, verifiedOn, context: contextOf(envelope) }, envelope, verifiedOn, commandHash);
  return { employmentId, verified: state.status === 'recorded' && state.verified !== undefined, verifiedOn: state.status === 'recorded' ? state.verified?.verifiedOn : undefined };
}

/**
 * R-GATE-3, R-GATE-4: a bureau reviewer rejects a record whose evidence does not hold up; it never counts, and a
 * closed employment gate stops waiting for its verification.
 */
export async function rejectEmployment(system: System, directory: RegistryDirectory, employmentId: string, form: z.infer<typeof RejectEmploymentForm>, envelope: CommandEnvelope) {
  const rejectedOn = form.rejectedOn ?? shanghaiDateOf(envelope.now);
  const command: EmploymentCommand = { type: 'RejectEmployment', employmentId, reason: form.reason, rejectedOn, context: contextOf(envelope) };
  // As for a verification: the form's day, not the one filled in, says whether a retry is the same request.
  const commandHash = hashCommand({ type: 'RejectEmployment', employmentId, reason: form.reason, rejectedOn: form.rejectedOn ?? null });
  const { state } = await run(system, directory, command, envelope, rejectedOn, commandHash);
  const rejected = state.status === 'recorded' ? state.rejected : undefined;
  return { employmentId, rejected: rejected !== undefined, ...(rejected ? { rejectedOn: rejected.rejectedOn, reason: rejected.reason } : {}) };
}

function run(system: System, directory: RegistryDirectory, command: EmploymentCommand, envelope: CommandEnvelope, onDate: string, commandHash?: string) {
  return decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: employmentDecider,
    streamId: toEmploymentStreamId(command.employmentId),
    command,
    envelope,
    policyVersion: directory.policyVersionOn(onDate),
    ...(commandHash === undefined ? {} : { commandHash }),
  });
}
