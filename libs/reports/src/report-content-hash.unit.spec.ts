import { createHash } from 'node:crypto';
import type { EvaluationReport } from './evaluation-report';
import { reportContentHash } from './report-content-hash';
import { SAMPLE_REPORT } from './testing';

describe('report content hash (issue 7 §3)', () => {
  it('R-EVAL-1 is SHA-256 of the canonical JSON: the key order does not change it, a figure does', () => {
    const hash = reportContentHash(SAMPLE_REPORT);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(SAMPLE_REPORT).reverse()) as unknown as EvaluationReport;
    expect(reportContentHash(reordered)).toBe(hash);
    expect(reportContentHash({ ...SAMPLE_REPORT, asOf: '2021-07-01' })).not.toBe(hash);
  });

  it('R-EVAL-1 hashes exactly the sorted-key JSON text', () => {
    const tiny = { schemaVersion: 1, asOf: '2021-06-30' } as unknown as EvaluationReport;
    expect(reportContentHash(tiny)).toBe(createHash('sha256').update('{"asOf":"2021-06-30","schemaVersion":1}').digest('hex'));
  });
});
