import { JCCQ_2020_12 } from '../documents';
import { canonicalJson } from './canonical-json';
import { validatePolicyDocument } from './validate-policy-document';

const refusal = (raw: unknown) => {
  try {
    validatePolicyDocument(raw);
  } catch (error) {
    return error as { code: string; kind: string; issues: { field: string; message: string }[] };
  }
  throw new Error('expected a refusal');
};

describe('validating a document to publish', () => {
  it('R-CLAIM-1 accepts the shipped document as a valid policy', () => {
    expect(validatePolicyDocument(structuredClone(JCCQ_2020_12))).toEqual(JCCQ_2020_12);
  });

  it('R-GATE-1 R-FREE-3 lists every bad field by its path, as a broken rule (422), not a crash', () => {
    const raw = structuredClone(JCCQ_2020_12) as unknown as { parameters: { gates: Record<string, unknown>; freeTraining: { general: Record<string, unknown> } }; effectiveFrom: string };
    raw.parameters.gates['passRatePercent'] = 120;
    raw.parameters.freeTraining.general['perDayFen'] = '150';
    raw.effectiveFrom = '2021-02-30';
    const error = refusal(raw);
    expect(error).toMatchObject({ code: 'POLICY.INVALID_DOCUMENT', kind: 'rule' });
    expect(error.issues.map((i) => i.field).sort()).toEqual(['effectiveFrom', 'parameters.freeTraining.general.perDayFen', 'parameters.gates.passRatePercent']);
  });

  it('names the document itself when the body is not an object', () => {
    expect(refusal([1, 2]).issues).toEqual([{ field: '(document)', message: expect.any(String) }]);
  });

  it('writes one canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}');
  });
});
