/** R-GATE-5 / R-CLAIM-1: every computed amount says what it used, which rule and which policy version. */
export interface LineExplanation {
  readonly ruleId: string;
  readonly policyVersion: string;
  readonly inputs: Readonly<Record<string, string | number>>;
  /** Human arithmetic in yuan, e.g. "123 × 4.00 = 492.00 yuan". */
  readonly arithmetic: string;
}
