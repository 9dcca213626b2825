export * from './sql-database';
export * from './pg-database';
export * from './pglite-database';
export * from './migrations';
export * from './mutex';
export * from './data-dir-lock';
