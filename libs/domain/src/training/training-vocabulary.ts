import { z } from 'zod';
import type { CertificateLevel } from '../outcomes/outcomes-vocabulary';

/** Section 3 of POLICY.md: the programme a cohort (培训班) belongs to. */
export const PROGRAMME_TYPE = z.enum([
  'GENERAL',
  'ORDER_BASED',
  'MENU_BASED',
  'PROJECT_BASED',
  'LABOUR_PREPARATION',
  'ENTREPRENEURSHIP',
  'COLLEGE_ENTREPRENEURSHIP',
  'ENTERPRISE_EMPLOYEE',
  'APPRENTICESHIP',
]);
export type ProgrammeType = z.infer<typeof PROGRAMME_TYPE>;

export const PROGRAMME_TYPE_LABELS: Readonly<Record<ProgrammeType, string>> = {
  GENERAL: '普惠制职业技能培训',
  ORDER_BASED: '订单式培训',
  MENU_BASED: '菜单式培训',
  PROJECT_BASED: '项目制培训',
  LABOUR_PREPARATION: '劳动预备制培训',
  ENTREPRENEURSHIP: '创业培训',
  COLLEGE_ENTREPRENEURSHIP: '在校大学生创业培训',
  ENTERPRISE_EMPLOYEE: '企业职工培训',
  APPRENTICESHIP: '企业新型学徒制',
};

/** R-FREE-4: 以就业为目的订单式、菜单式、项目制培训 — the cohort carries an approved per-person amount. */
export const EMPLOYMENT_ORIENTED_PROGRAMMES: ReadonlySet<ProgrammeType> = new Set(['ORDER_BASED', 'MENU_BASED', 'PROJECT_BASED']);

/**
 * Free training (免费职业技能培训) for R-FREE-1 and R-FREE-2. The notice (城政发〔2020〕12号, 三(五)) opens the
 * paragraph with "免费职业技能培训,原则上每人每年可享受不超过3次(同一职业同一等级一年内不可重复享受),其中:" and
 * lists under that "其中" general (普惠制), order/menu/project-based, labour-preparation (劳动预备制), entrepreneurship
 * (创业培训) and in-school college students' entrepreneurship training: all of them count against the limit.
 * Enterprise employee training and the new-style apprenticeship are in 三(四) instead: the enterprise trains its own
 * employees and is paid for them (R-ENT-1, R-ENT-2); they are not free training for a person and do not count.
 */
export const FREE_TRAINING_PROGRAMMES: ReadonlySet<ProgrammeType> = new Set([
  'GENERAL',
  'ORDER_BASED',
  'MENU_BASED',
  'PROJECT_BASED',
  'LABOUR_PREPARATION',
  'ENTREPRENEURSHIP',
  'COLLEGE_ENTREPRENEURSHIP',
]);

/** R-ENT-1, R-ENT-2: training an enterprise is paid for, of its own employees or apprentices; the cohort names the enterprise. */
export const ENTERPRISE_PROGRAMMES: ReadonlySet<ProgrammeType> = new Set(['ENTERPRISE_EMPLOYEE', 'APPRENTICESHIP']);

/** R-FREE-8: 创业意识培训 (awareness) or 创办企业培训 (start a business); the plan of a college cohort says which. */
export const COLLEGE_COURSE = z.enum(['AWARENESS', 'START_BUSINESS']);
export type CollegeCourse = z.infer<typeof COLLEGE_COURSE>;

export const isFreeTraining = (type: ProgrammeType): boolean => FREE_TRAINING_PROGRAMMES.has(type);
export const isEmploymentOriented = (type: ProgrammeType): boolean => EMPLOYMENT_ORIENTED_PROGRAMMES.has(type);

/**
 * R-CERT-1 levels: a cohort trains for one occupation at one level. The enum itself is the one of
 * outcomes-vocabulary.ts (certificates), so the domain has one list and one exported name.
 */
export const CERTIFICATE_LEVEL_LABELS: Readonly<Record<CertificateLevel, string>> = {
  JUNIOR: '初级工',
  INTERMEDIATE: '中级工',
  SENIOR: '高级工',
  TECHNICIAN: '技师',
  SENIOR_TECHNICIAN: '高级技师',
};

/**
 * A cohort's occupation (职业/工种) as a code or short name, e.g. `6-29-03-01` or `电工`: compared exactly, after
 * trimming. At most 64 characters, so it always fits outcomes' occupationSchema (100).
 */
export const cohortOccupationSchema = z.string().trim().min(1).max(64);

/**
 * Why a trainee left a cohort. Codes, not free text: events are never erased, so nothing a clerk types (which
 * could describe the person's health or family) goes into them.
 */
export const WITHDRAWAL_REASON = z.enum([
  'FOUND_EMPLOYMENT',
  'PERSONAL_CIRCUMSTANCES',
  'HEALTH',
  'MOVED_AWAY',
  'NEVER_ATTENDED',
  'ENROLLED_IN_ERROR',
]);
export type WithdrawalReason = z.infer<typeof WITHDRAWAL_REASON>;

export const WITHDRAWAL_REASON_LABELS: Readonly<Record<WithdrawalReason, string>> = {
  FOUND_EMPLOYMENT: '已就业',
  PERSONAL_CIRCUMSTANCES: '个人原因',
  HEALTH: '健康原因',
  MOVED_AWAY: '迁出本地',
  NEVER_ATTENDED: '未到班',
  ENROLLED_IN_ERROR: '误报名',
};

/** Why a cohort was cancelled before it started; a code for the same reason as WITHDRAWAL_REASON. */
export const COHORT_CANCELLATION_REASON = z.enum(['TOO_FEW_TRAINEES', 'PROVIDER_UNAVAILABLE', 'QUALIFICATION_LAPSED', 'PLANNED_IN_ERROR', 'BUREAU_REQUEST']);
export type CohortCancellationReason = z.infer<typeof COHORT_CANCELLATION_REASON>;
