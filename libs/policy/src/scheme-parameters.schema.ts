import { z } from 'zod';
import { CERTIFICATE_LEVEL, CERTIFICATE_TYPE } from '@skills/domain';
import { eligibleGroupsSchema as eligibleGroups } from './eligibility';
import { fenSchema as fen } from './money';

/**
 * The parameters of every subsidy scheme of the notice (POLICY.md sections 2 and 3): amounts in fen, caps,
 * per-day and per-month rates, months, thresholds and eligible groups. Calculators read these and hold no amount.
 */
const count = z.number().int().min(0);
const atLeastOne = z.number().int().min(1);

const range = <T extends z.ZodObject>(schema: T, min: keyof z.infer<T>, max: keyof z.infer<T>) =>
  schema.refine((v) => (v[min] as number) <= (v[max] as number), { message: `${String(min)} must not exceed ${String(max)}`, path: [max as string] });

const perDayCapped = { perDayFen: fen, capFen: fen };

export const certificationParameters = z.strictObject({
  specialAbilityFen: fen, // R-CERT-2
  /** R-CERT-2: a level missing here has no amount in the notice: its line is "no rule" and goes to a reviewer. */
  qualificationOrSkillLevelFen: z.partialRecord(CERTIFICATE_LEVEL, fen),
  specialOperationOrEquipmentFirstIssueFen: fen,
});

export const employeeUpgradeParameters = z.strictObject({
  /** R-CERT-3: 缴纳失业保险12个月以上; "以上" includes the number itself, so 12 months qualifies. */
  minInsuranceMonths: count,
  /** 职业资格证或技能等级证: the certificate types that count. */
  certificateTypes: z.array(CERTIFICATE_TYPE).min(1),
  /**
   * Levels at which a training certificate (培训合格证) from upgrade training counts like a certificate of that level:
   * the notice adds "包括高级技师通过岗位技能提升培训取得的培训合格证", which POLICY.md leaves out.
   */
  trainingCertificateLevels: z.array(CERTIFICATE_LEVEL),
  amountByLevelFen: z.record(CERTIFICATE_LEVEL, fen),
});

/** R-FREE-6: the highest tier reached pays; tiers do not add up (12 months pays 2500, not 2500 + 1300). */
const monthsTier = z.strictObject({ minMonths: atLeastOne, amountFen: fen });

const labourPreparation = z
  .strictObject({
    eligibleGroups,
    tiers: z.array(monthsTier).min(1),
    livingAllowancePerMonthFen: fen,
    livingAllowanceEligibleGroups: eligibleGroups,
  })
  .superRefine((p, ctx) => {
    const byMonths = [...p.tiers.entries()].sort(([, a], [, b]) => a.minMonths - b.minMonths);
    byMonths.forEach(([index, tier], position) => {
      const shorter = byMonths[position - 1]?.[1];
      if (shorter?.minMonths === tier.minMonths) ctx.addIssue({ code: 'custom', message: 'two tiers have the same minMonths', path: ['tiers', index, 'minMonths'] });
      else if (shorter && shorter.amountFen > tier.amountFen) ctx.addIssue({ code: 'custom', message: 'a longer tier must not pay less than a shorter one', path: ['tiers', index, 'amountFen'] });
    });
  });

/** 本方案下发前已出台高于此标准的,仍按原标准执行: an earlier programme's higher standard, kept for that programme. */
const grandfatheredStandard = z.strictObject({ programmeId: z.string().trim().min(1).max(64), source: z.string().trim().min(1), ...perDayCapped });

const entrepreneurship = z
  .strictObject({ eligibleGroups, ...perDayCapped, grandfathered: z.array(grandfatheredStandard) })
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.grandfathered.forEach((standard, index) => {
      if (seen.has(standard.programmeId)) ctx.addIssue({ code: 'custom', message: 'this programmeId is listed twice', path: ['grandfathered', index, 'programmeId'] });
      seen.add(standard.programmeId);
      const notLower = standard.perDayFen >= e.perDayFen && standard.capFen >= e.capFen;
      const higher = standard.perDayFen > e.perDayFen || standard.capFen > e.capFen;
      if (!notLower || !higher) {
        ctx.addIssue({ code: 'custom', message: 'only a standard higher than the current one stays: neither perDayFen nor capFen may be lower, and one must be higher', path: ['grandfathered', index] });
      }
    });
  });

export const freeTrainingParameters = z.strictObject({
  maxPerCalendarYear: atLeastOne, // R-FREE-2
  sameOccupationLevelWindowMonths: atLeastOne, // R-FREE-2
  general: z.strictObject(perDayCapped), // R-FREE-3
  /** R-FREE-4: the most a cohort may be approved per person. */
  employmentOriented: z.strictObject({ capFen: fen }),
  livingAllowance: z.strictObject({ perDayFen: fen, eligibleGroups }), // R-FREE-5
  labourPreparation, // R-FREE-6
  entrepreneurship, // R-FREE-7
  inSchool: z.strictObject({ eligibleGroups, perPersonFen: z.strictObject({ AWARENESS: fen, START_BUSINESS: fen }) }), // R-FREE-8
});

/** R-ENT-3: 企业、农民专业合作社和扶贫车间等各类生产经营主体. */
export const EMPLOYER_KIND = z.enum(['ENTERPRISE', 'FARMERS_COOPERATIVE', 'POVERTY_ALLEVIATION_WORKSHOP', 'OTHER_BUSINESS']);
export type EmployerKind = z.infer<typeof EMPLOYER_KIND>;

/** One way to be eligible for R-ENT-3: who is absorbed, by which kinds of employer, and whether it must be insured. */
const workForTrainingEligibility = z.strictObject({ eligibleGroups, employerKinds: z.array(EMPLOYER_KIND).min(1), insuredEmployerOnly: z.boolean() });

export const enterpriseParameters = z.strictObject({
  employeeTraining: z.strictObject({ perEmployeeFen: fen, minDays: atLeastOne }), // R-ENT-1
  apprenticeship: range(z.strictObject({ minPerYearFen: fen, maxPerYearFen: fen }), 'minPerYearFen', 'maxPerYearFen'), // R-ENT-2
  workForTraining: z.strictObject({ perMonthFen: fen, maxMonths: atLeastOne, eligibility: z.array(workForTrainingEligibility).min(1) }), // R-ENT-3
  trainingCentre: range(
    z.strictObject({
      minHeadcount: atLeastOne, // R-ENT-4
      baseMinCapacity: atLeastOne,
      baseMaxCapacity: atLeastOne,
      baseAwardFen: fen,
      stepCapacity: atLeastOne,
      stepAwardFen: fen,
      capFen: fen,
    }),
    'baseMinCapacity',
    'baseMaxCapacity',
  ).refine((c) => c.baseAwardFen <= c.capFen, { message: 'baseAwardFen must not exceed capFen', path: ['capFen'] }),
});

export const AWARD_LEVEL = z.enum(['CITY', 'PROVINCIAL', 'NATIONAL']);
export type AwardLevel = z.infer<typeof AWARD_LEVEL>;

const brand = z.strictObject({ perTrainedFen: fen, perPlacedFen: fen, capFen: fen });
export const awardParameters = z.strictObject({
  studioFen: z.strictObject({ CITY: fen, PROVINCIAL: fen, NATIONAL: fen }), // R-AWARD-1
  /** R-AWARD-2: the notice prices provincial and city brands only. */
  labourBrand: z.strictObject({ PROVINCIAL: brand, CITY: brand }),
});
