import { paymentKeyMaterial, type PaymentKeyParts } from './payment-key';

describe('payment key parts (R-CLAIM-2, R-FREE-6)', () => {
  const parts: PaymentKeyParts = {
    scheme: 'R-FREE-6',
    subject: { kind: 'COHORT', id: 'c0a80101-0000-4000-8000-000000000001' },
    period: { from: '2021-03-01', to: '2021-08-31' },
    labourerId: '30a80101-0000-4000-8000-000000000001',
  };

  it('R-FREE-6 the living allowance of a trainee has a key of its own beside the training subsidy for the same trainee', () => {
    const subsidy = paymentKeyMaterial(parts);
    const allowance = paymentKeyMaterial({ ...parts, part: 'LIVING_ALLOWANCE' });
    expect(allowance).not.toBe(subsidy);
    expect(allowance.startsWith(`${subsidy}\u001f`)).toBe(true);
    expect(paymentKeyMaterial({ ...parts, part: 'LIVING_ALLOWANCE', labourerId: parts.labourerId!.toUpperCase() })).toBe(allowance);
  });

  it('R-CLAIM-2 a key without a part is the same text as before parts existed', () => {
    expect(paymentKeyMaterial(parts)).toBe(['payment-key', 'R-FREE-6', 'COHORT', parts.subject.id, `PERSON:${parts.labourerId}`, '2021-03-01', '2021-08-31'].join('\u001f'));
  });
});
