import { labourerBankAccountDecider as decider, type RecordLabourerBankAccount } from './labourer-bank-account';
import { fold } from '../shared/decider';

const labourerId = '0b7f6a52-4f0e-4d4a-9a55-6c1f0e1f7a01';
const first = 'a'.repeat(64);
const second = 'b'.repeat(64);
const record = (accountFingerprint: string, recordedOn: string): RecordLabourerBankAccount => ({
  type: 'RecordLabourerBankAccount',
  labourerId,
  accountFingerprint,
  recordedOn,
  context: { actor: 'clerk', now: `${recordedOn}T02:00:00Z` },
});

describe('a labourer bank account stream (R-PAY-1)', () => {
  it('R-PAY-1 each recording is one event with the fingerprint only; the last recording is current', () => {
    const events = [...decider.decide(record(first, '2026-11-02'), decider.initialState()), ...decider.decide(record(second, '2026-11-20'), decider.initialState())];
    expect(events).toEqual([
      { type: 'LabourerBankAccountRecorded', data: { labourerId, accountFingerprint: first, recordedOn: '2026-11-02' } },
      { type: 'LabourerBankAccountRecorded', data: { labourerId, accountFingerprint: second, recordedOn: '2026-11-20' } },
    ]);
    expect(fold(decider, events)).toEqual({ status: 'recorded', accountFingerprint: second, recordedOn: '2026-11-20', changes: 2 });
    expect(fold(decider, [])).toEqual({ status: 'none' });
  });
});
