export * from './policy.events';
export * from './policy-catalogue.decider';
export * from './policy.catalogue';
