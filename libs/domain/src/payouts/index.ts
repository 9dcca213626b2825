export * from './payout-stream-ids';
export * from './payout.events';
export * from './payout.commands';
export * from './payout.decider';
export * from './payouts.catalogue';
export * as payoutErrors from './payout.errors';
