import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FINANCE_CONTRACTS, jsonSchemaFileName, jsonSchemaText } from './json-schemas';

/** Writes docs/finance/<type>.schema.json: `node -r ./infra/register.js libs/messaging/src/contracts/export-json-schemas.cli.ts` */
export const FINANCE_DOCS_DIR = path.resolve(__dirname, '../../../../docs/finance');

if (require.main === module) {
  mkdirSync(FINANCE_DOCS_DIR, { recursive: true });
  for (const contract of FINANCE_CONTRACTS) {
    const file = path.join(FINANCE_DOCS_DIR, jsonSchemaFileName(contract.type));
    writeFileSync(file, jsonSchemaText(contract));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
