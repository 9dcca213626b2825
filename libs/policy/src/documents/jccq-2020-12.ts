import { parsePolicyDocument } from '../parse-policy-document';

/**
 * 城政发〔2020〕12号 (issued 2020-10-26, in force from publication on 2020-12-03). Amounts are the notice's, in fen.
 * The gate windows and the 20% base cut-off are not in the notice: they are the defaults of POLICY.md section 4.
 * Where POLICY.md and the notice differ, this document follows the notice:
 * - R-CERT-3: the notice also counts a senior technician's training certificate (培训合格证) from upgrade training;
 * - R-ENT-4: the notice awards enterprises that newly build (新建) a training institution (the calculator asks);
 * - R-FREE-4's fallback to the general tier is POLICY.md's own rule: the notice only says R-FREE-4 needs 80%.
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
      certificateTypes: ['VOCATIONAL_QUALIFICATION', 'SKILL_LEVEL'],
      // 包括高级技师通过岗位技能提升培训取得的培训合格证: in the notice, not in POLICY.md (the notice wins).
      trainingCertificateLevels: ['SENIOR_TECHNICIAN'],
      amountByLevelFen: { JUNIOR: 100_000, INTERMEDIATE: 150_000, SENIOR: 200_000, TECHNICIAN: 400_000, SENIOR_TECHNICIAN: 600_000 },
    },
    freeTraining: {
      maxPerCalendarYear: 3,
      sameOccupationLevelWindowMonths: 12,
      general: { perDayFen: 15_000, capFen: 100_000 },
      employmentOriented: { capFen: 400_000 },
      // 贫困劳动力、就业困难人员、零就业家庭成员、“两后生”中的农村学员和城市低保家庭学员
      livingAllowance: {
        perDayFen: 1_500,
        eligibleGroups: [['POOR_LABOURER'], ['EMPLOYMENT_DIFFICULTY'], ['ZERO_EMPLOYMENT_FAMILY'], ['TWO_AFTER_STUDENT', 'RURAL_STUDENT'], ['TWO_AFTER_STUDENT', 'URBAN_DIBAO_FAMILY']],
      },
      labourPreparation: {
        eligibleGroups: [['TWO_AFTER_STUDENT']],
        tiers: [
          { minMonths: 12, amountFen: 250_000 },
          { minMonths: 6, amountFen: 130_000 },
        ],
        livingAllowancePerMonthFen: 20_000,
        livingAllowanceEligibleGroups: [['TWO_AFTER_STUDENT', 'RURAL_STUDENT'], ['TWO_AFTER_STUDENT', 'URBAN_DIBAO_FAMILY']],
      },
      // 贫困家庭子女、毕业年度高校毕业生、“两后生”、农村转移就业劳动者、城镇登记失业人员; no earlier standard is recorded yet.
      entrepreneurship: {
        eligibleGroups: [['POOR_FAMILY_CHILD'], ['GRADUATING_STUDENT'], ['TWO_AFTER_STUDENT'], ['RURAL_MIGRANT'], ['REGISTERED_URBAN_UNEMPLOYED']],
        perDayFen: 18_000,
        capFen: 180_000,
        grandfathered: [],
      },
      inSchool: { eligibleGroups: [['IN_SCHOOL_STUDENT']], perPersonFen: { AWARENESS: 15_000, START_BUSINESS: 50_000 } },
    },
    enterprise: {
      employeeTraining: { perEmployeeFen: 30_000, minDays: 3 },
      apprenticeship: { minPerYearFen: 400_000, maxPerYearFen: 600_000 },
      // 各类生产经营主体吸纳贫困劳动力, and 参保企业吸纳就业困难人员、零就业家庭成员
      workForTraining: {
        perMonthFen: 30_000,
        maxMonths: 6,
        eligibility: [
          { eligibleGroups: [['POOR_LABOURER']], employerKinds: ['ENTERPRISE', 'FARMERS_COOPERATIVE', 'POVERTY_ALLEVIATION_WORKSHOP', 'OTHER_BUSINESS'], insuredEmployerOnly: false },
          { eligibleGroups: [['EMPLOYMENT_DIFFICULTY'], ['ZERO_EMPLOYMENT_FAMILY']], employerKinds: ['ENTERPRISE'], insuredEmployerOnly: true },
        ],
      },
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
