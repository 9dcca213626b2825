import { newEnvelope, type Principal } from '@skills/platform';
import { recordingUnitOf, withinRecordingUnit } from './outcome-recorders';

const principal = (roles: Principal['roles'], scope: Principal['scope'] = {}, userId = '11111111-2222-4333-8444-555555555555'): Principal => ({ userId, username: 'u', roles, scope });
const providerA = principal(['PROVIDER'], { providerId: '9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C60' });
const providerB = principal(['PROVIDER'], { providerId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d' });
const enterprise = principal(['ENTERPRISE'], { enterpriseId: '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e' });
const KEY = '3b4c8f1e-2a5d-4e6f-9a1b-0c2d3e4f5a6b';
const keyOf = (who: Principal) => withinRecordingUnit(who, newEnvelope(who.userId, 'c-1', KEY)).idempotencyKey;

describe('ids derived from an Idempotency-Key belong to the caller\'s organisation (R-CERT-1, R-GATE-3)', () => {
  it('R-CERT-1 two units sending the same key derive different ids; one unit retrying derives the same', () => {
    const keys = [keyOf(providerA), keyOf(providerB), keyOf(enterprise), keyOf(principal(['REVIEWER']))];
    expect(new Set(keys).size).toBe(4);
    expect(keys).not.toContain(KEY);
    // Another clerk of the same provider, or another bureau role, is the same organisation.
    expect(keyOf(principal(['PROVIDER'], { providerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60' }, '22222222-2222-4333-8444-555555555555'))).toBe(keys[0]);
    expect(keyOf(principal(['EVALUATOR']))).toBe(keys[3]);
  });

  it('keeps the key the caller sent as the causation id, and the rest of the envelope', () => {
    const envelope = newEnvelope('clerk', 'c-1', KEY);
    expect(withinRecordingUnit(providerA, envelope)).toEqual({ ...envelope, idempotencyKey: keyOf(providerA) });
    expect(envelope.causationId).toBe(KEY);
  });

  it('refuses an account linked to no organisation', () => {
    expect(() => recordingUnitOf(principal(['ENTERPRISE']))).toThrow(expect.objectContaining({ code: 'AUTH.NO_RECORDING_UNIT' }));
    expect(() => recordingUnitOf(principal(['PROVIDER']))).toThrow(expect.objectContaining({ code: 'AUTH.NO_PROVIDER_SCOPE' }));
  });
});
