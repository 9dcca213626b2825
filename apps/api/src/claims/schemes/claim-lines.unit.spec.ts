import { CLAIM_SCHEME, claimLineSchema } from '@skills/domain';
import { JCCQ_2020_12, calculateCertificationSubsidy, calculateGeneralTraining } from '@skills/policy';
import { paymentKeyOf } from '../payment-keys';
import { claimLinesOf, type LineContext } from './claim-lines';
import { CLAIM_SOURCES } from './claim-sources';

const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const [A, B, C] = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'];
const context: LineContext = { claimId: '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f', scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2021-03-20' } };

describe('claim lines from a calculator (R-CLAIM-1, R-CLAIM-2)', () => {
  it('R-CLAIM-1 claims can be submitted for every scheme of the notice', () => {
    expect(CLAIM_SOURCES.map((s) => s.scheme)).toEqual(['R-FREE-3', 'R-FREE-4', 'R-FREE-5', 'R-FREE-6', 'R-FREE-7', 'R-FREE-8', 'R-ENT-1', 'R-ENT-2', 'R-ENT-3', 'R-ENT-4', 'R-AWARD-1', 'R-AWARD-2', 'R-CERT-2', 'R-CERT-3']);
    expect([...CLAIM_SOURCES.map((s) => s.scheme)].sort()).toEqual([...CLAIM_SCHEME.options].sort());
  });

  it('R-FREE-3 7 days × 150 = 1050 yuan is capped at 1000 (100000 fen); the line keeps the explanation and takes its key', () => {
    const calculation = calculateGeneralTraining({ policy: JCCQ_2020_12, serviceDate: '2021-03-01', cohortId: COHORT, providerId: PROVIDER, trainingDaysHeld: 7, trainees: [{ labourerId: A, attendedDays: 7 }, { labourerId: B, attendedDays: 6 }, { labourerId: C, attendedDays: 0 }] });
    const [capped, within, refused] = claimLinesOf(calculation, context);
    expect(capped).toMatchObject({ outcome: 'AMOUNT', amountFen: 100_000, ruleId: 'R-FREE-3', labourerId: A, period: context.period, payee: { kind: 'PROVIDER', id: PROVIDER }, policyVersion: 'JCCQ-2020-12.v1' });
    expect(capped!.explanation).toEqual(calculation.lines[0]!.explanation);
    expect(capped!.explanation.arithmetic).toBe('7 × 150.00 = 1050.00 yuan, capped at 1000.00 yuan');
    expect(within).toMatchObject({ outcome: 'AMOUNT', amountFen: 90_000 });
    expect(refused).toMatchObject({ outcome: 'REFUSED', reason: { code: 'NO_ATTENDED_DAYS' } });
    expect(refused).not.toHaveProperty('paymentKey');
    expect((capped as { paymentKey: string }).paymentKey).toBe(paymentKeyOf({ ...context, labourerId: A }));
    expect((capped as { paymentKey: string }).paymentKey).toMatch(/^[0-9a-f]{64}$/);
    for (const line of [capped, within, refused]) expect(claimLineSchema.safeParse(line).success).toBe(true);
  });

  it('R-CLAIM-1 line ids are stable for the same claim and person, and differ across people and claims', () => {
    const calculation = calculateGeneralTraining({ policy: JCCQ_2020_12, serviceDate: '2021-03-01', cohortId: COHORT, providerId: PROVIDER, trainingDaysHeld: 7, trainees: [{ labourerId: A, attendedDays: 7 }, { labourerId: B, attendedDays: 6 }] });
    const once = claimLinesOf(calculation, context).map((l) => l.lineId);
    expect(claimLinesOf(calculation, context).map((l) => l.lineId)).toEqual(once);
    expect(new Set(once).size).toBe(2);
    expect(claimLinesOf(calculation, { ...context, claimId: '8293a4b5-c6d7-41e2-b3f4-7f8091a2b3c4' })[0]!.lineId).not.toBe(once[0]);
  });

  it('R-CLAIM-4 a "no rule" line reserves its key: an override may still pay it', () => {
    const calculation = calculateCertificationSubsidy({
      policy: JCCQ_2020_12,
      serviceDate: '2021-03-01',
      organiser: { kind: 'PROVIDER', id: PROVIDER },
      certificates: [{ labourerId: A, certificateId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', type: 'SKILL_LEVEL', level: 'INTERMEDIATE', evaluationFree: true }],
    });
    const [line] = claimLinesOf(calculation, { ...context, scheme: 'R-CERT-2' });
    expect(line).toMatchObject({ outcome: 'NO_RULE', reason: { code: 'NO_AMOUNT_IN_NOTICE' } });
    expect(line).toHaveProperty('paymentKey');
  });
});
