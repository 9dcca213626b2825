export * from './exact-fraction';
export * from './calendar-days';
export * from './outcome-facts';
export * from './cohort-base';
export * from './gate-counting';
export * from './gate-state';
export * from './outcome-rates.calculator';
