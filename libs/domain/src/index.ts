export * from './shared/event-definition';
export * from './shared/event-catalogue';
