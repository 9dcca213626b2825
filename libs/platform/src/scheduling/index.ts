export * from './round-loop';
export * from './failure-backoff';
