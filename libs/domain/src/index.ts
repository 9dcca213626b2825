export * from './shared/event-definition';
export * from './shared/event-catalogue';
export * from './shared/domain-error';
export * from './shared/decider';
