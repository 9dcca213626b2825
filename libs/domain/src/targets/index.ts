export * from './district-targets';
export * from './target-set.events';
export * from './target-set.rules';
export * from './target-set.errors';
export * from './target-set.decider';
export * from './target-set-catalogue.decider';
export * from './target-set.catalogue';
export * from './target-set-stream-ids';
