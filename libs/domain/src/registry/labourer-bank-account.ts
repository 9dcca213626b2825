import { z } from 'zod';
import { calendarDateSchema } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { defineEvent, type EventOf } from '../shared/event-definition';
import { idFingerprintSchema } from './labourer.events';

/**
 * R-PAY-1: a person payee's bank account was recorded (or replaced) in the personal-data vault. The event is what
 * makes the change traceable; it holds only the keyed fingerprint of the account number, never the account itself.
 */
export const LabourerBankAccountRecorded = defineEvent(
  'LabourerBankAccountRecorded',
  1,
  z.strictObject({ labourerId: z.uuid(), accountFingerprint: idFingerprintSchema, recordedOn: calendarDateSchema }),
);
export type LabourerBankAccountRecorded = EventOf<typeof LabourerBankAccountRecorded>;

export interface RecordLabourerBankAccount {
  readonly type: 'RecordLabourerBankAccount';
  readonly labourerId: string;
  readonly accountFingerprint: string;
  readonly recordedOn: string;
  readonly context: CommandContext;
}

export type LabourerBankAccountState =
  | { readonly status: 'none' }
  | { readonly status: 'recorded'; readonly accountFingerprint: string; readonly recordedOn: string; readonly changes: number };

/** One stream per labourer (toLabourerBankAccountStreamId): every recording is kept, the last one is current. */
export const labourerBankAccountDecider: Decider<RecordLabourerBankAccount, LabourerBankAccountState, LabourerBankAccountRecorded> = {
  initialState: () => ({ status: 'none' }),
  decide(command) {
    switch (command.type) {
      case 'RecordLabourerBankAccount':
        return [{ type: 'LabourerBankAccountRecorded', data: { labourerId: command.labourerId, accountFingerprint: command.accountFingerprint, recordedOn: command.recordedOn } }];
      default:
        return assertNever(command.type);
    }
  },
  evolve(state, event) {
    const changes = state.status === 'recorded' ? state.changes + 1 : 1;
    return { status: 'recorded', accountFingerprint: event.data.accountFingerprint, recordedOn: event.data.recordedOn, changes };
  },
};
