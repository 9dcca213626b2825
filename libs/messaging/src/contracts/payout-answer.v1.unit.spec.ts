import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FINANCE_CONTRACTS, jsonSchemaFileName, jsonSchemaText } from './json-schemas';
import { payoutAnswerV1Schema } from './payout-answer.v1';

const paid = {
  type: 'PayoutAnswer.v1',
  answerId: '11111111-2222-4333-8444-555555555555',
  instructionId: '0b7f6c2e-3d4a-5b6c-8d7e-9f0a1b2c3d4e',
  idempotencyKey: 'a'.repeat(64),
  answeredAt: '2021-07-05T08:00:00.000Z',
  outcome: 'PAID',
  amountFen: 190_000,
  bankReference: 'ICBC-20210705-0001',
  paidOn: '2021-07-05',
};
const failed = { ...paid, outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED', failedOn: '2021-07-05', amountFen: undefined, bankReference: undefined, paidOn: undefined };

describe('PayoutAnswer.v1 (R-PAY-1)', () => {
  it('R-PAY-1 accepts a paid answer with its bank reference and day, and a failed one with its reason code', () => {
    expect(payoutAnswerV1Schema.parse(paid)).toEqual(paid);
    expect(payoutAnswerV1Schema.parse(JSON.parse(JSON.stringify(failed)))).toMatchObject({ outcome: 'FAILED', reasonCode: 'ACCOUNT_CLOSED' });
  });

  it.each([
    ['a paid answer without a bank reference', { bankReference: undefined }, 'bankReference'],
    ['an amount in yuan', { amountFen: 1900.5 }, 'amountFen'],
    ['a free-text field (a name)', { payeeName: '张三' }, ''],
    ['an unknown outcome', { outcome: 'MAYBE' }, 'outcome'],
  ])('rejects %s, naming the field', (_what, change, field) => {
    const parsed = payoutAnswerV1Schema.safeParse(JSON.parse(JSON.stringify({ ...paid, ...change })));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('docs/finance holds the current JSON Schema of PayoutAnswer.v1', () => {
    const contract = FINANCE_CONTRACTS.find((c) => c.type === 'PayoutAnswer.v1')!;
    // Regenerate with: node -r ./infra/register.js libs/messaging/src/contracts/export-json-schemas.cli.ts
    expect(readFileSync(path.resolve(__dirname, '../../../../docs/finance', jsonSchemaFileName(contract.type)), 'utf8')).toBe(jsonSchemaText(contract));
  });
});
