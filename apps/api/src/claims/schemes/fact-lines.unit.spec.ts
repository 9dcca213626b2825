import { claimLineSchema } from '@skills/domain';
import { JCCQ_2020_12, calculateLabourBrand, calculateWorkForTraining } from '@skills/policy';
import { factKeyOf, factLinesOf } from './fact-lines';

const BRAND = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const HOLDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const PERSON = '5f607182-93a4-4ebf-80d1-4c5d6e7f8091';
const claimId = '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f';
const brandRequest = { claimId, scheme: 'R-AWARD-2' as const, subject: { kind: 'BRAND' as const, id: BRAND } };
const day = { from: '2021-08-10', to: '2021-08-10' };

const brandLine = (trained: number, placed: number, alreadyAwardedFen = 0) =>
  calculateLabourBrand({ policy: JCCQ_2020_12, serviceDate: '2021-08-10', brandId: BRAND, level: 'CITY', holder: { kind: 'ENTERPRISE', id: HOLDER }, trained, placed, alreadyAwardedFen });

describe('claim lines of recorded facts (R-CLAIM-2)', () => {
  it('R-AWARD-2 R-CLAIM-2 one person trained and placed on the same day is paid twice, under two keys and two line ids', () => {
    const trained = factLinesOf(brandLine(1, 0), brandRequest, { labourerId: PERSON, part: 'TRAINED', period: day, name: `TRAINED:${PERSON}` })[0]!;
    const placed = factLinesOf(brandLine(0, 1, 30_000), brandRequest, { labourerId: PERSON, part: 'PLACED', period: day, name: `PLACED:${PERSON}` })[0]!;
    expect(trained).toMatchObject({ outcome: 'AMOUNT', amountFen: 30_000, labourerId: PERSON, period: day });
    expect(placed).toMatchObject({ outcome: 'AMOUNT', amountFen: 20_000, labourerId: PERSON, period: day });
    const keys = [trained, placed].map((l) => (l as { paymentKey: string }).paymentKey);
    expect(new Set(keys).size).toBe(2);
    expect(trained.lineId).not.toBe(placed.lineId);
    expect(keys[0]).toBe(factKeyOf(brandRequest, { labourerId: PERSON, part: 'TRAINED', period: day, name: 'anything' }));
    for (const line of [trained, placed]) expect(claimLineSchema.safeParse(line).success).toBe(true);
  });

  it('R-ENT-3 R-CLAIM-2 each month of one person is its own key; a key does not depend on the claim', () => {
    const request = { claimId, scheme: 'R-ENT-3' as const, subject: { kind: 'PERSON' as const, id: PERSON } };
    const month = (from: string, to: string, monthsAlreadyPaid: number, otherClaim = claimId) => {
      const calculation = calculateWorkForTraining({
        policy: JCCQ_2020_12,
        serviceDate: to,
        employer: { id: HOLDER, kind: 'ENTERPRISE', insured: true },
        workers: [{ labourerId: PERSON, keyGroups: ['POOR_LABOURER'], flags: [], months: 1, monthsAlreadyPaid }],
      });
      return factLinesOf(calculation, { ...request, claimId: otherClaim }, { labourerId: PERSON, period: { from, to }, name: from.slice(0, 7) })[0] as { paymentKey: string; amountFen: number; lineId: string };
    };
    const march = month('2021-03-01', '2021-03-31', 2);
    const april = month('2021-04-01', '2021-04-30', 3);
    expect([march.amountFen, april.amountFen]).toEqual([30_000, 30_000]);
    expect(march.paymentKey).not.toBe(april.paymentKey);
    expect(march.lineId).not.toBe(april.lineId);
    expect(month('2021-03-01', '2021-03-31', 2, '8293a4b5-c6d7-41e2-b3f4-7f8091a2b3c4').paymentKey).toBe(march.paymentKey);
  });

  it('R-AWARD-2 a count past the cap is refused and reserves no key', () => {
    const refused = factLinesOf(brandLine(1, 0, 30_000_000), brandRequest, { labourerId: PERSON, part: 'TRAINED', period: day, name: `TRAINED:${PERSON}` })[0]!;
    expect(refused).toMatchObject({ outcome: 'REFUSED', labourerId: PERSON, reason: { code: 'CAP_EXHAUSTED' } });
    expect(refused).not.toHaveProperty('paymentKey');
  });
});
