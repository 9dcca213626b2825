import { apprenticesOfYear, monthsInTraining, trainingStartOf } from './programme-trainees';

describe('R-REG-4 the day a trainee\'s training began', () => {
  it('R-REG-4 R-FREE-5 is the cohort\'s start, or a later enrolment\'s day', () => {
    expect(trainingStartOf({ startedOn: '2021-03-01' }, { enrolledOn: '2021-02-25' })).toBe('2021-03-01');
    expect(trainingStartOf({ startedOn: '2021-03-01' }, { enrolledOn: '2021-03-04' })).toBe('2021-03-04');
  });
});

describe('R-FREE-6 months in training', () => {
  const cohort = { startedOn: '2021-01-04', completedOn: '2022-01-03' };

  it('R-FREE-6 a trainee there from the start to the completion trained 12 months', () => {
    expect(monthsInTraining(cohort, { enrolledOn: '2020-12-20', withdrawnOn: null })).toBe(12);
  });

  it('R-FREE-6 a late enrolment counts from its day, and a withdrawal ends the training the day before it', () => {
    expect(monthsInTraining(cohort, { enrolledOn: '2021-01-05', withdrawnOn: null })).toBe(11);
    expect(monthsInTraining(cohort, { enrolledOn: '2020-12-20', withdrawnOn: '2021-07-04' })).toBe(6);
    expect(monthsInTraining(cohort, { enrolledOn: '2020-12-20', withdrawnOn: '2021-07-03' })).toBe(5);
    expect(monthsInTraining(cohort, { enrolledOn: '2020-12-20', withdrawnOn: '2021-01-04' })).toBe(0);
  });
});

describe('R-ENT-2 apprentices of a year', () => {
  const period = { from: '2021-03-01', to: '2022-02-28' };
  const entry = (labourerId: string, enrolledOn: string, withdrawnOn: string | null = null) => ({ labourerId, enrolledOn, withdrawnOn });

  it('R-ENT-2 pays an apprentice there the whole year, refuses one there part of it, and leaves out one never there', () => {
    const roster = [
      entry('whole', '2021-02-20'),
      entry('leftAfterYear', '2021-02-20', '2022-03-01'),
      entry('late', '2021-03-02'),
      entry('leftDuring', '2021-02-20', '2022-02-28'),
      entry('leftBefore', '2021-02-20', '2021-03-01'),
      entry('nextYear', '2022-03-05'),
    ];
    const { wholeYear, partYear } = apprenticesOfYear(roster, period);
    expect(wholeYear.map((a) => a.labourerId)).toEqual(['whole', 'leftAfterYear']);
    expect(partYear.map((a) => a.labourerId)).toEqual(['late', 'leftDuring']);
  });
});
