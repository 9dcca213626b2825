import { employmentDecider, shanghaiDateOf, toEmploymentStreamId, type EmploymentCommand } from '@skills/domain';
import { contextOf, decideAndAppend, deterministicUuid, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import type { z } from 'zod';
import type { RegistryDirectory } from '../registry/registry-directory';
import type { RecordEmploymentForm, RejectEmploymentForm, VerifyEmploymentForm } from './outcome-forms';
import { assertMayRecordOutcomeFor } from './outcome-recorders';

/**
 * R-GATE-3: an employment record; the id comes from the Idempotency-Key, so a retry is the same record. A provider
 * records its own trainees' employments only.
 */
export async function recordEmployment(
  system: System,
  directory: RegistryDirectory,
  principal: Principal,
  form: RecordEmploymentForm,
  envelope: CommandEnvelope,
): Promise<{ employmentId: string; recorded: boolean }> {
  const labourerId = form.labourerId.toLowerCase();
  await assertMayRecordOutcomeFor(system, principal, labourerId);
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

/** R-GATE-3: a bureau reviewer checked the evidence; only then does the record count for the employment rate. */
export async function verifyEmployment(system: System, directory: RegistryDirectory, employmentId: string, form: z.infer<typeof VerifyEmploymentForm>, envelope: CommandEnvelope) {
  const verifiedOn = form.verifiedOn ?? shanghaiDateOf(envelope.now);
  const { state } = await run(system, directory, { type: 'VerifyEmployment', employmentId, verifiedOn, context: contextOf(envelope) }, envelope, verifiedOn);
  return { employmentId, verified: state.status === 'recorded' && state.verified !== undefined, verifiedOn: state.status === 'recorded' ? state.verified?.verifiedOn : undefined };
}

/**
 * R-GATE-3, R-GATE-4: a bureau reviewer rejects a record whose evidence does not hold up; it never counts, and a
 * closed employment gate stops waiting for its verification.
 */
export async function rejectEmployment(system: System, directory: RegistryDirectory, employmentId: string, form: z.infer<typeof RejectEmploymentForm>, envelope: CommandEnvelope) {
  const rejectedOn = form.rejectedOn ?? shanghaiDateOf(envelope.now);
  const command: EmploymentCommand = { type: 'RejectEmployment', employmentId, reason: form.reason, rejectedOn, context: contextOf(envelope) };
  const { state } = await run(system, directory, command, envelope, rejectedOn);
  const rejected = state.status === 'recorded' ? state.rejected : undefined;
  return { employmentId, rejected: rejected !== undefined, ...(rejected ? { rejectedOn: rejected.rejectedOn, reason: rejected.reason } : {}) };
}

function run(system: System, directory: RegistryDirectory, command: EmploymentCommand, envelope: CommandEnvelope, onDate: string) {
  return decideAndAppend({
    store: system.store,
    catalogue: system.catalogue,
    decider: employmentDecider,
    streamId: toEmploymentStreamId(command.employmentId),
    command,
    envelope,
    policyVersion: directory.policyVersionOn(onDate),
  });
}
