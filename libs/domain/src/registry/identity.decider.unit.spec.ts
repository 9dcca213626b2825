import { given } from '../shared/testing/given-when-then';
import { identityDecider, type ClaimLabourerIdentity } from './identity.decider';
import { decideLabourerRegistration } from './labourer-registration';
import { labourerDecider } from './labourer.decider';
import { CONTEXT, FINGERPRINT, LABOURER_ID, OTHER_LABOURER_ID, registerCommand, registered } from './testing/registry-fixtures';

const claim = (labourerId: string): ClaimLabourerIdentity => ({ type: 'ClaimLabourerIdentity', labourerId, context: CONTEXT });
const claimed = (labourerId: string) => ({ type: 'LabourerIdentityClaimed' as const, data: { labourerId } });

describe('R-REG-1 one card per ID number, ever', () => {
  it('R-REG-1 claims an unclaimed identity for the new card', () => {
    given(identityDecider).when(claim(LABOURER_ID)).then([claimed(LABOURER_ID)]);
  });

  it('R-REG-1 rejects a second card for the same ID number, naming the existing card and not the ID', () => {
    const error = given(identityDecider, [claimed(LABOURER_ID)]).when(claim(OTHER_LABOURER_ID)).thenThrows('REGISTRY.DUPLICATE_LABOURER');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ existingLabourerId: LABOURER_ID });
    expect(error.message + JSON.stringify(error.details)).not.toContain(FINGERPRINT);
  });

  it('R-REG-1 treats the same card claiming again as a retry', () => {
    given(identityDecider, [claimed(LABOURER_ID)]).when(claim(LABOURER_ID)).thenNothingHappens();
  });

  it('R-REG-1 decides both streams of a registration at once', () => {
    const decision = decideLabourerRegistration(registerCommand(), { labourer: labourerDecider.initialState(), identity: identityDecider.initialState() });
    expect(decision).toEqual({ labourerEvents: [registered()], identityEvents: [claimed(LABOURER_ID)] });
  });

  it('R-REG-1 names the existing card before any other problem with the form', () => {
    const identity = given(identityDecider, [claimed(OTHER_LABOURER_ID)]).state;
    const tooOld = registerCommand({ birthDate: '1940-01-01' });
    expect(() => decideLabourerRegistration(tooOld, { labourer: labourerDecider.initialState(), identity })).toThrow(
      expect.objectContaining({ code: 'REGISTRY.DUPLICATE_LABOURER', details: { existingLabourerId: OTHER_LABOURER_ID } }),
    );
  });

  it('R-REG-1 still rejects the registration when only the card rules fail', () => {
    expect(() =>
      decideLabourerRegistration(registerCommand({ birthDate: '1940-01-01' }), { labourer: labourerDecider.initialState(), identity: identityDecider.initialState() }),
    ).toThrow(expect.objectContaining({ code: 'REGISTRY.AGE_OUT_OF_RANGE' }));
  });
});
