export * from './clock';
export * from './claim-gates-of';
export * from './decided-tier-lines';
export * from './evaluate-claim-gates';
export * from './gate-evaluator';
export * from './late-adjustment';
