export * from './jccq-2020-12.targets';
export * from './task-table-sheet';
export * from './resolve-target-set';
export * from './target-set-flags';
export * from './target-set-version';
export * from './target-set-in-force';
export * from './certification-progress';
export * from './district-targets-sheet';
