import { labourerDecider, shanghaiDateOf, toLabourerStreamId } from '@skills/domain';
import { WrongExpectedVersionError } from '@skills/event-store';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';

/**
 * Crypto-shredding: LabourerErased and the deletion of the person's key and record commit in ONE transaction, so
 * there is never an erased key without its event (or the reverse). Repeating it is harmless.
 */
export async function eraseLabourer(system: System, labourerId: string, envelope: CommandEnvelope): Promise<void> {
  const streamId = toLabourerStreamId(labourerId);
  for (let attempt = 1; ; attempt++) {
    const { state, version, recorded } = await loadStream(system.store, system.catalogue, labourerDecider, streamId);
    const command = { type: 'EraseLabourer' as const, labourerId, erasedOn: shanghaiDateOf(envelope.now), context: contextOf(envelope) };
    const commandHash = hashCommand({ type: command.type, labourerId });
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier && earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
    if (state.status === 'erased') {
      await system.vault.erase(labourerId); // finishes an erasure whatever happened before; a no-op otherwise
      return;
    }
    const events = toEventsToAppend(system.catalogue, envelope, streamId, labourerDecider.decide(command, state), undefined, commandHash);
    try {
      await system.store.transaction(async (tx) => {
        await system.store.appendManyIn(tx, [{ streamId, expectedVersion: version, events }]);
        await system.vault.erase(labourerId, tx);
      });
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
    }
  }
}
