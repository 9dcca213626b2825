import { z } from 'zod';

/** R-REG-2: exactly one category per card (分类). */
export const CATEGORY = z.enum(['POOR_LABOURER', 'GRADUATING_STUDENT', 'RURAL_LABOURER', 'URBAN_LABOURER']);
export type Category = z.infer<typeof CATEGORY>;

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  POOR_LABOURER: '贫困劳动力',
  GRADUATING_STUDENT: '毕业年度大学生',
  RURAL_LABOURER: '农村劳动力',
  URBAN_LABOURER: '城镇劳动力',
};

/** R-REG-4: the ten key employment groups (十类重点就业群体); a card carries zero or more. */
export const KEY_GROUP = z.enum([
  'POOR_FAMILY_CHILD',
  'POOR_LABOURER',
  'UNEMPLOYED_GRADUATE',
  'GRADUATING_STUDENT',
  'TWO_AFTER_STUDENT',
  'RURAL_MIGRANT',
  'LAID_OFF',
  'JOB_TRANSFER',
  'VETERAN',
  'EMPLOYMENT_DIFFICULTY',
]);
export type KeyGroup = z.infer<typeof KEY_GROUP>;

export const KEY_GROUP_LABELS: Readonly<Record<KeyGroup, string>> = {
  POOR_FAMILY_CHILD: '贫困家庭子女',
  POOR_LABOURER: '贫困劳动力',
  UNEMPLOYED_GRADUATE: '离校未就业高校毕业生',
  GRADUATING_STUDENT: '毕业年度高校毕业生',
  TWO_AFTER_STUDENT: '“两后生”',
  RURAL_MIGRANT: '农村转移就业劳动者',
  LAID_OFF: '下岗失业人员',
  JOB_TRANSFER: '转岗转业职工',
  VETERAN: '退役军人',
  EMPLOYMENT_DIFFICULTY: '就业困难人员',
};

/** R-REG-4: flags the allowances look at (R-FREE-5, R-FREE-6, R-FREE-7, R-ENT-3). */
export const FLAG = z.enum([
  'ZERO_EMPLOYMENT_FAMILY',
  'RURAL_STUDENT',
  'URBAN_DIBAO_FAMILY',
  'IN_SCHOOL_STUDENT',
  'REGISTERED_URBAN_UNEMPLOYED',
]);
export type Flag = z.infer<typeof FLAG>;

export const FLAG_LABELS: Readonly<Record<Flag, string>> = {
  ZERO_EMPLOYMENT_FAMILY: '零就业家庭成员',
  RURAL_STUDENT: '农村学员',
  URBAN_DIBAO_FAMILY: '城市低保家庭',
  IN_SCHOOL_STUDENT: '在校大学生',
  REGISTERED_URBAN_UNEMPLOYED: '城镇登记失业人员',
};

/** Who registered a card and is paid R-REG-3 funding for it. */
export const REGISTERING_UNIT_KIND = z.enum(['PROVIDER', 'ENTERPRISE', 'SUBDISTRICT', 'BUREAU']);
export type RegisteringUnitKind = z.infer<typeof REGISTERING_UNIT_KIND>;

/**
 * Why key groups or flags changed. A code, not free text: events are kept for ever and cannot be erased, so
 * nothing typed by a clerk (which could name the person) goes into them.
 */
export const GROUP_CHANGE_REASON = z.enum(['CIRCUMSTANCES_CHANGED', 'EVIDENCE_PROVIDED', 'DATA_CORRECTION', 'INSURANCE_RECORD_UPDATED']);
export type GroupChangeReason = z.infer<typeof GROUP_CHANGE_REASON>;
