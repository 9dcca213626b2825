import type { TargetSetFlag, TargetSetFlagCode } from '@skills/policy';

/** The task table's own headings (附件1), so a reader finds the figure in the column it came from. */
const SUM_HEADINGS: Readonly<Record<Extract<TargetSetFlagCode, `${string}_SUM_MISMATCH`>, string>> = {
  TASK_SUM_MISMATCH: '任务数',
  PACE_SUM_MISMATCH: '月均推进数',
  HOLDERS_SUM_MISMATCH: '现有持证人数',
  TARGET_SUM_MISMATCH: '持证目标',
};

/**
 * R-TGT-2: a target set flag in the report's language, written from its code, unit and figures (the policy's
 * `message` is English, for the api and logs), with every figure compared so a reader can redo the arithmetic.
 * The report is a bureau document: every section, table and flag reads in Chinese.
 */
export function targetSetFlagText(flag: Pick<TargetSetFlag, 'code' | 'unit' | 'figures'>): string {
  const f = flag.figures;
  switch (flag.code) {
    case 'TASK_SUM_MISMATCH':
    case 'PACE_SUM_MISMATCH':
    case 'HOLDERS_SUM_MISMATCH':
    case 'TARGET_SUM_MISMATCH':
      return `各单位${SUM_HEADINGS[flag.code]}合计 ${f['unitsSum']}，${flag.unit}一行为 ${f['districtLine']}`;
    case 'PACE_NOT_TASK_OVER_MONTHS':
      return `${flag.unit}：月均推进数 ${f['monthlyPace']} 既不是任务数 ${f['task']} ÷ ${f['months']} 个月的四舍五入值 ${f['nearest']}，也不是进一值 ${f['roundedUp']}`;
    case 'TASK_NOT_TARGET_MINUS_HOLDERS':
      return `${flag.unit}：持证目标 ${f['target']} 减现有持证人数 ${f['holdersNow']} 为 ${f['difference']}，与任务数 ${f['task']} 不符`;
    case 'UNIT_MISSING':
      return `${flag.unit}：已登记的单位在任务分解表中没有对应行，没有任务数`;
    default: {
      const unknown: never = flag.code;
      return unknown;
    }
  }
}
