import { ValidationFailed } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { parseInput } from '@skills/platform';
import { StartSimulationForm, asOfOf, candidateOf } from './simulation-forms';

const issuesOf = (body: unknown) => {
  try {
    parseInput(StartSimulationForm, body);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.issues;
    throw error;
  }
  throw new Error('expected the form to be refused');
};

describe('what a policy simulation is asked (issue 4, policy simulation)', () => {
  it('takes a published version by name, or a draft checked by the publication schema', () => {
    expect(candidateOf(parseInput(StartSimulationForm, { candidate: { policyVersion: 'JCCQ-2020-12.v2' } }))).toEqual({ source: 'PUBLISHED', policyVersion: 'JCCQ-2020-12.v2' });
    const draft = { ...structuredClone(JCCQ_2020_12), version: 2 };
    expect(candidateOf(parseInput(StartSimulationForm, { candidate: { document: draft } }))).toEqual({ source: 'DRAFT', document: draft });
  });

  it('names the draft field that is wrong under candidate.document, with the fix', () => {
    const draft = structuredClone(JCCQ_2020_12) as { parameters: { gates: { passRatePercent: number } } };
    draft.parameters.gates.passRatePercent = 120;
    expect(issuesOf({ candidate: { document: draft } })).toEqual([{ field: 'candidate.document.parameters.gates.passRatePercent', message: 'must be at most 100' }]);
  });

  it('wants exactly one of policyVersion and document, and a version name of the listed shape', () => {
    expect(issuesOf({ candidate: {} })).toEqual([{ field: 'candidate', message: expect.stringContaining('give exactly one of policyVersion') }]);
    expect(issuesOf({ candidate: { policyVersion: 'JCCQ-2020-12.v1', document: JCCQ_2020_12 } })[0]!.field).toBe('candidate');
    expect(issuesOf({ candidate: { policyVersion: 'jccq v1' } })).toEqual([{ field: 'candidate.policyVersion', message: expect.stringContaining('such as JCCQ-2020-12.v1') }]);
    expect(issuesOf({ candidate: { policyVersion: 'JCCQ-2020-12.v1' }, asOf: '2022-02-30' })[0]!.field).toBe('asOf');
  });

  it('judges as of today by default, any past day, and refuses a day to come', () => {
    const form = (asOf?: string) => parseInput(StartSimulationForm, { candidate: { policyVersion: 'JCCQ-2020-12.v1' }, ...(asOf ? { asOf } : {}) });
    expect(asOfOf(form(), '2022-07-01')).toBe('2022-07-01');
    expect(asOfOf(form('2022-07-01'), '2022-07-01')).toBe('2022-07-01');
    expect(asOfOf(form('2021-12-31'), '2022-07-01')).toBe('2021-12-31');
    expect(() => asOfOf(form('2022-07-02'), '2022-07-01')).toThrow(expect.objectContaining({ code: 'VALIDATION.FAILED', issues: [{ field: 'asOf', message: expect.stringContaining('must not be after today (2022-07-01)') }] }));
  });
});
