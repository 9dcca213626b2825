import type { DomainError } from '../shared/domain-error';
import { claimDecider } from './claim.decider';
import { decideClaimSubmission } from './claim-submission';
import { paymentKeyMaterial } from './payment-key';
import { paymentKeyDecider, type PaymentKeyState } from './payment-key.decider';
import { amountLine, CLAIM_ID, COHORT_ID, keyOf, OTHER_PROVIDER_ID, PERIOD, PROVIDER_ID, submitClaim, TRAINEES } from './testing/claim-fixtures';

const free: PaymentKeyState = { status: 'free' };
const OTHER_CLAIM = '8293a4b5-c6d7-41e2-b3f4-7f8091a2b3c4';

/** The key of the first trainee, held by an earlier claim of `organisationId`. */
function heldBy(organisationId: string): PaymentKeyState {
  const [event] = paymentKeyDecider.decide(
    { ...submitClaim({ claimId: OTHER_CLAIM }), type: 'ReservePaymentKey', submittedBy: { organisation: { kind: 'PROVIDER', id: organisationId }, accountId: CLAIM_ID }, line: amountLine(0, 100_000) as never },
    free,
  );
  return paymentKeyDecider.evolve(free, event!);
}

const keys = (first: PaymentKeyState) => new Map([[keyOf(1), first], [keyOf(2), free]]);

function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('claim submission and payment keys (R-CLAIM-2)', () => {
  it('R-CLAIM-2 reserves one payment key per paying line and none for a refused line', () => {
    const decision = decideClaimSubmission(submitClaim(), { claim: claimDecider.initialState(), keys: keys(free) });
    expect(decision.claimEvents).toHaveLength(1);
    expect(decision.keyEvents.map((k) => k.paymentKey)).toEqual([keyOf(1), keyOf(2)]);
    expect(decision.keyEvents[0]!.events).toEqual([
      {
        type: 'PaymentKeyReserved',
        data: { claimId: CLAIM_ID, lineId: amountLine(0, 1).lineId, scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: COHORT_ID }, period: PERIOD, labourerId: TRAINEES[0], organisation: { kind: 'PROVIDER', id: PROVIDER_ID } },
      },
    ]);
  });

  it('R-CLAIM-2 refuses the whole claim when another organisation\'s claim holds a key, naming the person but not that claim', () => {
    const error = thrown(() => decideClaimSubmission(submitClaim(), { claim: claimDecider.initialState(), keys: keys(heldBy(OTHER_PROVIDER_ID)) }));
    expect(error.code).toBe('CLAIM.ALREADY_CLAIMED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toEqual({ ruleId: 'R-CLAIM-2', alreadyClaimed: [{ labourerId: TRAINEES[0] }] });
    expect(error.message).toContain('1 of the 2 line(s)');
    expect(JSON.stringify(error)).not.toContain(OTHER_CLAIM);
  });

  it('R-CLAIM-2 tells the same organisation which of its claims holds the key', () => {
    const error = thrown(() => decideClaimSubmission(submitClaim(), { claim: claimDecider.initialState(), keys: keys(heldBy(PROVIDER_ID)) }));
    expect(error.details).toEqual({ ruleId: 'R-CLAIM-2', alreadyClaimed: [{ labourerId: TRAINEES[0], claimId: OTHER_CLAIM }] });
  });

  it('R-CLAIM-2 a key once reserved stays with the first claim', () => {
    const held = heldBy(OTHER_PROVIDER_ID);
    expect(() => paymentKeyDecider.decide({ ...submitClaim(), type: 'ReservePaymentKey', line: amountLine(0, 100_000) as never }, held)).toThrow('reserved by claim');
  });

  it('R-CLAIM-2 the key is one person, one scheme, one subject, one period: not the payee; R-FREE-3 and R-FREE-4 share it', () => {
    const parts = { scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: COHORT_ID }, period: PERIOD, labourerId: TRAINEES[0] } as const;
    const key = paymentKeyMaterial(parts);
    expect(paymentKeyMaterial({ ...parts, scheme: 'R-FREE-4', labourerId: TRAINEES[0].toUpperCase() })).toBe(key);
    for (const other of [
      { ...parts, scheme: 'R-FREE-5' as const },
      { ...parts, labourerId: TRAINEES[1] },
      { ...parts, subject: { kind: 'COHORT' as const, id: OTHER_PROVIDER_ID } },
      { ...parts, period: { ...PERIOD, to: '2021-03-21' } },
      { scheme: parts.scheme, subject: parts.subject, period: parts.period },
    ]) {
      expect(paymentKeyMaterial(other)).not.toBe(key);
    }
  });
});
