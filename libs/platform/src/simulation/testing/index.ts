// Hand-made stored facts and the fold they make, for the simulation's tests and the evaluation report's.
export * from './history-events';
export { historyOf } from './simulation-context';
