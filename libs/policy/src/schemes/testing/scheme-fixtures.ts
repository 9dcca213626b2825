import { JCCQ_2020_12 } from '../../documents';
import { parsePolicyDocument } from '../../parse-policy-document';
import type { PolicyDocument, PolicyParameters } from '../../policy-document.schema';
import type { SchemeCalculation, SchemeLine } from '../scheme-line';

/** A valid v4 UUID that reads as a number in test output: uuid(7) → 00000000-0000-4000-8000-000000000007. */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const policy = JCCQ_2020_12;
export const inForce = '2021-06-30';

/** A new version of JCCQ-2020-12 with some parameters changed, validated like a published one. */
export function versionWith(change: (parameters: PolicyParameters) => void, version = 2): PolicyDocument {
  const draft = structuredClone(JCCQ_2020_12) as { -readonly [K in keyof PolicyDocument]: PolicyDocument[K] };
  draft.version = version;
  change(draft.parameters);
  return parsePolicyDocument(draft);
}

/** Each line as its amount in fen, or its outcome when it pays nothing: [90000, 'REFUSED', 'NO_RULE']. */
export const outcomes = (calculation: SchemeCalculation): (number | string)[] =>
  calculation.lines.map((line) => (line.outcome === 'AMOUNT' ? line.amountFen : line.outcome));

export const refusalCodes = (calculation: SchemeCalculation): (string | null)[] =>
  calculation.lines.map((line) => (line.outcome === 'REFUSED' ? line.reason.code : null));

export function onlyLine(calculation: SchemeCalculation): SchemeLine {
  if (calculation.lines.length !== 1) throw new Error(`expected one line, got ${calculation.lines.length}`);
  return calculation.lines[0]!;
}

/** Runs a calculation that must fail and returns the DomainError's code and the fields it names. */
export function rejection(run: () => unknown): { code: string; kind: string; fields: string[] } {
  try {
    run();
  } catch (error) {
    const { code, kind, issues = [] } = error as { code: string; kind: string; issues?: { field: string }[] };
    return { code, kind, fields: issues.map((issue) => issue.field) };
  }
  throw new Error('expected the calculation to be rejected');
}
