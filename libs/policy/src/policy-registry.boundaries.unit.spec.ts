import { JCCQ_2020_12 } from './documents';
import type { PolicyDocument } from './policy-document.schema';
import { policyInForceOn, policyInForceThroughout, policyTimeline } from './policy-registry';

/** A new policy of another notice from 2022-01-01, and an interlude of JCCQ-2020-12 in the second half of 2021. */
const newNotice: PolicyDocument = { ...JCCQ_2020_12, id: 'JCZF-2022-1', version: 1, effectiveFrom: '2022-01-01', effectiveTo: null };
const interlude: PolicyDocument = { ...JCCQ_2020_12, version: 2, effectiveFrom: '2021-07-01', effectiveTo: '2021-09-30' };
const published = [JCCQ_2020_12, newNotice, interlude];
const versionOn = (date: string, documents: readonly PolicyDocument[] = published) => {
  const { id, version } = policyInForceOn(documents, date);
  return `${id}.v${version}`;
};

describe('policy versions in force around their boundaries (R-CLAIM-1)', () => {
  it('R-CLAIM-1 a newer policy takes over on its effectiveFrom, not the day before', () => {
    expect(versionOn('2021-12-31')).toBe('JCCQ-2020-12.v1');
    expect(versionOn('2022-01-01')).toBe('JCZF-2022-1.v1');
    expect(versionOn('2022-01-02')).toBe('JCZF-2022-1.v1');
  });

  it('R-CLAIM-1 a version with an effectiveTo holds through that day, then the version it superseded holds again', () => {
    expect(versionOn('2021-06-30')).toBe('JCCQ-2020-12.v1');
    expect(versionOn('2021-07-01')).toBe('JCCQ-2020-12.v2');
    expect(versionOn('2021-09-30')).toBe('JCCQ-2020-12.v2');
    expect(versionOn('2021-10-01')).toBe('JCCQ-2020-12.v1');
  });

  it('R-CLAIM-1 publication order does not matter when the effective dates differ', () => {
    expect(versionOn('2021-08-01', [interlude, newNotice, JCCQ_2020_12])).toBe('JCCQ-2020-12.v2');
    expect(versionOn('2022-08-01', [newNotice, JCCQ_2020_12])).toBe('JCZF-2022-1.v1');
  });

  it('R-CLAIM-1 names the date when no version is in force: before the first, and in a gap after an ended one', () => {
    expect(() => policyInForceOn(published, '2020-12-02')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE', message: expect.stringContaining('2020-12-02') }));
    const ended = { ...JCCQ_2020_12, effectiveTo: '2021-12-31' };
    const later = { ...newNotice, effectiveFrom: '2022-03-01' };
    expect(versionOn('2021-12-31', [ended, later])).toBe('JCCQ-2020-12.v1');
    expect(() => policyInForceOn([ended, later], '2022-01-01')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE', details: { date: '2022-01-01' } }));
    expect(() => policyInForceOn([ended, later], '2022-02-28')).toThrow(expect.objectContaining({ code: 'POLICY.NONE_IN_FORCE' }));
    expect(versionOn('2022-03-01', [ended, later])).toBe('JCZF-2022-1.v1');
    expect(policyTimeline([ended, later])).toEqual([
      { from: '2020-12-03', to: '2021-12-31', policyVersion: 'JCCQ-2020-12.v1' },
      { from: '2022-01-01', to: '2022-02-28', policyVersion: null },
      { from: '2022-03-01', to: null, policyVersion: 'JCZF-2022-1.v1' },
    ]);
  });

  it('R-CLAIM-1 the timeline lists each period with the one version in force', () => {
    expect(policyTimeline(published)).toEqual([
      { from: '2020-12-03', to: '2021-06-30', policyVersion: 'JCCQ-2020-12.v1' },
      { from: '2021-07-01', to: '2021-09-30', policyVersion: 'JCCQ-2020-12.v2' },
      { from: '2021-10-01', to: '2021-12-31', policyVersion: 'JCCQ-2020-12.v1' },
      { from: '2022-01-01', to: null, policyVersion: 'JCZF-2022-1.v1' },
    ]);
  });

  it('R-REG-3 a period inside one version gets that version; a period across a change is refused, naming the day to split at', () => {
    expect(policyInForceThroughout(published, '2021-01-01', '2021-06-30')).toBe(JCCQ_2020_12);
    expect(() => policyInForceThroughout(published, '2021-01-01', '2021-07-01')).toThrow(
      expect.objectContaining({ code: 'POLICY.CHANGES_WITHIN_PERIOD', kind: 'rule', details: expect.objectContaining({ changesOn: '2021-07-01' }) }),
    );
    expect(() => policyInForceThroughout([{ ...JCCQ_2020_12, effectiveTo: '2021-12-31' }], '2021-12-01', '2022-01-31')).toThrow(
      expect.objectContaining({ code: 'POLICY.CHANGES_WITHIN_PERIOD', details: expect.objectContaining({ changesOn: '2022-01-01' }) }),
    );
  });
});
