export * from './evaluation-report.events';
export * from './evaluation-report-stream-ids';
export * from './evaluation-report.decider';
export * from './evaluation.catalogue';
