import type { TargetSetFlag, TargetSetFlagCode } from '@skills/policy';
import { targetSetFlagText } from './target-set-flag-text';

type FlagFigures = Pick<TargetSetFlag, 'unit' | 'figures'>;

// One flag of every code, with figures as targetSetFlags gives them (libs/policy/src/targets/target-set-flags.ts).
// A Record over the code union: a new code fails to compile here until it has a case and an expected text.
const EVERY_CODE: Record<TargetSetFlagCode, FlagFigures & { readonly text: string }> = {
  // 附件1 as printed: the units' paces 94 + 71 + … = 835, the district line 836.
  PACE_SUM_MISMATCH: { unit: '城区', figures: { unitsSum: 835, districtLine: 836 }, text: '各单位月均推进数合计 835，城区一行为 836' },
  TASK_SUM_MISMATCH: { unit: '城区', figures: { unitsSum: 14_100, districtLine: 14_200 }, text: '各单位任务数合计 14100，城区一行为 14200' },
  HOLDERS_SUM_MISMATCH: { unit: '城区', figures: { unitsSum: 18_380, districtLine: 18_382 }, text: '各单位现有持证人数合计 18380，城区一行为 18382' },
  TARGET_SUM_MISMATCH: { unit: '城区', figures: { unitsSum: 32_580, districtLine: 32_582 }, text: '各单位持证目标合计 32580，城区一行为 32582' },
  // 1600 ÷ 17 = 94.1: nearest 94, rounded up 95; 100 is neither.
  PACE_NOT_TASK_OVER_MONTHS: {
    unit: '南村镇',
    figures: { task: 1_600, months: 17, monthlyPace: 100, nearest: 94, roundedUp: 95 },
    text: '南村镇：月均推进数 100 既不是任务数 1600 ÷ 17 个月的四舍五入值 94，也不是进一值 95',
  },
  // 5000 − 3500 = 1500, while the task says 1600.
  TASK_NOT_TARGET_MINUS_HOLDERS: {
    unit: '南村镇',
    figures: { target: 5_000, holdersNow: 3_500, task: 1_600, difference: 1_500 },
    text: '南村镇：持证目标 5000 减现有持证人数 3500 为 1500，与任务数 1600 不符',
  },
  UNIT_MISSING: { unit: '开发区办事处', figures: {}, text: '开发区办事处：已登记的单位在任务分解表中没有对应行，没有任务数' },
};

describe('R-TGT-2 targetSetFlagText: the target set flags in the report language', () => {
  it.each(Object.entries(EVERY_CODE))('R-TGT-2 %s is written in Chinese from its unit and figures', (code, { unit, figures, text }) => {
    expect(targetSetFlagText({ code: code as TargetSetFlagCode, unit, figures })).toBe(text);
  });

  it('R-TGT-2 no text carries an English word or a missing figure ("undefined", "NaN")', () => {
    for (const [code, { unit, figures }] of Object.entries(EVERY_CODE)) {
      expect(targetSetFlagText({ code: code as TargetSetFlagCode, unit, figures })).not.toMatch(/[A-Za-z]/);
    }
  });
});
