/** What the generated district is made of: its programmes, occupations and the shares they come in (its places: the task table's units). */
import { creditCodeCheckCharacter, type ProgrammeType } from '@skills/domain';

/** Programme mix of a district, with its employment rate among completers (order-based training is for a job). */
export const PROGRAMMES: readonly { type: ProgrammeType; weight: number; employment: number; days: [number, number]; certificate: number }[] = [
  { type: 'GENERAL', weight: 34, employment: 0.35, days: [10, 20], certificate: 0.7 },
  { type: 'ORDER_BASED', weight: 15, employment: 0.88, days: [10, 25], certificate: 0.7 },
  { type: 'MENU_BASED', weight: 12, employment: 0.6, days: [10, 20], certificate: 0.68 },
  { type: 'PROJECT_BASED', weight: 12, employment: 0.7, days: [15, 30], certificate: 0.72 },
  { type: 'LABOUR_PREPARATION', weight: 10, employment: 0.4, days: [20, 40], certificate: 0.66 },
  { type: 'ENTREPRENEURSHIP', weight: 11, employment: 0.25, days: [10, 15], certificate: 0.45 },
  { type: 'COLLEGE_ENTREPRENEURSHIP', weight: 6, employment: 0.2, days: [8, 12], certificate: 0.4 },
];
export const EMPLOYMENT_ORIENTED = new Set<ProgrammeType>(['ORDER_BASED', 'MENU_BASED', 'PROJECT_BASED']);

export const OCCUPATIONS = ['电工', '焊工', '育婴员', '养老护理员', '中式烹调师', '中式面点师', '美容师', '美发师', '电子商务师', '保安员', '家政服务员', '汽车维修工', '叉车司机', '茶艺师', '保健按摩师', '农业技术员'];
export const ISSUERS = ['市职业技能鉴定指导中心', '市第一职业技能等级认定站', '某评价机构', '市应急管理局', '省人力资源社会保障厅'];
/**
 * Employers that are not registered enterprises, by 统一社会信用代码 (made up: 91 company, 140502 the district's
 * division, nine characters, then the check character), never by name.
 */
export const EMPLOYER_CREDIT_CODES = ['140502MA0K1CN7Q', '140502MA0K2DF3X', '140502MA0K3JD8A', '140502MA0K4QR2H', '140502MA0K5LH6T', '140502MA0K6YH1E', '140502MA0K7HP4W'].map(
  (code) => `91${code}${creditCodeCheckCharacter(`91${code}`)}`,
);
export const EARLY_REASONS = ['NEVER_ATTENDED', 'ENROLLED_IN_ERROR', 'PERSONAL_CIRCUMSTANCES'] as const;
export const LATE_REASONS = ['FOUND_EMPLOYMENT', 'HEALTH', 'MOVED_AWAY', 'PERSONAL_CIRCUMSTANCES'] as const;
export const CATEGORIES = [
  ['RURAL_LABOURER', 45],
  ['URBAN_LABOURER', 35],
  ['POOR_LABOURER', 8],
  ['GRADUATING_STUDENT', 12],
] as const;

export type Programme = (typeof PROGRAMMES)[number];
