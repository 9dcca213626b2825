import { given } from '../shared/testing/given-when-then';
import { policyCatalogueDecider, type ListPolicy } from './policy-catalogue.decider';
import type { PolicyListed } from './policy.events';

const context = { actor: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', now: '2021-06-01T02:00:00.000Z' };
const list = (policyId: string): ListPolicy => ({ type: 'ListPolicy', policyId, context });
const listed = (policyId: string): PolicyListed => ({ type: 'PolicyListed', data: { policyId } });

describe('the index of policy streams', () => {
  it('R-CLAIM-1 lists a policy id with its first version, once', () => {
    given(policyCatalogueDecider).when(list('JCZF-2022-1')).then([listed('JCZF-2022-1')]);
    given(policyCatalogueDecider, [listed('JCZF-2022-1')]).when(list('JCZF-2022-1')).thenNothingHappens();
    expect(given(policyCatalogueDecider, [listed('JCZF-2022-1'), listed('JCCQ-2020-12')]).state.policyIds).toEqual(['JCZF-2022-1', 'JCCQ-2020-12']);
  });
});
