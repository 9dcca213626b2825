import type { DistrictTarget, TaskTableLine, TargetSetContent } from '@skills/domain';

/** A target set as it ships: the units named as printed, matched to the registry when it is loaded (R-REG-5). */
export interface ShippedTargetSet extends Omit<TargetSetContent, 'rows'> {
  readonly version: number;
  readonly title: string;
  readonly source: string;
  readonly rows: readonly (TaskTableLine & { readonly unit: string })[];
}

const line = (name: string, task: number, monthlyPace: number) => ({ unit: name, holdersNow: null, target: null, task, monthlyPace });
const target = (code: DistrictTarget['code'], unit: DistrictTarget['unit'], minimum: number, from: string, to: string, maximum: number | null = null): DistrictTarget => ({ code, unit, minimum, maximum, from, to });
const Y2020 = ['2020-01-01', '2020-12-31'] as const;
const Y2021 = ['2021-01-01', '2021-12-31'] as const;
const BOTH = ['2020-01-01', '2021-12-31'] as const;

/**
 * 城政发〔2020〕12号: 附件1 (R-TGT-2) exactly as printed, and the district targets of the notice (R-TGT-1). The units'
 * holders and targets are blank in the notice, so they are null here; the units' monthly paces sum to 835 while the
 * district line says 836, and that stays as printed (it comes out as a flag, data/task-table/README.md).
 * "到2021年底" targets run over the plan's two years (2020—2021); "每年" ones once per calendar year; the 8,000 over two
 * years is the notice's own figure beside the 4,000 a year; "2—3个" studios is a range (2 meets it).
 */
export const JCCQ_2020_12_TARGETS: ShippedTargetSet = {
  targetSetId: 'JCCQ-2020-12',
  version: 1,
  title: '晋城市城区“人人持证 技能社会”行动任务分解表',
  source: '城政发〔2020〕12号 附件1; 二、行动目标',
  effectiveFrom: '2020-12-03',
  effectiveTo: null,
  period: { from: '2020-08', to: '2021-12' },
  district: { holdersNow: 18_382, target: 32_582, task: 14_200, monthlyPace: 836 },
  rows: [
    line('南村镇', 1_600, 94),
    line('西上庄办事处', 1_200, 71),
    line('钟家庄办事处', 3_000, 176),
    line('东街办事处', 2_000, 118),
    line('南街办事处', 1_600, 94),
    line('西街办事处', 2_000, 118),
    line('北街办事处', 1_300, 76),
    line('开发区办事处', 1_500, 88),
  ],
  districtTargets: [
    target('NEW_SKILLED_WORKERS', 'PERSON', 15_000, ...BOTH),
    target('NEW_SKILLED_WORKERS', 'PERSON', 6_000, ...Y2020),
    target('NEW_SKILLED_WORKERS', 'PERSON', 6_000, ...Y2021),
    target('HIGH_SKILLED_SHARE', 'PERCENT', 30, ...BOTH),
    target('ENTERPRISE_UPGRADE_TRAININGS', 'PERSON_TIME', 2_000, ...Y2020),
    target('ENTERPRISE_UPGRADE_TRAININGS', 'PERSON_TIME', 2_000, ...Y2021),
    target('KEY_GROUP_TRAININGS', 'PERSON_TIME', 4_000, ...Y2020),
    target('KEY_GROUP_TRAININGS', 'PERSON_TIME', 4_000, ...Y2021),
    target('KEY_GROUP_TRAININGS', 'PERSON_TIME', 8_000, ...BOTH),
    target('KEY_GROUP_EMPLOYMENT_RATE', 'PERCENT', 30, ...BOTH),
    target('CERTIFIED_SHARE_OF_EMPLOYED', 'PERCENT', 30, ...BOTH),
    target('ENTERPRISES_WITH_TRAINING_CENTRE', 'PERCENT', 50, ...BOTH),
    target('ENTERPRISES_WITH_OWN_EVALUATION', 'PERCENT', 60, ...Y2020),
    target('ENTERPRISES_WITH_OWN_EVALUATION', 'PERCENT', 100, ...BOTH),
    target('CITY_SKILLS_MASTER_STUDIOS', 'STUDIO', 2, ...Y2020, 3),
    target('CITY_LABOUR_BRANDS', 'BRAND', 1, ...Y2020),
    target('DISTRICT_TECHNICAL_EXPERTS', 'PERSON', 10, ...Y2020),
    target('DISTRICT_TECHNICAL_EXPERTS', 'PERSON', 10, ...Y2021),
  ],
};

/** Every target set shipped with the code; an administrator uploads more as data. */
export const SHIPPED_TARGET_SETS: readonly ShippedTargetSet[] = [JCCQ_2020_12_TARGETS];
