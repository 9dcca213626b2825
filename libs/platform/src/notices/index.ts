export * from './release-after-notice';
export * from './notice-timer';
export * from './lodge-objection';
