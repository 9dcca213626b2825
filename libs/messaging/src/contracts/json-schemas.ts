import { z } from 'zod';
import { PAYOUT_ANSWER_V1, payoutAnswerV1Schema } from './payout-answer.v1';
import { PAYOUT_INSTRUCTION_V1, payoutInstructionV1Schema } from './payout-instruction.v1';

/**
 * The message contracts finance reads, as JSON Schema (draft 2020-12) from the very zod schemas the writer validates
 * with. docs/finance/ holds them as files; a unit test fails when a file and its schema disagree.
 */
export const FINANCE_CONTRACTS = [
  { type: PAYOUT_INSTRUCTION_V1, schema: payoutInstructionV1Schema },
  { type: PAYOUT_ANSWER_V1, schema: payoutAnswerV1Schema },
] as const;

export function jsonSchemaOf(contract: (typeof FINANCE_CONTRACTS)[number]): Record<string, unknown> {
  const generated = z.toJSONSchema(contract.schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: jsonSchemaFileName(contract.type), ...rest };
}

export function jsonSchemaFileName(type: string): string {
  return `${type}.schema.json`;
}

/** The file's text: two-space JSON with a final newline, so a regenerated file diffs cleanly. */
export function jsonSchemaText(contract: (typeof FINANCE_CONTRACTS)[number]): string {
  return `${JSON.stringify(jsonSchemaOf(contract), null, 2)}\n`;
}
