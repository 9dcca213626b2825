export { describeEventStoreContract } from '../contract/event-store.contract';
export { describeSqlEventStore, type SqlEventStoreSubject } from '../contract/sql-event-store.contract';
export {
  anEvent,
  eventually,
  holdTransactionOpen,
  newStreamId,
  settledHead,
  someEvents,
  type EventStoreContractFactory,
  type EventStoreContractSubject,
  type HeldAppend,
} from '../contract/contract-subject';
export { sqlAppendHeldOpen } from '../contract/sql-held-append';
