export * from './mock-kafka';
export * from './mock-kafka-client';
export * from './mock-controller-socket';
export * from './topic-reader';
export * from './payout-fixtures';
export * from './released-claim';
