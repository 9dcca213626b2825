import type { CalendarDate } from '@skills/domain';
import { numeratorNeeded, percentText, reachesPercent, type ExactFraction } from './exact-fraction';

/**
 * R-GATE-4 as one gate sees it. HOLDING: the rate reaches its threshold, decided the moment it does, even with the
 * window open. OPEN: below the threshold with the window still open (or the cohort not completed, so the window's
 * end is provisional). FAILED: below the threshold with the window closed, i.e. the evaluation date is after the
 * window's last day. An empty base (0/0) has no rate and never holds: it waits, then fails as EMPTY_BASE.
 * AWAITING_VERIFICATION: the window has closed below the threshold, but records made in time still await the bureau's
 * verification (R-GATE-3) and would reach it if verified: undecided, because FAILED is final (R-GATE-4) and a
 * verification may lag the window. It is decided once nothing recorded in time is pending.
 */
export type GateState =
  | { readonly status: 'HOLDING' }
  | { readonly status: 'OPEN'; readonly windowEnd: CalendarDate; readonly provisional: boolean; readonly shortBy: number | null }
  | { readonly status: 'AWAITING_VERIFICATION'; readonly windowEnd: CalendarDate; readonly shortBy: number; readonly pendingVerification: number }
  | { readonly status: 'FAILED'; readonly windowEnd: CalendarDate; readonly shortBy: number | null; readonly emptyBase: boolean };

export interface GateWindow {
  /** The last day the gate counts; the window is closed from the next day. */
  readonly end: CalendarDate;
  /** The cohort has no completion date yet, so the end is computed from the planned end and cannot close. */
  readonly provisional: boolean;
}

/**
 * `pendingVerification`: trainees not counted who would count once a record made in time is verified (only the
 * employment gate has any); it changes nothing while the window is open, and only keeps a closed gate undecided.
 */
export function evaluateGateState(rate: ExactFraction, thresholdPercent: number, window: GateWindow, asOf: CalendarDate, pendingVerification = 0): GateState {
  if (reachesPercent(rate, thresholdPercent)) return { status: 'HOLDING' };
  // How many more trainees would have to count: unknown for an empty base.
  const shortBy = rate.denominator === 0 ? null : numeratorNeeded(rate.denominator, thresholdPercent) - rate.numerator;
  const closed = !window.provisional && asOf > window.end;
  if (!closed) return { status: 'OPEN', windowEnd: window.end, provisional: window.provisional, shortBy };
  if (shortBy !== null && pendingVerification >= shortBy) return { status: 'AWAITING_VERIFICATION', windowEnd: window.end, shortBy, pendingVerification };
  return { status: 'FAILED', windowEnd: window.end, shortBy, emptyBase: rate.denominator === 0 };
}

/** "19 / 20 = 95.00% ≥ 95% (19 × 100 = 1900 ≥ 95 × 20 = 1900)": the comparison as a reviewer can redo it. */
export function rateArithmetic(rate: ExactFraction, thresholdPercent: number): string {
  const { numerator: n, denominator: d } = rate;
  if (d === 0) return `${n} / 0: no trainee in the base, so no rate; the ${thresholdPercent}% threshold cannot be reached`;
  const reached = reachesPercent(rate, thresholdPercent);
  const sign = reached ? '≥' : '<';
  return `${n} / ${d} = ${percentText(rate)}% ${sign} ${thresholdPercent}% (${n} × 100 = ${n * 100} ${sign} ${thresholdPercent} × ${d} = ${thresholdPercent * d})`;
}
