export * from './personal-data-secrets';
export * from './fingerprint';
export * from './envelope-crypto';
export * from './masking';
export * from './personal-data-vault';
export * from './personal-data.migrations';
export * from './sql-personal-data-vault';
export * from './in-memory-personal-data-vault';
