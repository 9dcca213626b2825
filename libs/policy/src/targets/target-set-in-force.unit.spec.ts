import type { TargetSetContent } from '@skills/domain';
import { targetSetInForceOn, targetSetTimeline } from './target-set-in-force';
import type { TargetSetVersion } from './target-set-version';

const version = (name: string, effectiveFrom: string, effectiveTo: string | null = null): TargetSetVersion =>
  ({ targetSetVersion: name, content: { effectiveFrom, effectiveTo } as TargetSetContent }) as TargetSetVersion;

describe('which target set is in force (R-TGT-2, the rule of policy versions)', () => {
  const v1 = version('JCCQ-2020-12.v1', '2020-12-03');
  const v2 = version('JCCQ-2020-12.v2', '2021-07-01');
  const interlude = version('JCCQ-2020-12.v3', '2021-09-01', '2021-09-30');

  it('R-TGT-2 the latest start covering the day wins; an interlude ends and the one it interrupted holds again', () => {
    const versions = [v1, v2, interlude];
    expect(targetSetInForceOn(versions, '2020-12-02')).toBeUndefined();
    expect(targetSetInForceOn(versions, '2021-06-30')).toBe(v1);
    expect(targetSetInForceOn(versions, '2021-07-01')).toBe(v2);
    expect(targetSetInForceOn(versions, '2021-09-15')).toBe(interlude);
    expect(targetSetInForceOn(versions, '2021-10-01')).toBe(v2);
    expect(targetSetTimeline(versions)).toEqual([
      { from: '2020-12-03', to: '2021-06-30', targetSetVersion: 'JCCQ-2020-12.v1' },
      { from: '2021-07-01', to: '2021-08-31', targetSetVersion: 'JCCQ-2020-12.v2' },
      { from: '2021-09-01', to: '2021-09-30', targetSetVersion: 'JCCQ-2020-12.v3' },
      { from: '2021-10-01', to: null, targetSetVersion: 'JCCQ-2020-12.v2' },
    ]);
  });

  it('R-TGT-2 of two starting the same day, the one published later', () => {
    const later = version('JCZF-2021-1.v1', '2021-07-01');
    expect(targetSetInForceOn([v1, v2, later], '2021-07-01')).toBe(later);
  });
});
