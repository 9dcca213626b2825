export * from './event-store.port';
export { EVENT_STORE_MIGRATIONS } from './event-store.migrations';
export { SqlEventStore } from './sql-event-store';
export { InMemoryEventStore, type InMemoryTransaction } from './in-memory-event-store';
export * from './transaction-id-guard';
