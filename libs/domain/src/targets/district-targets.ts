import { z } from 'zod';

/** What a district target of R-TGT-1 is counted in. A PERCENT figure is a whole percentage (30 = 30%). */
export const TARGET_UNIT = z.enum(['PERSON', 'PERSON_TIME', 'PERCENT', 'STUDIO', 'BRAND']);
export type TargetUnit = z.infer<typeof TARGET_UNIT>;

/**
 * R-TGT-1: the district targets of the notice (二、行动目标 and the actions), each counted in one unit. A code may
 * appear more than once in a set with different periods (a two-year figure and a figure for each year).
 */
export const DISTRICT_TARGETS = {
  NEW_SKILLED_WORKERS: { unit: 'PERSON', label: '新增技能劳动者' },
  HIGH_SKILLED_SHARE: { unit: 'PERCENT', label: '高技能人才占技能劳动者比例' },
  ENTERPRISE_UPGRADE_TRAININGS: { unit: 'PERSON_TIME', label: '企业职工技能提升培训' },
  KEY_GROUP_TRAININGS: { unit: 'PERSON_TIME', label: '重点就业群体补贴性职业技能培训' },
  KEY_GROUP_EMPLOYMENT_RATE: { unit: 'PERCENT', label: '重点就业群体培训后就业率' },
  CERTIFIED_SHARE_OF_EMPLOYED: { unit: 'PERCENT', label: '技能劳动者持证人数占就业人员比例' },
  ENTERPRISES_WITH_TRAINING_CENTRE: { unit: 'PERCENT', label: '符合条件企业拥有职工培训机构比例' },
  ENTERPRISES_WITH_OWN_EVALUATION: { unit: 'PERCENT', label: '300人以上用人单位自主开展技能等级认定比例' },
  CITY_SKILLS_MASTER_STUDIOS: { unit: 'STUDIO', label: '市级技能大师工作室' },
  CITY_LABOUR_BRANDS: { unit: 'BRAND', label: '市级劳务品牌' },
  DISTRICT_TECHNICAL_EXPERTS: { unit: 'PERSON', label: '城区技术能手' },
} as const satisfies Record<string, { unit: TargetUnit; label: string }>;

export const DISTRICT_TARGET_CODE = z.enum(Object.keys(DISTRICT_TARGETS) as [keyof typeof DISTRICT_TARGETS, ...(keyof typeof DISTRICT_TARGETS)[]]);
export type DistrictTargetCode = z.infer<typeof DISTRICT_TARGET_CODE>;
