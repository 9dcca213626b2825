import type { Flag } from '@skills/domain';
import { calculateCollegeEntrepreneurship, type CollegeEntrepreneurshipInput } from './college-entrepreneurship.calculator';
import { inForce, outcomes, policy, refusalCodes, rejection, uuid } from './testing/scheme-fixtures';

const cohortId = uuid(100);
const providerId = uuid(200);
const student = (n: number, flags: Flag[] = ['IN_SCHOOL_STUDENT'], attendedDays = 2) => ({ labourerId: uuid(n), keyGroups: [], flags, attendedDays });
const run = (course: 'AWARENESS' | 'START_BUSINESS', trainees: CollegeEntrepreneurshipInput['trainees']) =>
  calculateCollegeEntrepreneurship({ policy, serviceDate: inForce, cohortId, providerId, course, trainingDaysHeld: 5, trainees });

describe('R-FREE-8 in-school college students', () => {
  it('R-FREE-8 awareness training pays 150 a student to the provider: 3 students = 3 × 150 = 450 yuan', () => {
    const result = run('AWARENESS', [student(1), student(2), student(3)]);
    expect(outcomes(result)).toEqual([15_000, 15_000, 15_000]);
    expect(result.totalFen).toBe(45_000);
    expect(result.lines[0]).toMatchObject({ ruleId: 'R-FREE-8', payee: { kind: 'PROVIDER', id: providerId }, explanation: { arithmetic: '1 × 150.00 = 150.00 yuan (AWARENESS)' } });
  });

  it('R-FREE-8 start-a-business training pays 500 a student, whatever the days: 1 day = 500, 5 days = 500', () => {
    expect(outcomes(run('START_BUSINESS', [student(1, undefined, 1), student(2, undefined, 5)]))).toEqual([50_000, 50_000]);
  });

  it('R-FREE-8 refuses someone who is not an in-school student, and a student who attended no day', () => {
    expect(refusalCodes(run('AWARENESS', [student(1, []), student(2, undefined, 0)]))).toEqual(['NOT_ELIGIBLE_GROUP', 'NO_ATTENDED_DAYS']);
  });

  it('R-FREE-8 rejects an unknown course by field', () => {
    expect(rejection(() => run('MASTERCLASS' as 'AWARENESS', [])).fields).toEqual(['course']);
  });
});
