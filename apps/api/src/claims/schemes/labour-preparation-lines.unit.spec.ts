import { claimLineSchema } from '@skills/domain';
import { JCCQ_2020_12, calculateLabourPreparation } from '@skills/policy';
import { paymentKeyOf } from '../payment-keys';
import type { LineContext } from './claim-lines';
import { labourPreparationClaimLines } from './labour-preparation-lines';

const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const [A, B, C] = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'];
const period = { from: '2021-01-04', to: '2022-01-03' };
const context: LineContext = { claimId: '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f', scheme: 'R-FREE-6', subject: { kind: 'COHORT', id: COHORT }, period };

describe('R-FREE-6 claim lines', () => {
  const calculation = calculateLabourPreparation({
    policy: JCCQ_2020_12,
    serviceDate: period.from,
    cohortId: COHORT,
    providerId: PROVIDER,
    trainees: [
      { labourerId: A, keyGroups: ['TWO_AFTER_STUDENT'], flags: ['RURAL_STUDENT'], monthsOfTraining: 12 },
      { labourerId: B, keyGroups: ['TWO_AFTER_STUDENT'], flags: [], monthsOfTraining: 7 },
      { labourerId: C, keyGroups: ['TWO_AFTER_STUDENT'], flags: ['URBAN_DIBAO_FAMILY'], monthsOfTraining: 5 },
    ],
  });
  const lines = labourPreparationClaimLines(calculation, context);

  it('R-FREE-6 pays 2500 at 12 months to the provider and 12 × 200 = 2400 to the rural student, each line with its own id and key', () => {
    const [subsidy, allowance] = lines;
    expect(subsidy).toMatchObject({ labourerId: A, outcome: 'AMOUNT', amountFen: 250_000, payee: { kind: 'PROVIDER', id: PROVIDER }, period });
    expect(allowance).toMatchObject({ labourerId: A, outcome: 'AMOUNT', amountFen: 240_000, payee: { kind: 'LABOURER', id: A } });
    expect(allowance!.explanation.arithmetic).toBe('living allowance 12 × 200.00 = 2400.00 yuan');
    expect(allowance!.lineId).not.toBe(subsidy!.lineId);
    expect((subsidy as { paymentKey: string }).paymentKey).toBe(paymentKeyOf({ ...context, labourerId: A }));
    expect((allowance as { paymentKey: string }).paymentKey).toBe(paymentKeyOf({ ...context, labourerId: A, part: 'LIVING_ALLOWANCE' }));
  });

  it('R-FREE-6 pays 1300 at 7 months, refuses the allowance of a student neither rural nor dibao, and nothing below 6 months', () => {
    expect(lines.slice(2).map((l) => [l.labourerId, l.payee.kind, l.outcome, l.outcome === 'AMOUNT' ? l.amountFen : l.outcome === 'REFUSED' ? l.reason.code : null])).toEqual([
      [B, 'PROVIDER', 'AMOUNT', 130_000],
      [B, 'LABOURER', 'REFUSED', 'NOT_ELIGIBLE_GROUP'],
      [C, 'PROVIDER', 'REFUSED', 'TOO_FEW_MONTHS'],
    ]);
    expect(lines.slice(2)[1]).not.toHaveProperty('paymentKey');
  });

  it('R-CLAIM-2 no two lines share an id or a key, and every line is a valid claim line', () => {
    expect(new Set(lines.map((l) => l.lineId)).size).toBe(lines.length);
    const keys = lines.flatMap((l) => (l.outcome === 'REFUSED' ? [] : [l.paymentKey]));
    expect(new Set(keys).size).toBe(keys.length);
    for (const line of lines) expect(claimLineSchema.safeParse(line).success).toBe(true);
  });
});
