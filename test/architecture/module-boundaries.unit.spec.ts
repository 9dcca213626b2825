import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';

// The lesson of nx-examples: the real rule set was once replaced by '*' wildcards and nobody noticed.
const root = path.resolve(__dirname, '../..');
const config = require(path.join(root, 'eslint.config.js')) as {
  DEP_CONSTRAINTS: { sourceTag: string; onlyDependOnLibsWithTags: string[]; bannedExternalImports?: string[] }[];
  IMPURE_PACKAGES: string[];
};

describe('module boundaries', () => {
  beforeAll(() => {
    // The nx lint rule reads the cached project graph; build it like the test command does.
    execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  });

  it('has no wildcard constraints', () => {
    for (const constraint of config.DEP_CONSTRAINTS) {
      expect(constraint.sourceTag).not.toBe('*');
      expect(constraint.onlyDependOnLibsWithTags).not.toContain('*');
      expect(constraint.onlyDependOnLibsWithTags.length).toBeGreaterThan(0);
    }
  });

  it('bans framework, database and broker packages from domain and policy', () => {
    for (const tag of ['type:domain', 'type:policy']) {
      const constraint = config.DEP_CONSTRAINTS.find((c) => c.sourceTag === tag);
      expect(constraint?.bannedExternalImports).toEqual(expect.arrayContaining(['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@electric-sql/*']));
    }
  });

  const lint = async (file: string, code: string): Promise<string[]> => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['libs/domain/src/probe.ts', "import { Pool } from 'pg';\nexport const p = Pool;\n"],
    ['libs/domain/src/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const p = Injectable;\n"],
    ['libs/policy/src/probe.ts', "import { PGlite } from '@electric-sql/pglite';\nexport const p = PGlite;\n"],
    ['libs/domain/src/probe.ts', "import { migrate } from '@skills/sql';\nexport const p = migrate;\n"],
    ['libs/policy/src/probe.ts', "import { PgDatabase } from '@skills/sql';\nexport const p = PgDatabase;\n"],
    ['libs/domain/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const p = readFileSync;\n"],
    ['libs/policy/src/probe.ts', "import { randomUUID } from 'crypto';\nexport const p = randomUUID;\n"],
  ])('rejects an impure import in %s: %s', async (file, code) => {
    expect(await lint(file, code)).toHaveLength(1);
  });

  it('accepts the domain importing zod and an app importing the domain', async () => {
    expect(await lint('libs/domain/src/probe.ts', "import { z } from 'zod';\nexport const p = z;\n")).toEqual([]);
    expect(await lint('apps/api/src/probe.ts', "import { EventCatalogue } from '@skills/domain';\nexport const p = EventCatalogue;\n")).toEqual([]);
  });
});
