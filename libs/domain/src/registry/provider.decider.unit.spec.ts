import { given } from '../shared/testing/given-when-then';
import type { ProviderRegistered } from './organisation.events';
import { assertProviderQualified, providerDecider, type RegisterProvider, type RenewProviderQualification } from './provider.decider';
import { CONTEXT, KNOWN_SUBDISTRICTS, PROVIDER_ID, XIJIE } from './testing/registry-fixtures';

const qualification = { number: 'JC-PX-2019-031', validFrom: '2019-07-01', expiresOn: '2021-06-30' };
const register = (overrides: Partial<RegisterProvider> = {}): RegisterProvider => ({
  type: 'RegisterProvider',
  providerId: PROVIDER_ID,
  name: '城区职业技能培训学校',
  kind: 'TRAINING_INSTITUTION',
  subdistrictId: XIJIE,
  qualification,
  knownSubdistrictIds: KNOWN_SUBDISTRICTS,
  context: CONTEXT,
  ...overrides,
});
const registered: ProviderRegistered = {
  type: 'ProviderRegistered',
  data: { providerId: PROVIDER_ID, name: '城区职业技能培训学校', kind: 'TRAINING_INSTITUTION', subdistrictId: XIJIE, qualification },
};
const renew = (expiresOn: string): RenewProviderQualification => ({
  type: 'RenewProviderQualification',
  providerId: PROVIDER_ID,
  qualification: { number: 'JC-PX-2021-007', validFrom: '2021-01-01', expiresOn },
  context: CONTEXT,
});

describe('R-ORG-1 training providers', () => {
  it('R-ORG-1 registers a provider with its qualification', () => {
    given(providerDecider).when(register({ name: '  城区职业技能培训学校 ' })).then([registered]);
  });

  it('R-REG-5 rejects a provider outside the units of the task table', () => {
    given(providerDecider).when(register({ subdistrictId: '00000000-0000-4000-8000-000000000001' })).thenThrows('REGISTRY.UNKNOWN_SUBDISTRICT');
  });

  it('R-ORG-1 rejects a qualification that expires before it starts, or has no number', () => {
    given(providerDecider).when(register({ qualification: { ...qualification, expiresOn: '2019-06-30' } })).thenThrows('ORGANISATION.INVALID_QUALIFICATION');
    given(providerDecider).when(register({ qualification: { ...qualification, number: ' ' } })).thenThrows('ORGANISATION.INVALID_QUALIFICATION');
  });

  it('rejects a provider without a name and a second registration of the same id', () => {
    given(providerDecider).when(register({ name: '' })).thenThrows('ORGANISATION.NAME_REQUIRED');
    given(providerDecider, [registered]).when(register()).thenThrows('ORGANISATION.ALREADY_REGISTERED');
  });

  it('R-ORG-1 renews a qualification to a later expiry, and not to an earlier one', () => {
    given(providerDecider, [registered])
      .when(renew('2024-06-30'))
      .then([{ type: 'ProviderQualificationRenewed', data: { providerId: PROVIDER_ID, qualification: renew('2024-06-30').qualification } }]);
    given(providerDecider, [registered]).when(renew('2021-06-30')).thenThrows('ORGANISATION.RENEWAL_NOT_LATER');
    given(providerDecider).when(renew('2024-06-30')).thenThrows('ORGANISATION.NOT_FOUND');
  });
});

describe('R-ORG-1 assertProviderQualified', () => {
  const state = given(providerDecider, [registered]).state;

  it('R-ORG-1 holds on the first and the last day of the qualification', () => {
    expect(() => assertProviderQualified(state, '2019-07-01')).not.toThrow();
    expect(() => assertProviderQualified(state, '2021-06-30')).not.toThrow();
  });

  it('R-ORG-1 refuses a provider whose qualification lapsed the day before', () => {
    expect(() => assertProviderQualified(state, '2021-07-01')).toThrow(
      expect.objectContaining({ code: 'ORGANISATION.QUALIFICATION_LAPSED', kind: 'rule', details: expect.objectContaining({ expiresOn: '2021-06-30' }) }),
    );
  });

  it('R-ORG-1 refuses a qualification that does not hold yet, and an unknown provider', () => {
    expect(() => assertProviderQualified(state, '2019-06-30')).toThrow(expect.objectContaining({ code: 'ORGANISATION.QUALIFICATION_NOT_YET_VALID' }));
    expect(() => assertProviderQualified(providerDecider.initialState(), '2020-01-01')).toThrow(expect.objectContaining({ code: 'ORGANISATION.NOT_FOUND' }));
  });

  it('R-ORG-1 qualifies the provider again after a renewal', () => {
    const renewed = given(providerDecider, [registered, { type: 'ProviderQualificationRenewed', data: { providerId: PROVIDER_ID, qualification: renew('2024-06-30').qualification } }]).state;
    expect(() => assertProviderQualified(renewed, '2022-01-10')).not.toThrow();
  });
});
