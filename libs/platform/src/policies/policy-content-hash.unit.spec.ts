import { JCCQ_2020_12, parsePolicyDocument, reviewParametersOf } from '@skills/policy';
import { policyContentHash } from './policy-content-hash';

describe('policy content hash with the review parameters (R-CLAIM-3)', () => {
  it('R-CLAIM-3 the shipped JCCQ-2020-12 keeps the content hash it had before the optional review block existed', () => {
    expect(policyContentHash(JCCQ_2020_12)).toBe('ca4e6a95b666230d0e26e815c815a79ce5b7127090538f1f6c84f280b895fb2a');
  });

  it('R-CLAIM-3 a document published before (stored JSON without the block) parses to the same hash and reads the defaults', () => {
    const stored = JSON.parse(JSON.stringify({ ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-07-01' }));
    const parsed = parsePolicyDocument(stored);
    expect(policyContentHash(parsed)).toBe(policyContentHash(stored));
    expect(reviewParametersOf(parsed)).toEqual({ serviceLevelWorkingDays: 10, noticeDays: 7, holidays: [] });
  });

  it('R-CLAIM-3 a document with the block is another document: its hash differs', () => {
    const withNotice = parsePolicyDocument({ ...JCCQ_2020_12, parameters: { ...JCCQ_2020_12.parameters, review: { noticeDays: 0 } } });
    expect(policyContentHash(withNotice)).not.toBe(policyContentHash(JCCQ_2020_12));
  });
});
