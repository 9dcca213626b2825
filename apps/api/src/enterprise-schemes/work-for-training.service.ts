import { firstDayOfMonth, lastDayOfMonth, toWorkForTrainingStreamId, workForTrainingDecider, type WorkForTrainingCommand } from '@skills/domain';
import { policyVersionOf } from '@skills/policy';
import { contextOf, decideAndAppend, deterministicUuid, hashCommand, type CommandEnvelope, type Principal, type System } from '@skills/platform';
import { withinRecordingUnit } from '../outcomes/outcome-recorders';
import type { RegistryDirectory } from '../registry/registry-directory';
import { ownEnterpriseId } from './enterprise-scheme-access';
import type { RecordPlacementForm, RecordWorkedMonthForm } from './enterprise-scheme-forms';
import { assertLabourersRegistered, enterpriseFactsOn } from './registry-facts';

/**
 * R-ENT-3: the caller's enterprise takes on a registered labourer for work-for-training. The placement id comes from
 * the enterprise and its Idempotency-Key, so a retry is the same placement; the insured status is the registry's on
 * the first day of the start month (R-ENT-3 pays some groups only when an insured enterprise absorbs them).
 */
export async function recordPlacement(system: System, directory: RegistryDirectory, principal: Principal, form: RecordPlacementForm, callerEnvelope: CommandEnvelope) {
  const enterpriseId = ownEnterpriseId(principal);
  const labourerId = form.labourerId.toLowerCase();
  await assertLabourersRegistered(system, [labourerId], () => 'labourerId');
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const placementId = deterministicUuid(envelope.idempotencyKey, 'work-for-training-placement');
  const { insured } = await enterpriseFactsOn(system, enterpriseId, firstDayOfMonth(form.startMonth));
  const command: WorkForTrainingCommand = { type: 'RecordWorkForTrainingPlacement', placementId, labourerId, enterpriseId, insuredEnterprise: insured, startMonth: form.startMonth, context: contextOf(envelope) };
  // The form is the request: the registry's answer may change before a retry, which is still the same request.
  const commandHash = hashCommand({ type: command.type, enterpriseId, ...form, labourerId });
  const { events, state } = await run(system, envelope, labourerId, command, policyVersionOf(directory.policyOn(lastDayOfMonth(form.startMonth), 'startMonth')), commandHash);
  const placement = state.status === 'placed' ? state.placements.find((p) => p.placementId === placementId) : undefined;
  return { placementId, labourerId, startMonth: form.startMonth, insuredEnterprise: placement?.insuredEnterprise ?? insured, recorded: events.length > 0 };
}

/** R-ENT-3: a month worked in one of the caller's placements; the limit of months is the policy's for that month. */
export async function recordWorkedMonth(system: System, directory: RegistryDirectory, principal: Principal, form: RecordWorkedMonthForm, callerEnvelope: CommandEnvelope) {
  const enterpriseId = ownEnterpriseId(principal);
  const labourerId = form.labourerId.toLowerCase();
  const envelope = withinRecordingUnit(principal, callerEnvelope);
  const policy = directory.policyOn(lastDayOfMonth(form.month), 'month');
  const command: WorkForTrainingCommand = {
    type: 'RecordWorkForTrainingMonth',
    placementId: form.placementId,
    enterpriseId,
    month: form.month,
    maxMonths: policy.parameters.enterprise.workForTraining.maxMonths,
    context: contextOf(envelope),
  };
  const commandHash = hashCommand({ type: command.type, enterpriseId, ...form, labourerId });
  const { events, state } = await run(system, envelope, labourerId, command, policyVersionOf(policy), commandHash);
  const monthsRecorded = state.status === 'placed' ? state.months.map((m) => m.month) : [];
  return { placementId: form.placementId.toLowerCase(), labourerId, month: form.month, recorded: events.length > 0, monthsRecorded };
}

function run(system: System, envelope: CommandEnvelope, labourerId: string, command: WorkForTrainingCommand, policyVersion: string, commandHash: string) {
  return decideAndAppend({ store: system.store, catalogue: system.catalogue, decider: workForTrainingDecider, streamId: toWorkForTrainingStreamId(labourerId), command, envelope, policyVersion, commandHash });
}
