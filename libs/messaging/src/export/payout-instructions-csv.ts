import type { PayoutInstructionV1 } from '../contracts/payout-instruction.v1';
import { csvText } from './csv-text';

/**
 * R-PAY-1, without KAFKA_BROKERS: the payout instructions waiting in the outbox as a CSV file for finance. One row per
 * instruction with the fields of PayoutInstruction.v1 and nothing more: ids, codes and figures, never a name, an ID
 * number or bank details (a person's are in the personal-data vault, under the payee's id, as for the Kafka message).
 * The header names each column in Chinese for finance and in the contract's field name for whoever imports the file.
 */
export const PAYOUT_CSV_COLUMNS: readonly { readonly header: string; readonly value: (i: PayoutInstructionV1) => string }[] = [
  { header: '指令ID instructionId', value: (i) => i.instructionId },
  { header: '幂等键 idempotencyKey', value: (i) => i.idempotencyKey },
  { header: '尝试次数 attempt', value: (i) => String(i.attempt) },
  { header: '申领单ID claimId', value: (i) => i.claimId },
  { header: '收款方类型 payeeKind', value: (i) => i.payee.kind },
  { header: '收款方ID payeeId', value: (i) => i.payee.id },
  { header: '金额(分) amountFen', value: (i) => String(i.amountFen) },
  { header: '金额(元) amountYuan', value: (i) => yuanText(i.amountFen) },
  { header: '币种 currency', value: (i) => i.currency },
  { header: '政策条款 scheme', value: (i) => i.scheme },
  { header: '政策版本 policyVersion', value: (i) => i.policyVersion },
  { header: '拨付日期 releasedOn', value: (i) => i.releasedOn },
  { header: '指令时间 instructedAt', value: (i) => i.instructedAt },
];

/** The CSV text (BOM, header, CRLF records), in the order given (the outbox's order: oldest first). */
export function payoutInstructionsCsv(instructions: readonly PayoutInstructionV1[]): string {
  return csvText(
    PAYOUT_CSV_COLUMNS.map((c) => c.header),
    instructions.map((i) => PAYOUT_CSV_COLUMNS.map((c) => c.value(i))),
  );
}

/**
 * Integer fen as yuan text with exactly two decimals, by moving the decimal point in the digits (no float division):
 * 90000 → "900.00", 5 → "0.05". Text, so a spreadsheet shows what finance pays, and a re-import cannot round it.
 */
export function yuanText(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) throw new Error(`amountFen must be a non-negative integer number of fen; got ${amountFen}`);
  const digits = String(amountFen).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The file name of an export made on a day (Asia/Shanghai calendar day, YYYY-MM-DD). */
export function payoutCsvFileName(day: string): string {
  return `payout-instructions-${day}.csv`;
}
