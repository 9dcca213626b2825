export * from './append-claim-release';
export * from './payout-messaging';
export * from './record-payout-answer';
export * from './claim-payouts';
export * from './payout-failure-decisions';
