import type { RegisteringUnit } from '@skills/domain';
import { JCCQ_2020_12 } from './documents';
import type { PolicyDocument } from './policy-document.schema';
import { calculateRegistrationFunding } from './registration-funding.calculator';

const nancun: RegisteringUnit = { kind: 'SUBDISTRICT', id: '21e47a1a-3082-463a-89dd-807d9a7362f0' };
const provider: RegisteringUnit = { kind: 'PROVIDER', id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' };
const december = { from: '2020-12-03', to: '2020-12-31' };

describe('R-REG-3 registration funding', () => {
  it('R-REG-3 pays 4 yuan per registered labourer to each registering unit, with its arithmetic', () => {
    const result = calculateRegistrationFunding({
      policy: JCCQ_2020_12,
      period: december,
      counts: [
        { registeringUnit: nancun, labourersRegistered: 123 },
        { registeringUnit: provider, labourersRegistered: 2 },
      ],
    });
    expect(result.lines.map((line) => line.amountFen)).toEqual([49_200, 800]);
    expect(result.totalFen).toBe(50_000);
    expect(result.lines[0]!.explanation).toEqual({
      ruleId: 'R-REG-3',
      policyVersion: 'JCCQ-2020-12.v1',
      inputs: { registeringUnit: `SUBDISTRICT:${nancun.id}`, labourersRegistered: 123, fundingPerLabourerFen: 400, from: '2020-12-03', to: '2020-12-31' },
      arithmetic: '123 × 4.00 = 492.00 yuan',
    });
    expect(result.totalArithmetic).toBe('492.00 + 8.00 = 500.00 yuan');
    expect(result.policyVersion).toBe('JCCQ-2020-12.v1');
  });

  it('R-REG-3 pays a whole district of 350,000 labourers exactly (1,400,000.00 yuan)', () => {
    const result = calculateRegistrationFunding({ policy: JCCQ_2020_12, period: december, counts: [{ registeringUnit: nancun, labourersRegistered: 350_000 }] });
    expect(result.totalFen).toBe(140_000_000);
    expect(result.lines[0]!.explanation.arithmetic).toBe('350000 × 4.00 = 1400000.00 yuan');
  });

  it('R-REG-3 pays nothing for a unit that registered no one, and totals an empty period to 0', () => {
    expect(calculateRegistrationFunding({ policy: JCCQ_2020_12, period: december, counts: [{ registeringUnit: nancun, labourersRegistered: 0 }] }).lines[0]!.amountFen).toBe(0);
    const empty = calculateRegistrationFunding({ policy: JCCQ_2020_12, period: december, counts: [] });
    expect(empty).toMatchObject({ totalFen: 0, totalArithmetic: '0.00 = 0.00 yuan', lines: [] });
  });

  it('R-REG-3 uses the rate of the policy version it is given', () => {
    const raised: PolicyDocument = { ...JCCQ_2020_12, version: 2, parameters: { ...JCCQ_2020_12.parameters, registration: { fundingPerLabourerFen: 550, minAge: 16, maxAge: 60 } } };
    const result = calculateRegistrationFunding({ policy: raised, period: december, counts: [{ registeringUnit: nancun, labourersRegistered: 3 }] });
    expect(result.totalFen).toBe(1_650);
    expect(result.lines[0]!.explanation).toMatchObject({ policyVersion: 'JCCQ-2020-12.v2', arithmetic: '3 × 5.50 = 16.50 yuan' });
  });

  it('R-REG-3 refuses a period the policy does not cover (registrations before publication)', () => {
    expect(() => calculateRegistrationFunding({ policy: JCCQ_2020_12, period: { from: '2020-10-01', to: '2020-12-31' }, counts: [] })).toThrow(
      expect.objectContaining({ code: 'FUNDING.POLICY_NOT_IN_FORCE', kind: 'rule' }),
    );
  });

  it('R-REG-3 refuses a backwards period, a fractional or negative count, and a unit listed twice', () => {
    expect(() => calculateRegistrationFunding({ policy: JCCQ_2020_12, period: { from: '2020-12-31', to: '2020-12-03' }, counts: [] })).toThrow(
      expect.objectContaining({ code: 'FUNDING.INVALID_PERIOD' }),
    );
    const counts = [
      { registeringUnit: nancun, labourersRegistered: 1.5 },
      { registeringUnit: provider, labourersRegistered: -1 },
      { registeringUnit: { ...nancun }, labourersRegistered: 4 },
    ];
    expect(() => calculateRegistrationFunding({ policy: JCCQ_2020_12, period: december, counts })).toThrow(
      expect.objectContaining({
        code: 'FUNDING.INVALID_COUNTS',
        issues: [
          expect.objectContaining({ field: 'counts.0.labourersRegistered' }),
          expect.objectContaining({ field: 'counts.1.labourersRegistered' }),
          expect.objectContaining({ field: 'counts.2.registeringUnit' }),
        ],
      }),
    );
  });
});
