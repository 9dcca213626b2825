/**
 * Rates are exact fractions, never floats (POLICY.md section 4): a threshold is reached when
 * `numerator * 100 >= thresholdPercent * denominator`.
 */
export interface ExactFraction {
  readonly numerator: number;
  readonly denominator: number;
}

export function exactFraction(numerator: number, denominator: number): ExactFraction {
  for (const value of [numerator, denominator]) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('a rate needs whole, non-negative counts');
  }
  return { numerator, denominator };
}

/** An empty base (0/0) reaches no threshold: there is no rate to compare. */
export function reachesPercent(rate: ExactFraction, thresholdPercent: number): boolean {
  return rate.denominator > 0 && rate.numerator * 100 >= thresholdPercent * rate.denominator;
}

/** The smallest numerator that reaches the threshold for this denominator: ceil(threshold × denominator / 100). */
export function numeratorNeeded(denominator: number, thresholdPercent: number): number {
  return ceilDiv(thresholdPercent * denominator, 100);
}

/**
 * The rate as a percentage with two decimals, computed in integers and rounded down, so a shown rate is never
 * higher than the real one (79.999…% shows '79.99', not '80.00'). null for an empty base.
 */
export function percentText(rate: ExactFraction): string | null {
  if (rate.denominator === 0) return null;
  const hundredths = floorDiv(rate.numerator * 10_000, rate.denominator);
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

function floorDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a)) throw new RangeError('count too large for an exact rate');
  return (a - (a % b)) / b;
}

function ceilDiv(a: number, b: number): number {
  return floorDiv(a + b - 1, b);
}
