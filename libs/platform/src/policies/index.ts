export * from './policy-content-hash';
export * from './policy-catalogue';
export * from './publish-policy-version';
