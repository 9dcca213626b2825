import { JCCQ_2020_12, POLICY_DOCUMENTS } from './documents';
import type { PolicyDocument } from './policy-document.schema';
import { policyCoversPeriod, policyInForceOn } from './policy-registry';

const version2: PolicyDocument = { ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-07-01' };

describe('policyInForceOn', () => {
  it('R-CLAIM-1 finds JCCQ-2020-12 from its publication day on', () => {
    expect(policyInForceOn(POLICY_DOCUMENTS, '2020-12-03')).toBe(JCCQ_2020_12);
    expect(policyInForceOn(POLICY_DOCUMENTS, '2021-12-31')).toBe(JCCQ_2020_12);
  });

  it('R-CLAIM-1 finds no version before publication', () => {
    expect(() => policyInForceOn(POLICY_DOCUMENTS, '2020-12-02')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE', kind: 'not_found' }));
  });

  it('R-CLAIM-1 lets a newer version take over from its effectiveFrom', () => {
    const documents = [version2, JCCQ_2020_12];
    expect(policyInForceOn(documents, '2021-06-30').version).toBe(1);
    expect(policyInForceOn(documents, '2021-07-01').version).toBe(2);
  });

  it('R-CLAIM-1 honours effectiveTo as the last day in force', () => {
    const ended = { ...JCCQ_2020_12, effectiveTo: '2021-12-31' };
    expect(policyInForceOn([ended], '2021-12-31')).toBe(ended);
    expect(() => policyInForceOn([ended], '2022-01-01')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE' }));
    expect(policyCoversPeriod(ended, '2021-01-01', '2021-12-31')).toBe(true);
    expect(policyCoversPeriod(ended, '2021-01-01', '2022-01-01')).toBe(false);
  });

  it('R-CLAIM-1 of two versions taking effect on the same day, the one published later is in force', () => {
    const other = { ...JCCQ_2020_12, id: 'JCZF-2021-3' };
    expect(policyInForceOn([JCCQ_2020_12, other], '2021-01-01')).toBe(other);
    expect(policyInForceOn([other, JCCQ_2020_12], '2021-01-01')).toBe(JCCQ_2020_12);
  });
});
