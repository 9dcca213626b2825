import { parsePolicyDocument } from '../parse-policy-document';

/**
 * 城政发〔2020〕12号 (issued 2020-10-26, in force from publication on 2020-12-03). Amounts are the notice's, in fen.
 * The gate windows and the 20% base cut-off are not in the notice: they are the defaults of POLICY.md section 4.
 */
export const JCCQ_2020_12 = parsePolicyDocument({
  id: 'JCCQ-2020-12',
  version: 1,
  title: '晋城市城区创建“人人持证、技能社会”行动方案(2020—2021年)',
  source: '城政发〔2020〕12号',
  effectiveFrom: '2020-12-03',
  effectiveTo: null,
  parameters: {
    registration: { fundingPerLabourerFen: 400, minAge: 16, maxAge: 60 },
    certification: {
      specialAbilityFen: 15_000,
      qualificationOrSkillLevelFen: { JUNIOR: 30_000, SENIOR: 60_000 },
      specialOperationOrEquipmentFirstIssueFen: 30_000,
    },
    employeeUpgrade: {
      minInsuranceMonths: 12,
      amountByLevelFen: { JUNIOR: 100_000, INTERMEDIATE: 150_000, SENIOR: 200_000, TECHNICIAN: 400_000, SENIOR_TECHNICIAN: 600_000 },
    },
    freeTraining: {
      maxPerCalendarYear: 3,
      sameOccupationLevelWindowMonths: 12,
      general: { perDayFen: 15_000, capFen: 100_000 },
      employmentOriented: { capFen: 400_000, livingAllowancePerDayFen: 1_500 },
      labourPreparation: { twelveMonthsFen: 250_000, sixMonthsFen: 130_000, livingAllowancePerMonthFen: 20_000 },
      entrepreneurship: { perDayFen: 18_000, capFen: 180_000, grandfathered: [] },
      inSchool: { awarenessFen: 15_000, startBusinessFen: 50_000 },
    },
    enterprise: {
      employeeTraining: { perEmployeeFen: 30_000, minDays: 3 },
      apprenticeship: { minPerYearFen: 400_000, maxPerYearFen: 600_000 },
      workForTraining: { perMonthFen: 30_000, maxMonths: 6 },
      trainingCentre: {
        minHeadcount: 500,
        baseMinCapacity: 100,
        baseMaxCapacity: 200,
        baseAwardFen: 5_000_000,
        stepCapacity: 50,
        stepAwardFen: 2_000_000,
        capFen: 20_000_000,
      },
    },
    awards: {
      studioFen: { CITY: 10_000_000, PROVINCIAL: 20_000_000, NATIONAL: 30_000_000 },
      labourBrand: {
        PROVINCIAL: { perTrainedFen: 50_000, perPlacedFen: 30_000, capFen: 60_000_000 },
        CITY: { perTrainedFen: 30_000, perPlacedFen: 20_000, capFen: 30_000_000 },
      },
    },
    gates: {
      passRatePercent: 95,
      certificationRatePercent: 60,
      employmentRatePercent: { GENERAL: 30, EMPLOYMENT_ORIENTED: 80 },
      baseCutoffPercentOfPlannedDays: 20,
      certificationWindowDays: 90,
      employmentWindowDays: 180,
    },
  },
});
