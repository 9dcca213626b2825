export { describeEventStoreContract } from '../contract/event-store.contract';
export {
  anEvent,
  eventually,
  newStreamId,
  someEvents,
  type EventStoreContractFactory,
  type EventStoreContractSubject,
  type HeldAppend,
} from '../contract/contract-subject';
export { sqlAppendHeldOpen } from '../contract/sql-held-append';
