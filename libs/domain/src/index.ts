export * from './shared/event-definition';
export * from './shared/event-catalogue';
export * from './shared/domain-error';
export * from './shared/decider';
export * from './shared/calendar-date';
export * from './shared/stream-ids';
export * from './registry';
export * from './catalogue';
