import { createHash } from 'node:crypto';
import { canonicalJson } from '@skills/policy';
import type { EvaluationReport } from './evaluation-report';

/**
 * Issue 7 §3: a frozen report's content hash, SHA-256 (lower-case hex) of its canonical JSON, so a later run as of
 * the same day proves it reproduces the report whatever order its keys were written in.
 */
export function reportContentHash(report: EvaluationReport): string {
  return createHash('sha256').update(canonicalJson(report), 'utf8').digest('hex');
}
