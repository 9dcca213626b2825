import { given } from '../shared/testing/given-when-then';
import { EventCatalogue } from '../shared/event-catalogue';
import type { ApproveCohort } from './cohort.commands';
import { cohortDecider } from './cohort.decider';
import type { CohortApproved, CohortEvent } from './cohort.events';
import { trainingEvents } from './training.catalogue';
import { CAP_FEN, COHORT_ID, contextOn, planCommand, planned } from './testing/training-fixtures';

const ENTERPRISE_ID = 'e0a80101-0000-4000-8000-000000000001';
const LIMITS = { apprenticeshipPerYearFen: { minFen: 400_000, maxFen: 600_000 }, grandfatheredProgrammeIds: ['SYB-2019'] };
const approve = (overrides: Partial<ApproveCohort> = {}): ApproveCohort => ({
  type: 'ApproveCohort',
  cohortId: COHORT_ID,
  approvedOn: '2021-02-05',
  approvedPerPersonAmountFen: null,
  employmentOrientedCapFen: CAP_FEN,
  programmeLimits: LIMITS,
  context: contextOn('2021-02-05', 'bureau-reviewer-1'),
  ...overrides,
});
const approval = (facts: Partial<CohortApproved['data']>): CohortEvent => ({ type: 'CohortApproved', data: { cohortId: COHORT_ID, approvedOn: '2021-02-05', approvedPerPersonAmountFen: null, ...facts } });

describe('programme facts of a cohort plan (R-ENT-1, R-ENT-2, R-FREE-8)', () => {
  it('R-ENT-1 R-ENT-2 an enterprise cohort names its enterprise in the plan, stored lower-case', () => {
    for (const programmeType of ['ENTERPRISE_EMPLOYEE', 'APPRENTICESHIP'] as const) {
      given(cohortDecider).when(planCommand({ programmeType, enterpriseId: ENTERPRISE_ID.toUpperCase() })).then([planned({ programmeType, enterpriseId: ENTERPRISE_ID })]);
      const error = given(cohortDecider).when(planCommand({ programmeType })).thenThrows('COHORT.INVALID');
      expect(error.issues).toEqual([{ field: 'enterpriseId', message: expect.stringContaining('required for enterprise employee training and apprenticeship') }]);
    }
    const stray = given(cohortDecider).when(planCommand({ enterpriseId: ENTERPRISE_ID })).thenThrows('COHORT.INVALID');
    expect(stray.issues).toEqual([{ field: 'enterpriseId', message: expect.stringContaining('leave it out') }]);
  });

  it('R-FREE-8 a college cohort names its course; other programmes may not', () => {
    given(cohortDecider).when(planCommand({ programmeType: 'COLLEGE_ENTREPRENEURSHIP', collegeCourse: 'START_BUSINESS' })).then([planned({ programmeType: 'COLLEGE_ENTREPRENEURSHIP', collegeCourse: 'START_BUSINESS' })]);
    expect(given(cohortDecider).when(planCommand({ programmeType: 'COLLEGE_ENTREPRENEURSHIP' })).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['collegeCourse']);
    expect(given(cohortDecider).when(planCommand({ programmeType: 'ENTREPRENEURSHIP', collegeCourse: 'AWARENESS' })).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['collegeCourse']);
  });
});

describe('programme facts of a cohort approval (R-ENT-1, R-ENT-2, R-FREE-7)', () => {
  const plannedAs = (programmeType: 'ENTERPRISE_EMPLOYEE' | 'APPRENTICESHIP' | 'ENTREPRENEURSHIP' | 'GENERAL') =>
    [planned({ programmeType, ...(programmeType === 'ENTERPRISE_EMPLOYEE' || programmeType === 'APPRENTICESHIP' ? { enterpriseId: ENTERPRISE_ID } : {}) })];

  it('R-ENT-1 the bureau says whether enterprise employee training is in the subsidised catalogue, and must say it', () => {
    given(cohortDecider, plannedAs('ENTERPRISE_EMPLOYEE')).when(approve({ inSubsidisedCatalogue: false })).then([approval({ inSubsidisedCatalogue: false })]);
    expect(given(cohortDecider, plannedAs('ENTERPRISE_EMPLOYEE')).when(approve()).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['inSubsidisedCatalogue']);
    expect(given(cohortDecider, plannedAs('GENERAL')).when(approve({ inSubsidisedCatalogue: true })).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['inSubsidisedCatalogue']);
  });

  it('R-ENT-2 approves 4000 and 6000 yuan per apprentice per year, and refuses 3999.99 and 6000.01', () => {
    for (const amount of [400_000, 600_000]) {
      given(cohortDecider, plannedAs('APPRENTICESHIP')).when(approve({ approvedPerApprenticeYearFen: amount })).then([approval({ approvedPerApprenticeYearFen: amount })]);
    }
    for (const amount of [399_999, 600_001]) {
      const error = given(cohortDecider, plannedAs('APPRENTICESHIP')).when(approve({ approvedPerApprenticeYearFen: amount })).thenThrows('COHORT.APPRENTICESHIP_AMOUNT_OUT_OF_RANGE');
      expect(error.details).toEqual({ ruleId: 'R-ENT-2', amountFen: amount, minFen: 400_000, maxFen: 600_000 });
    }
    expect(given(cohortDecider, plannedAs('APPRENTICESHIP')).when(approve()).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['approvedPerApprenticeYearFen']);
    expect(given(cohortDecider, plannedAs('APPRENTICESHIP')).when(approve({ approvedPerApprenticeYearFen: 450_000.5 })).thenThrows('COHORT.INVALID').issues.map((i) => i.field)).toEqual(['approvedPerApprenticeYearFen']);
  });

  it('R-FREE-7 keeps a grandfathered programme the policy lists, and refuses one it does not', () => {
    given(cohortDecider, plannedAs('ENTREPRENEURSHIP')).when(approve({ grandfatheredProgrammeId: ' SYB-2019 ' })).then([approval({ grandfatheredProgrammeId: 'SYB-2019' })]);
    given(cohortDecider, plannedAs('ENTREPRENEURSHIP')).when(approve()).then([approval({})]);
    const error = given(cohortDecider, plannedAs('ENTREPRENEURSHIP')).when(approve({ grandfatheredProgrammeId: 'GYB-2018' })).thenThrows('COHORT.NOT_GRANDFATHERED');
    expect(error.details).toEqual({ ruleId: 'R-FREE-7', known: ['SYB-2019'] });
    given(cohortDecider, plannedAs('GENERAL')).when(approve({ grandfatheredProgrammeId: 'SYB-2019' })).thenThrows('COHORT.INVALID');
  });

  it('keeps the approval facts in the cohort state, and reads an approval stored without them', () => {
    const history = [...plannedAs('APPRENTICESHIP'), approval({ approvedPerApprenticeYearFen: 500_000 })];
    const state = history.reduce((folded, event) => cohortDecider.evolve(folded, event), cohortDecider.initialState());
    expect(state).toMatchObject({ status: 'approved', enterpriseId: ENTERPRISE_ID, approvedPerApprenticeYearFen: 500_000 });
    const catalogue = new EventCatalogue().register(...trainingEvents);
    const old = { type: 'CohortApproved', data: { cohortId: COHORT_ID, approvedOn: '2021-02-05', approvedPerPersonAmountFen: null } };
    expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(old))))).toEqual(old);
  });
});
