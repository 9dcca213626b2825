import { compareClaim } from '../claim-comparison';
import { COHORT, PEOPLE, PROVIDER, attended, card, claimSubmitted, recorded, startedCohort } from '../testing/history-events';
import { contextOf, draftOf, historyOf } from '../testing/simulation-context';
import { apprenticeshipSimulator } from './apprenticeship.simulator';
import { collegeEntrepreneurshipSimulator } from './college-entrepreneurship.simulator';
import { enterpriseEmployeeTrainingSimulator } from './enterprise-employee-training.simulator';
import { entrepreneurshipTrainingSimulator } from './entrepreneurship-training.simulator';
import { labourPreparationSimulator } from './labour-preparation.simulator';
import type { SchemeSimulation } from './scheme-simulator';

const [A, B, C] = PEOPLE;
const D = '8293a4b5-c6d7-41e2-b3f4-7f8091a2b3c4';
const ENTERPRISE = 'e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const CLAIM = 'd0000000-0000-4000-8000-000000000001';
const provider = { kind: 'PROVIDER', id: PROVIDER };

/** Each line as [person, payee kind, fen]: what a reviewer checks first. */
const summary = (simulation: SchemeSimulation) => simulation.lines.map((l) => [l.labourerId, l.payee.kind, l.amountFen]);
const total = (simulation: SchemeSimulation) => simulation.lines.reduce((sum, l) => sum + l.amountFen, 0);
const completed = (completedOn: string) => recorded(completedOn, 'CohortCompleted', { cohortId: COHORT, completedOn });

// The cohort programmes' simulators: each recomputes the claim with its scheme's calculator on the roster, days and
// cards the claim was submitted with, under the live document and under a draft (amounts hand-computed in fen).
describe('policy simulation: the programme cohorts (R-FREE-6/7/8, R-ENT-1, R-ENT-2)', () => {
  it('R-FREE-6 a draft paying 3000 at 12 months and 250 a month of allowance: 12 months 3000 + 3000, 7 months still 1300', () => {
    const history = historyOf([
      card(A, ['TWO_AFTER_STUDENT'], ['RURAL_STUDENT']),
      card(B, ['TWO_AFTER_STUDENT']),
      card(C, ['TWO_AFTER_STUDENT'], ['RURAL_STUDENT']),
      ...startedCohort(COHORT, [A, B, C], { programmeType: 'LABOUR_PREPARATION' }),
      ...attended(COHORT, A, '2021-03-01', 2, '2021-03-02'),
      ...attended(COHORT, B, '2021-03-01', 2, '2021-03-02'),
      // B leaves on 2021-10-01: 2021-03-01 to 09-30 is 7 whole months.
      recorded('2021-10-01', 'TraineeWithdrawn', { cohortId: COHORT, labourerId: B, withdrawnOn: '2021-10-01', reason: 'MOVED_AWAY' }),
      completed('2022-02-28'),
      claimSubmitted('2022-03-05', { claimId: CLAIM, scheme: 'R-FREE-6', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2022-02-28' }, organisation: provider }),
    ]);
    const claim = history.claims.get(CLAIM)!;
    const live = labourPreparationSimulator.simulate(claim, contextOf(history));
    // 250000 + 12 × 20000 + 130000 = 620000 fen; B's allowance refused (no rural or dibao flag), C attended no day.
    expect(summary(live)).toEqual([
      [A, 'PROVIDER', 250_000],
      [A, 'LABOURER', 240_000],
      [B, 'PROVIDER', 130_000],
      [B, 'LABOURER', 0],
      [C, 'PROVIDER', 0],
    ]);
    expect(live).toMatchObject({ tier: null, gates: [], policyVersion: 'JCCQ-2020-12.v1' });
    const draft = draftOf((p) => {
      p.freeTraining.labourPreparation.tiers[0].amountFen = 300_000;
      p.freeTraining.labourPreparation.livingAllowancePerMonthFen = 25_000;
    });
    const simulated = labourPreparationSimulator.simulate(claim, contextOf(history, draft));
    // 300000 + 12 × 25000 + 130000 = 730000 fen.
    expect(summary(simulated).slice(0, 3)).toEqual([
      [A, 'PROVIDER', 300_000],
      [A, 'LABOURER', 300_000],
      [B, 'PROVIDER', 130_000],
    ]);
    expect([total(live), total(simulated), simulated.policyVersion]).toEqual([620_000, 730_000, 'JCCQ-2020-12.v2']);
  });

  describe('R-FREE-7 entrepreneurship training', () => {
    const history = historyOf([
      card(A, ['RURAL_MIGRANT']),
      card(B, ['RURAL_MIGRANT']),
      card(C, ['VETERAN']),
      card(D, ['POOR_FAMILY_CHILD']),
      ...startedCohort(COHORT, [A, B, C, D], { programmeType: 'ENTREPRENEURSHIP' }),
      ...attended(COHORT, A, '2021-03-01', 11, '2021-03-11'),
      ...attended(COHORT, B, '2021-03-01', 3, '2021-03-11'),
      ...attended(COHORT, C, '2021-03-01', 5, '2021-03-11'),
      ...attended(COHORT, D, '2021-03-01', 10, '2021-03-11'),
      completed('2021-03-11'),
      claimSubmitted('2021-03-15', { claimId: CLAIM, scheme: 'R-FREE-7', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2021-03-11' }, organisation: provider }),
    ]);
    const claim = history.claims.get(CLAIM)!;

    it('R-FREE-7 under the live document: 11 days 1800 (1980 capped), 3 days 540, 10 days exactly the 1800 cap, a veteran nothing', () => {
      const live = entrepreneurshipTrainingSimulator.simulate(claim, contextOf(history));
      expect(summary(live)).toEqual([
        [A, 'PROVIDER', 180_000],
        [B, 'PROVIDER', 54_000],
        [C, 'PROVIDER', 0],
        [D, 'PROVIDER', 180_000],
      ]);
      expect(total(live)).toBe(414_000);
    });

    it('R-FREE-7 a draft paying 200 a day capped at 2000: 11 days 2000 (2200 capped), 3 days 600, 10 days exactly 2000: +460 yuan', () => {
      const simulated = entrepreneurshipTrainingSimulator.simulate(claim, contextOf(history, draftOf((p) => Object.assign(p.freeTraining.entrepreneurship, { perDayFen: 20_000, capFen: 200_000 }))));
      expect(summary(simulated)).toEqual([
        [A, 'PROVIDER', 200_000],
        [B, 'PROVIDER', 60_000],
        [C, 'PROVIDER', 0],
        [D, 'PROVIDER', 200_000],
      ]);
      expect(total(simulated) - 414_000).toBe(46_000);
    });
  });

  it('R-FREE-8 a draft paying 600 for the start-a-business course: 2 students who attended, 1000 → 1200 yuan; a plan without its course is not simulated', () => {
    const events = (plan: Record<string, unknown>) => [
      ...[A, B, C].map((id) => card(id, [], ['IN_SCHOOL_STUDENT'])),
      ...startedCohort(COHORT, [A, B, C], { programmeType: 'COLLEGE_ENTREPRENEURSHIP', plan }),
      ...attended(COHORT, A, '2021-03-01', 5, '2021-03-05'),
      ...attended(COHORT, B, '2021-03-01', 1, '2021-03-05'),
      completed('2021-03-05'),
      claimSubmitted('2021-03-08', { claimId: CLAIM, scheme: 'R-FREE-8', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2021-03-05' }, organisation: provider }),
    ];
    const history = historyOf(events({ collegeCourse: 'START_BUSINESS' }));
    const claim = history.claims.get(CLAIM)!;
    expect(summary(collegeEntrepreneurshipSimulator.simulate(claim, contextOf(history)))).toEqual([
      [A, 'PROVIDER', 50_000],
      [B, 'PROVIDER', 50_000],
      [C, 'PROVIDER', 0],
    ]);
    const draft = draftOf((p) => (p.freeTraining.inSchool.perPersonFen.START_BUSINESS = 60_000));
    expect(total(collegeEntrepreneurshipSimulator.simulate(claim, contextOf(history, draft)))).toBe(120_000);

    const noCourse = historyOf(events({}));
    expect(compareClaim(noCourse.claims.get(CLAIM)!, collegeEntrepreneurshipSimulator, contextOf(noCourse, draft)).notSimulated).toEqual({ reason: 'FACTS_INCOMPLETE', message: `cohort ${COHORT} has no collegeCourse` });
  });

  it('R-ENT-1 a draft paying 350 per employee for at least 4 days: of 5, 3 and 2 days only the 5 pays, 600 → 350 yuan', () => {
    const history = historyOf([
      ...startedCohort(COHORT, [A, B, C], { programmeType: 'ENTERPRISE_EMPLOYEE', plan: { enterpriseId: ENTERPRISE }, approval: { inSubsidisedCatalogue: true } }),
      ...attended(COHORT, A, '2021-03-01', 5, '2021-03-05'),
      ...attended(COHORT, B, '2021-03-01', 3, '2021-03-05'),
      ...attended(COHORT, C, '2021-03-01', 2, '2021-03-05'),
      completed('2021-03-05'),
      claimSubmitted('2021-03-08', { claimId: CLAIM, scheme: 'R-ENT-1', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2021-03-05' }, organisation: { kind: 'ENTERPRISE', id: ENTERPRISE } }),
    ]);
    const claim = history.claims.get(CLAIM)!;
    expect(summary(enterpriseEmployeeTrainingSimulator.simulate(claim, contextOf(history)))).toEqual([
      [A, 'ENTERPRISE', 30_000],
      [B, 'ENTERPRISE', 30_000],
      [C, 'ENTERPRISE', 0],
    ]);
    const draft = draftOf((p) => Object.assign(p.enterprise.employeeTraining, { perEmployeeFen: 35_000, minDays: 4 }));
    const simulated = enterpriseEmployeeTrainingSimulator.simulate(claim, contextOf(history, draft));
    expect(summary(simulated)).toEqual([
      [A, 'ENTERPRISE', 35_000],
      [B, 'ENTERPRISE', 0],
      [C, 'ENTERPRISE', 0],
    ]);
    expect(simulated.lines.map((l) => l.outcome)).toEqual(['AMOUNT', 'REFUSED', 'REFUSED']);
  });

  it('R-ENT-2 a draft capping the year at 4000: the approved 4500 per whole-year apprentice is held to 4000, 9000 → 8000 yuan; a leaver stays refused', () => {
    const history = historyOf([
      ...startedCohort(COHORT, [A, B, C], { programmeType: 'APPRENTICESHIP', plan: { enterpriseId: ENTERPRISE }, approval: { approvedPerApprenticeYearFen: 450_000 } }),
      recorded('2021-06-09', 'TraineeWithdrawn', { cohortId: COHORT, labourerId: B, withdrawnOn: '2021-06-09', reason: 'PERSONAL_CIRCUMSTANCES' }),
      // Year 1, 2021-03-01 to 2022-02-28, claimed while the apprenticeship runs on.
      claimSubmitted('2022-03-05', { claimId: CLAIM, scheme: 'R-ENT-2', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2022-02-28' }, organisation: { kind: 'ENTERPRISE', id: ENTERPRISE } }),
    ]);
    const claim = history.claims.get(CLAIM)!;
    const live = apprenticeshipSimulator.simulate(claim, contextOf(history));
    expect(summary(live)).toEqual([
      [A, 'ENTERPRISE', 450_000],
      [C, 'ENTERPRISE', 450_000],
      [B, 'ENTERPRISE', 0],
    ]);
    const draft = draftOf((p) => (p.enterprise.apprenticeship.maxPerYearFen = 400_000));
    const simulated = apprenticeshipSimulator.simulate(claim, contextOf(history, draft));
    expect(summary(simulated)).toEqual([
      [A, 'ENTERPRISE', 400_000],
      [C, 'ENTERPRISE', 400_000],
      [B, 'ENTERPRISE', 0],
    ]);
    expect(total(simulated) - total(live)).toBe(-100_000);
  });
});
