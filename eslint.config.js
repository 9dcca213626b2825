const nx = require('@nx/eslint-plugin');
const tsParser = require('@typescript-eslint/parser');

/** Packages that bring a framework, a database, a broker or I/O: pure libs must never import them. */
const IMPURE_PACKAGES = [
  '@nestjs/*',
  'fastify',
  '@fastify/*',
  'typeorm',
  'pg',
  'pg-*',
  '@electric-sql/*',
  'kafkajs',
  'jose',
  'jsonwebtoken',
  'exceljs',
  'csv-parse',
  'rxjs',
];

/**
 * Module boundaries. Two tag axes on every project (project.json): type:* says what a project is, scope:* where
 * it runs. test/architecture/module-boundaries.unit.spec.ts fails if these turn into wildcards.
 */
const DEP_CONSTRAINTS = [
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: IMPURE_PACKAGES },
  {
    sourceTag: 'type:policy',
    onlyDependOnLibsWithTags: ['type:domain', 'type:policy'],
    bannedExternalImports: IMPURE_PACKAGES,
  },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:infra'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:infra', 'type:platform'] },
  // Report builders read the platform's folded history; renderers (exceljs, pdfkit, echarts) live here, not in domain.
  { sourceTag: 'type:reports', onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:infra', 'type:platform', 'type:reports'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:policy', 'type:infra', 'type:platform', 'type:reports'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
  { sourceTag: 'scope:worker', onlyDependOnLibsWithTags: ['scope:shared', 'scope:worker'] },
];

/** Node's built-ins are not graph nodes, so the nx rule cannot see them: pure libs read no files, sockets, processes. */
const NODE_BUILTINS_IN_PURE_LIBS = {
  files: ['libs/domain/**/*.ts', 'libs/policy/**/*.ts'],
  ignores: ['**/*.spec.ts', '**/testing/**'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'worker_threads', 'os', 'crypto'], message: 'domain and policy code is pure: no I/O, no clock, no randomness' }] }],
  },
};

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', 'reports/**', 'apps/console/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: DEP_CONSTRAINTS },
      ],
    },
  },
  NODE_BUILTINS_IN_PURE_LIBS,
];
module.exports.IMPURE_PACKAGES = IMPURE_PACKAGES;
module.exports.DEP_CONSTRAINTS = DEP_CONSTRAINTS;
