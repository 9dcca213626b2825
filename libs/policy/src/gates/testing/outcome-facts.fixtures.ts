import type { AssessmentFacts, CohortFacts, TraineeFacts } from '../outcome-facts';

/** Test data only: ten planned training days from 1 to 12 March 2021, completed on the 12th. */
export const COHORT: CohortFacts = {
  cohortId: 'cohort-1',
  programmeType: 'GENERAL',
  occupation: '电工',
  plannedStart: '2021-03-01',
  plannedEnd: '2021-03-12',
  plannedDays: 10,
  completedOn: '2021-03-12',
};

export const labourerId = (index: number) => `t${String(index).padStart(3, '0')}`;

export function trainee(index: number, overrides: Partial<TraineeFacts> = {}): TraineeFacts {
  return { labourerId: labourerId(index), enrolledOn: '2021-02-25', assessments: [], certificates: [], employments: [], ...overrides };
}

/** A final assessment, or a correction, recorded on `recordedOn` (the first training day unless said). */
export const assessed = (result: AssessmentFacts['result'], recordedOn = '2021-03-01'): AssessmentFacts => ({ result, recordedOn });

/** `count` trainees, the first `passing` of them passed (recorded on the first training day), the others not assessed. */
export function trainees(count: number, passing = 0, overrides: (index: number) => Partial<TraineeFacts> = () => ({})): TraineeFacts[] {
  return Array.from({ length: count }, (_, i) => trainee(i + 1, { assessments: i < passing ? [assessed('PASS')] : [], ...overrides(i + 1) }));
}
