import type { Fen } from './money';

/** A cap a line was held to (R-FREE-3's 1000 a person, R-AWARD-2's 600,000 a brand), shown even when not reached. */
export interface CapNote {
  /** What the cap is, in the notice's terms: "at most 1000.00 yuan per person". */
  readonly description: string;
  readonly limitFen: Fen;
  /** The amount before the cap. */
  readonly uncappedFen: Fen;
  /** True when the cap lowered the amount. */
  readonly applied: boolean;
}

/** R-GATE-5 / R-CLAIM-1: every computed amount says what it used, which rule and which policy version. */
export interface LineExplanation {
  readonly ruleId: string;
  readonly policyVersion: string;
  readonly inputs: Readonly<Record<string, string | number | boolean>>;
  /** Human arithmetic in yuan, e.g. "123 × 4.00 = 492.00 yuan". */
  readonly arithmetic: string;
  /** Present on lines of a capped scheme. */
  readonly cap?: CapNote;
}
