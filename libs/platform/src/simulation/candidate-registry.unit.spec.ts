import { JCCQ_2020_12, policyVersionOf, type PolicyDocument } from '@skills/policy';
import { candidatePolicyOn } from './candidate-registry';

const version = (v: number, effectiveFrom: string, effectiveTo: string | null): PolicyDocument => ({ ...JCCQ_2020_12, version: v, effectiveFrom, effectiveTo });

describe('policy simulation: which version prices a day', () => {
  // Live: v1 from 2020-12-03, v2 from 2021-07-01. Candidate v3 for 2021-03-01..2021-09-30 only.
  const live = [JCCQ_2020_12, version(2, '2021-07-01', null)];
  const policyOn = candidatePolicyOn(live, version(3, '2021-03-01', '2021-09-30'));
  const on = (day: string) => policyVersionOf(policyOn(day));

  it('R-CLAIM-1 the candidate is in force on every day of its window, even where a later live version would supersede it', () => {
    expect(on('2021-03-01')).toBe('JCCQ-2020-12.v3');
    expect(on('2021-08-15')).toBe('JCCQ-2020-12.v3');
    expect(on('2021-09-30')).toBe('JCCQ-2020-12.v3');
  });

  it('R-CLAIM-1 outside its window the live registry decides, as policyInForceOn does', () => {
    expect(on('2021-02-28')).toBe('JCCQ-2020-12.v1');
    expect(on('2021-10-01')).toBe('JCCQ-2020-12.v2');
    expect(() => on('2020-12-02')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE' }));
  });
});
