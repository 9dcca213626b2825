export * from './claim-notice-stream-ids';
export * from './claim-notice.events';
export * from './claim-notice.commands';
export * from './claim-notice.decider';
export * from './claim-notice.catalogue';
export * from './notice-period';
export { STATEMENT_MAX_CHARACTERS, STATEMENT_MIN_CHARACTERS, assertStatement, openPeriodFor } from './objection.rules';
export * as noticeErrors from './claim-notice.errors';
