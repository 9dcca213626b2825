import { createHmac } from 'node:crypto';
import { DomainError, labourerBankAccountDecider, shanghaiDateOf, toLabourerBankAccountStreamId } from '@skills/domain';
import { WrongExpectedVersionError } from '@skills/event-store';
import { fingerprintBankAccount, PersonErasedError } from '@skills/personal-data';
import { contextOf, deterministicUuid, hashCommand, idempotencyKeyReused, loadStream, toEventsToAppend, type CommandEnvelope, type System } from '@skills/platform';
import type { BankAccountForm } from './bank-account-form';

export interface BankAccountRecorded {
  readonly labourerId: string;
  readonly accountFingerprint: string;
  readonly recordedOn: string;
  /** The same Idempotency-Key again: nothing was written. */
  readonly alreadyRecorded: boolean;
}

const labourerErased = () =>
  new DomainError('REGISTRY.LABOURER_ERASED', "This person's data was erased on request: no bank account can be recorded for the card", 'conflict');

/**
 * R-PAY-1: the bank account goes into the person's vault record and LabourerBankAccountRecorded (ids and a keyed
 * fingerprint only) onto the labourer's bank-account stream, in ONE transaction: never an account without its trace.
 * The caller has checked that the card exists and is theirs to change.
 */
export async function recordLabourerBankAccount(system: System, labourerId: string, form: BankAccountForm, envelope: CommandEnvelope): Promise<BankAccountRecorded> {
  const streamId = toLabourerBankAccountStreamId(labourerId);
  const accountFingerprint = fingerprintBankAccount(form.accountNumber, system.secrets.fingerprintKey);
  // The retry check compares a hash of the command; keyed, so that the stored hash reveals no holder or bank name.
  const details = createHmac('sha256', system.secrets.fingerprintKey).update(JSON.stringify(['bank-account-form', form.accountNumber, form.bankName, form.accountName])).digest('hex');
  const commandHash = hashCommand({ type: 'RecordLabourerBankAccount', labourerId, details });
  for (let attempt = 1; ; attempt++) {
    const { version, recorded } = await loadStream(system.store, system.catalogue, labourerBankAccountDecider, streamId);
    const earlier = recorded.find((r) => r.eventId === deterministicUuid(envelope.idempotencyKey, streamId, '0'));
    if (earlier) {
      if (earlier.metadata.commandHash !== commandHash) throw idempotencyKeyReused();
      const data = earlier.data as { accountFingerprint: string; recordedOn: string };
      return { labourerId, accountFingerprint: data.accountFingerprint, recordedOn: data.recordedOn, alreadyRecorded: true };
    }
    const person = await system.vault.get(labourerId);
    if (person === 'erased') throw labourerErased();
    if (person === 'absent') throw new DomainError('REGISTRY.LABOURER_NOT_IN_VAULT', 'The card has no identity in the personal-data vault: register the person again', 'conflict');
    const recordedOn = shanghaiDateOf(envelope.now);
    const command = { type: 'RecordLabourerBankAccount' as const, labourerId, accountFingerprint, recordedOn, context: contextOf(envelope) };
    const events = toEventsToAppend(system.catalogue, envelope, streamId, labourerBankAccountDecider.decide(command, { status: 'none' }), undefined, commandHash);
    try {
      await system.store.transaction(async (tx) => {
        await system.store.appendManyIn(tx, [{ streamId, expectedVersion: version === 0 ? 'no_stream' : version, events }]);
        await system.vault.put(tx, labourerId, { idNumber: person.idNumber, name: person.name, bank: { accountNumber: form.accountNumber, bankName: form.bankName, accountName: form.accountName } });
      });
      return { labourerId, accountFingerprint, recordedOn, alreadyRecorded: false };
    } catch (error) {
      if (error instanceof PersonErasedError) throw labourerErased();
      if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
    }
  }
}
