import { exactFraction } from './exact-fraction';
import { evaluateGateState, rateArithmetic } from './gate-state';

const window = { end: '2021-06-10', provisional: false };

describe('R-GATE-4 the state of one gate', () => {
  it('R-GATE-4 holds the moment the rate reaches its threshold, even with the window open', () => {
    expect(evaluateGateState(exactFraction(12, 20), 60, window, '2021-03-20')).toEqual({ status: 'HOLDING' });
  });

  it('R-GATE-4 waits below the threshold while the window is open, up to and including its last day', () => {
    expect(evaluateGateState(exactFraction(11, 20), 60, window, '2021-06-10')).toEqual({ status: 'OPEN', windowEnd: '2021-06-10', provisional: false, shortBy: 1 });
  });

  it('R-GATE-4 fails the day after the window closes below the threshold, with the figures', () => {
    expect(evaluateGateState(exactFraction(11, 20), 60, window, '2021-06-11')).toEqual({ status: 'FAILED', windowEnd: '2021-06-10', shortBy: 1, emptyBase: false });
  });

  it('R-GATE-4 cannot fail while the cohort has no completion date', () => {
    expect(evaluateGateState(exactFraction(0, 20), 60, { ...window, provisional: true }, '2022-01-01')).toMatchObject({ status: 'OPEN', provisional: true, shortBy: 12 });
  });

  it('R-GATE-4 an empty base never holds: it waits, then fails as an empty base', () => {
    expect(evaluateGateState(exactFraction(0, 0), 0, window, '2021-06-10')).toEqual({ status: 'OPEN', windowEnd: '2021-06-10', provisional: false, shortBy: null });
    expect(evaluateGateState(exactFraction(0, 0), 60, window, '2021-06-11')).toEqual({ status: 'FAILED', windowEnd: '2021-06-10', shortBy: null, emptyBase: true });
  });

  it('R-GATE-4 a closed gate that pending verifications could lift to its threshold awaits them instead of failing', () => {
    expect(evaluateGateState(exactFraction(10, 20), 60, window, '2021-06-11', 2)).toEqual({ status: 'AWAITING_VERIFICATION', windowEnd: '2021-06-10', shortBy: 2, pendingVerification: 2 });
    expect(evaluateGateState(exactFraction(10, 20), 60, window, '2021-06-11', 3)).toMatchObject({ status: 'AWAITING_VERIFICATION', pendingVerification: 3 });
  });

  it('R-GATE-4 a closed gate fails finally when even every pending verification would leave it short', () => {
    expect(evaluateGateState(exactFraction(10, 20), 60, window, '2021-06-11', 1)).toEqual({ status: 'FAILED', windowEnd: '2021-06-10', shortBy: 2, emptyBase: false });
  });

  it('R-GATE-4 pending verifications change nothing while the window is open', () => {
    expect(evaluateGateState(exactFraction(10, 20), 60, window, '2021-06-10', 5)).toEqual({ status: 'OPEN', windowEnd: '2021-06-10', provisional: false, shortBy: 2 });
  });

  it('R-GATE-5 writes the comparison so a reviewer can redo it', () => {
    expect(rateArithmetic(exactFraction(19, 20), 95)).toBe('19 / 20 = 95.00% ≥ 95% (19 × 100 = 1900 ≥ 95 × 20 = 1900)');
    expect(rateArithmetic(exactFraction(18, 20), 95)).toBe('18 / 20 = 90.00% < 95% (18 × 100 = 1800 < 95 × 20 = 1900)');
  });
});
