import { toCohortStreamId, toFreeTrainingLedgerStreamId } from './training-stream-ids';

const ID = '3f6c2a0e-8d1b-4c5e-9a7f-1b2c3d4e5f60';

describe('training stream ids', () => {
  it('prefixes each kind of stream and lower-cases the UUID', () => {
    expect(toCohortStreamId(ID)).toBe(`cohort-${ID}`);
    expect(toFreeTrainingLedgerStreamId(ID.toUpperCase())).toBe(`free-training-ledger-${ID}`);
  });

  it('refuses anything but a UUID', () => {
    expect(() => toCohortStreamId('')).toThrow(RangeError);
    expect(() => toFreeTrainingLedgerStreamId('11010519491231002X')).toThrow(RangeError);
  });
});
