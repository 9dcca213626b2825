import type { PolicySimulationReport } from '@skills/platform';
import { progressLine, summaryOf, yuan } from './simulate-summary';

const figures = (liveFen: number, simulatedFen: number, payableSimulatedFen = simulatedFen) => ({
  liveFen,
  simulatedFen,
  differenceFen: simulatedFen - liveFen,
  payableLiveFen: liveFen,
  payableSimulatedFen,
  payableDifferenceFen: payableSimulatedFen - liveFen,
});

describe('npm run simulate output (issue 4, policy simulation)', () => {
  it('writes fen as grouped yuan, signed differences with their sign', () => {
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(-5_000)).toBe('-50.00');
    expect(yuan(5_000, true)).toBe('+50.00');
    expect(yuan(0, true)).toBe('0.00');
    expect(yuan(7)).toBe('0.07');
  });

  it('shows progress as events read of the total, a floor percent and events/s since the start', () => {
    // 599,999 of 1,200,000 is 49.99…%: 49; 599,999 events in 12 s is 50,000/s (rounded).
    expect(progressLine({ eventsRead: 599_999, eventsTotal: 1_200_000 }, 12_000)).toBe('simulating: 599,999 / 1,200,000 events (49%), 50,000 events/s');
    expect(progressLine({ eventsRead: 0, eventsTotal: 0 }, 0)).toBe('simulating: 0 / 0 events (0%), 0 events/s');
    // The count runs beside the first pages: until it answers, the line says so instead of "of 0".
    expect(progressLine({ eventsRead: 5_000, eventsTotal: 0 }, 1_000)).toBe('simulating: 5,000 events (counting the rest), 5,000 events/s');
  });

  it('sums up totals, each scheme and the flips by kind', () => {
    const report = {
      candidate: { policyId: 'JCCQ-2020-12', version: 2, policyVersion: 'JCCQ-2020-12.v2', effectiveFrom: '2021-01-01', effectiveTo: null },
      asOf: '2022-06-30',
      eventsRead: 1_000_000,
      claims: { total: 3, simulated: 2, notSimulated: 1, overridden: 0, amountChanged: 1 },
      // The claim that would be blocked computes 1,000.00 yuan that it would not pay.
      totals: figures(390_000, 290_000, 190_000),
      byScheme: [{ scheme: 'R-FREE-3', claims: 3, ...figures(390_000, 290_000) }],
      bySubdistrict: [{ subdistrictId: 'sd-1', lines: 4, ...figures(390_000, 290_000) }],
      byPayeeOrganisation: [{ organisation: { kind: 'PROVIDER', id: 'p-1' }, claims: 3, ...figures(390_000, 290_000) }],
      flips: [
        { kinds: ['RELEASED_TO_BLOCKED'] },
        { kinds: ['WAITING_CHANGED', 'TIER'] },
      ],
      notSimulated: [{ reason: 'SUBJECT_NOT_FOUND' }],
    } as unknown as PolicySimulationReport;
    const text = summaryOf(report, 'DRAFT', 20_000);
    expect(text.split('\n')).toEqual([
      'policy simulation of JCCQ-2020-12.v2 (draft, effective 2021-01-01 to open) as of 2022-06-30',
      '  1,000,000 events in 20.0 s (50,000 events/s)',
      'claims: 3 (2 simulated, 1 not simulated and kept at their live figures, 0 overridden); 1 change amount',
      'total (yuan): live 3,900.00  simulated 2,900.00  difference -1,000.00',
      'payable, blocked and rejected claims left out (yuan): live 3,900.00  simulated 1,900.00  difference -2,000.00',
      'by scheme (yuan):',
      '  R-FREE-3        3 claims  live 3,900.00  simulated 2,900.00  difference -1,000.00',
      'by subdistrict (1; yuan):',
      '  sd-1  4 lines  live 3,900.00  simulated 2,900.00  difference -1,000.00',
      'by payee organisation (1; yuan):',
      '  PROVIDER:p-1  3 claims  live 3,900.00  simulated 2,900.00  difference -1,000.00',
      'flips: 2 (RELEASED_TO_BLOCKED 1, BLOCKED_TO_RELEASED 0, WAITING_CHANGED 1, TIER 1)',
      'not simulated: SUBJECT_NOT_FOUND 1',
      '',
    ]);
  });
});
