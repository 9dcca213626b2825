import { ROLES, type Principal, type Role } from '@skills/platform';
import { COHORT_LIST_READERS, cohortScopeFilter } from '../cohort-queries/cohort-scope';
import { registryReadScope } from '../registry/registry-access';
import { PERSON_TIMELINE_READERS } from '../timelines/timelines.controller';
import { BUREAU_ROLES, COHORT_READERS, isBureau } from './cohort-access';

const BUREAU = ['ADMIN', 'REVIEWER', 'APPROVER', 'EVALUATOR'];
const principal = (role: Role): Principal => ({
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  roles: [role],
  scope: { providerId: '00000000-0000-4000-8000-0000000000aa', subdistrictId: '00000000-0000-4000-8000-0000000000bb', enterpriseId: '00000000-0000-4000-8000-0000000000cc' },
});

describe('the bureau roles: one list behind every reader list and bureau check', () => {
  it('is ADMIN, REVIEWER, APPROVER and EVALUATOR, and every cohort and person-timeline reader list starts from it', () => {
    expect([...BUREAU_ROLES]).toEqual(BUREAU);
    expect(COHORT_READERS).toEqual([...BUREAU, 'PROVIDER']);
    expect(COHORT_LIST_READERS).toEqual([...BUREAU, 'PROVIDER', 'SUBDISTRICT_OFFICER']);
    expect(PERSON_TIMELINE_READERS).toEqual(BUREAU);
  });

  it('reads unscoped (every cohort, every card) for exactly the bureau roles, even with a scope on the account', () => {
    for (const role of ROLES) {
      const bureau = BUREAU.includes(role);
      expect([role, isBureau(principal(role))]).toEqual([role, bureau]);
      // An empty filter is every cohort; every other role gets its own scope, or nothing.
      expect([role, Object.keys(cohortScopeFilter(principal(role))).length === 0]).toEqual([role, bureau]);
      expect([role, registryReadScope(principal(role)).kind === 'all']).toEqual([role, bureau]);
    }
  });
});
