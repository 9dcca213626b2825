import { JCCQ_2020_12 } from '../documents';
import type { PolicyDocument } from '../policy-document.schema';
import { priceLabourBrandCounts } from './labour-brand-counts';

const BRAND = 'b1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const HOLDER = { kind: 'ENTERPRISE' as const, id: 'e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8' };
const [A, B, C] = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'];

/** JCCQ-2020-12 v2 from 2021-08-15: a city brand capped at 1,000 yuan. */
const capped: PolicyDocument = {
  ...structuredClone(JCCQ_2020_12),
  version: 2,
  effectiveFrom: '2021-08-15',
  parameters: { ...structuredClone(JCCQ_2020_12.parameters), awards: { ...JCCQ_2020_12.parameters.awards, labourBrand: { ...JCCQ_2020_12.parameters.awards.labourBrand, CITY: { perTrainedFen: 30_000, perPlacedFen: 20_000, capFen: 100_000 } } } },
};
const policyOn = (day: string) => (day >= capped.effectiveFrom ? capped : JCCQ_2020_12);

describe('R-AWARD-2 a brand\'s counts priced in the order counted', () => {
  it('R-AWARD-2 each count is priced under the version of its day with what the counts before it earned as already awarded, up to the cap', () => {
    const counts = [
      { labourerId: A, count: 'TRAINED' as const, countedOn: '2021-08-10' },
      { labourerId: B, count: 'TRAINED' as const, countedOn: '2021-08-10' },
      { labourerId: A, count: 'PLACED' as const, countedOn: '2021-08-20' },
      { labourerId: C, count: 'TRAINED' as const, countedOn: '2021-08-20' },
      { labourerId: B, count: 'PLACED' as const, countedOn: '2021-08-20' },
    ];
    const priced = priceLabourBrandCounts({ brandId: BRAND, level: 'CITY', holder: HOLDER, counts }, policyOn);
    // 300 + 300 (v1), 200 (800 so far, v2's cap 1000), 300 capped at the 200 left, then nothing.
    expect(priced.map((p) => [p.name, p.calculation.policyVersion, p.calculation.totalFen])).toEqual([
      [`TRAINED:${A}`, 'JCCQ-2020-12.v1', 30_000],
      [`TRAINED:${B}`, 'JCCQ-2020-12.v1', 30_000],
      [`PLACED:${A}`, 'JCCQ-2020-12.v2', 20_000],
      [`TRAINED:${C}`, 'JCCQ-2020-12.v2', 20_000],
      [`PLACED:${B}`, 'JCCQ-2020-12.v2', 0],
    ]);
    expect(priced[4]!.calculation.lines[0]).toMatchObject({ outcome: 'REFUSED', reason: { code: 'CAP_EXHAUSTED' } });
    expect(priced[2]).toMatchObject({ labourerId: A, part: 'PLACED', period: { from: '2021-08-20', to: '2021-08-20' } });
  });
});
