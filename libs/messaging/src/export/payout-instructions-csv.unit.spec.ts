import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionV1Schema, type PayoutInstructionV1 } from '../contracts/payout-instruction.v1';
import { csvField, csvText, UTF8_BOM } from './csv-text';
import { payoutCsvFileName, payoutInstructionsCsv, yuanText } from './payout-instructions-csv';

// Written out by hand, not computed: the expected file below was typed from these values.
const ENTERPRISE_900_YUAN: PayoutInstructionV1 = {
  type: PAYOUT_INSTRUCTION_V1,
  instructionId: '11111111-1111-4111-8111-111111111111',
  idempotencyKey: 'a'.repeat(64),
  attempt: 1,
  claimId: '22222222-2222-4222-8222-222222222222',
  payee: { kind: 'ENTERPRISE', id: '33333333-3333-4333-8333-333333333333' },
  amountFen: 90_000,
  currency: 'CNY',
  scheme: 'R-CERT-2',
  policyVersion: 'JCCQ-2020-12.v2',
  releasedOn: '2021-07-16',
  instructedAt: '2021-07-16T02:00:00.000Z',
};
const LABOURER_5_FEN_SECOND_ATTEMPT: PayoutInstructionV1 = {
  type: PAYOUT_INSTRUCTION_V1,
  instructionId: '44444444-4444-4444-8444-444444444444',
  idempotencyKey: '0123456789abcdef'.repeat(4),
  attempt: 2,
  claimId: '22222222-2222-4222-8222-222222222222',
  payee: { kind: 'LABOURER', id: '55555555-5555-4555-8555-555555555555' },
  amountFen: 5,
  currency: 'CNY',
  scheme: 'R-FREE-3',
  policyVersion: 'JCCQ-2020-12.v1',
  releasedOn: '2021-07-17',
  instructedAt: '2021-07-17T09:30:00.000Z',
};

describe('payoutInstructionsCsv (R-PAY-1 export without KAFKA_BROKERS)', () => {
  it('R-PAY-1 the fixtures are valid instructions (the file is of what the outbox can hold)', () => {
    expect(payoutInstructionV1Schema.parse(ENTERPRISE_900_YUAN)).toEqual(ENTERPRISE_900_YUAN);
    expect(payoutInstructionV1Schema.parse(LABOURER_5_FEN_SECOND_ATTEMPT)).toEqual(LABOURER_5_FEN_SECOND_ATTEMPT);
  });

  it('R-PAY-1 writes byte for byte the hand-written file: BOM, Chinese header, one CRLF record per instruction, 90000 fen = 900.00 and 5 fen = 0.05 yuan', () => {
    const expected = readFileSync(join(__dirname, 'testdata', 'payout-instructions.expected.csv'));
    const written = Buffer.from(payoutInstructionsCsv([ENTERPRISE_900_YUAN, LABOURER_5_FEN_SECOND_ATTEMPT]), 'utf8');
    expect(written.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(written.toString('utf8')).toBe(expected.toString('utf8'));
    expect(written.equals(expected)).toBe(true);
  });

  it('R-PAY-1 an empty outbox is the BOM and the header only, so finance sees the columns and that nothing waits', () => {
    const text = payoutInstructionsCsv([]);
    expect(text.startsWith(UTF8_BOM + '指令ID instructionId,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2);
    expect(text.endsWith('指令时间 instructedAt\r\n')).toBe(true);
  });

  it('R-PAY-1 carries no personal data: exactly the 13 contract columns, no name, ID number or bank column', () => {
    const header = payoutInstructionsCsv([]).slice(1).trimEnd().split(',');
    expect(header).toHaveLength(13);
    expect(header.join(' ')).not.toMatch(/name|姓名|idNumber|身份证|bank|银行|account|账号|phone|电话/i);
  });

  it('R-PAY-1 yuan text moves the point in the digits: 0 → 0.00, 5 → 0.05, 100 → 1.00, 123456789 → 1234567.89, never a float', () => {
    expect([0, 5, 100, 90_000, 123_456_789].map(yuanText)).toEqual(['0.00', '0.05', '1.00', '900.00', '1234567.89']);
    // 2^53 - 1 fen: float division would print 90071992547409.91 rounded; the digits stay exact.
    expect(yuanText(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => yuanText(1.5)).toThrow('amountFen must be a non-negative integer number of fen; got 1.5');
  });

  it('R-PAY-1 names the file by the day of the export', () => {
    expect(payoutCsvFileName('2026-11-26')).toBe('payout-instructions-2026-11-26.csv');
  });
});

describe('csvText (RFC 4180)', () => {
  it('quotes a field only when it holds a comma, a double quote, CR or LF, and doubles the quotes inside', () => {
    expect(['plain', '南村街道', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ''].map(csvField)).toEqual([
      'plain',
      '南村街道',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\rhere"',
      '',
    ]);
  });

  it('ends every record with CRLF and starts with the UTF-8 BOM', () => {
    expect(csvText(['a', 'b'], [['1', 'x,y']])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n');
  });

  it('refuses a row whose width differs from the header, naming the record', () => {
    expect(() => csvText(['a', 'b'], [['1']])).toThrow('CSV record 1 has 1 fields; the header has 2');
  });
});
