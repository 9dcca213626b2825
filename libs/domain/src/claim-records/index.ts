export * from './claim-records-stream-ids';
export * from './claim-records.events';
export * from './claim-records.commands';
export * from './claim-records.decider';
export * from './claim-records.catalogue';
export * from './evidence-file.rules';
