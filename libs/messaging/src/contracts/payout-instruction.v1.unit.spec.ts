import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLAIM_SCHEME, PAYEE_KIND } from '@skills/domain';
import { FINANCE_CONTRACTS, jsonSchemaFileName, jsonSchemaText } from './json-schemas';
import { payoutIdempotencyKey, payoutInstructionId } from './payout-ids';
import { payoutInstructionMessage, payoutInstructionV1Schema, type PayoutInstructionV1 } from './payout-instruction.v1';

const CLAIM = '3f0c2a52-9a55-4d7e-8f52-0c0d7f1e2b11';
const PAYEE = { kind: 'PROVIDER', id: '8c1d6f0e-4b6a-4a8e-9f3e-2d5b7c9a1e00' } as const;
const key = payoutIdempotencyKey(CLAIM, PAYEE);
const instruction: PayoutInstructionV1 = {
  type: 'PayoutInstruction.v1',
  instructionId: payoutInstructionId(key, 1),
  idempotencyKey: key,
  attempt: 1,
  claimId: CLAIM,
  payee: PAYEE,
  amountFen: 4_500_00,
  currency: 'CNY',
  scheme: 'R-FREE-3',
  policyVersion: 'JCCQ-2020-12.v1',
  releasedOn: '2021-07-16',
  instructedAt: '2021-07-16T02:00:00.000Z',
};

describe('PayoutInstruction.v1 (R-PAY-1)', () => {
  it('R-PAY-1 becomes an outbox message for the instructions topic, keyed by the payee, with the instruction id as message id', () => {
    expect(payoutInstructionMessage(instruction)).toEqual({
      messageId: instruction.instructionId,
      topic: 'finance.payout-instructions.v1',
      key: PAYEE.id,
      type: 'PayoutInstruction.v1',
      payload: instruction,
    });
  });

  it('R-PAY-1 keeps the idempotency key across attempts, and gives each attempt its own instruction id', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(payoutIdempotencyKey(CLAIM.toUpperCase(), PAYEE)).toBe(key);
    expect(payoutIdempotencyKey(CLAIM, { ...PAYEE, kind: 'ENTERPRISE' })).not.toBe(key);
    expect(payoutInstructionId(key, 1)).toBe(payoutInstructionId(key, 1));
    expect(payoutInstructionId(key, 2)).not.toBe(payoutInstructionId(key, 1));
    expect(payoutInstructionId(key, 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['an amount in yuan with fen as decimals', { amountFen: 4500.5 }, 'amountFen'],
    ['a zero amount', { amountFen: 0 }, 'amountFen'],
    ['a personal field (a name)', { payeeName: '张三' }, ''],
    ['bank details', { payee: { ...PAYEE, bankAccount: '6222020000000000' } }, 'payee'],
    ['an unknown payee kind', { payee: { ...PAYEE, kind: 'BANK' } }, 'payee.kind'],
    ['a policy version without its version', { policyVersion: 'JCCQ-2020-12' }, 'policyVersion'],
  ])('rejects %s, naming the field', (_what, change, field) => {
    const parsed = payoutInstructionV1Schema.safeParse({ ...instruction, ...change });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(field);
    expect(() => payoutInstructionMessage({ ...instruction, ...change } as PayoutInstructionV1)).toThrow();
  });

  it("accepts every payee kind and every scheme of the claims' own vocabulary", () => {
    for (const kind of PAYEE_KIND.options) expect(payoutInstructionV1Schema.safeParse({ ...instruction, payee: { ...PAYEE, kind } }).success).toBe(true);
    for (const scheme of CLAIM_SCHEME.options) expect(payoutInstructionV1Schema.safeParse({ ...instruction, scheme }).success).toBe(true);
  });

  it.each(FINANCE_CONTRACTS.filter((c) => c.type === 'PayoutInstruction.v1').map((c) => [c.type, c] as const))('docs/finance holds the current JSON Schema of %s', (_type, contract) => {
    const file = path.resolve(__dirname, '../../../../docs/finance', jsonSchemaFileName(contract.type));
    // Regenerate with: node -r ./infra/register.js libs/messaging/src/contracts/export-json-schemas.cli.ts
    expect(readFileSync(file, 'utf8')).toBe(jsonSchemaText(contract));
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { required: string[]; additionalProperties: boolean; properties: Record<string, { type?: string }> };
    expect(schema.required).toEqual(expect.arrayContaining(['idempotencyKey', 'claimId', 'payee', 'amountFen', 'scheme', 'policyVersion']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['amountFen']!.type).toBe('integer');
  });
});
