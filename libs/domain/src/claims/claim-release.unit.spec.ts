import { releaseOf, statusOf } from './claim-release';
import { gate, holdingGeneralGates } from './testing/claim-fixtures';

const eoGates = (employment: Parameters<typeof gate>[1], fallback: Parameters<typeof gate>[1], pass: Parameters<typeof gate>[1] = 'HOLDING') => [
  gate('PASS', pass, 95),
  gate('CERTIFICATION', 'HOLDING'),
  gate('EMPLOYMENT', employment, 80),
  gate('EMPLOYMENT_FALLBACK', fallback, 30),
];

describe('claim release (R-GATE-4)', () => {
  it('R-GATE-4 an R-FREE-3 claim is ready for review when the pass, certification and employment gates all hold', () => {
    expect(releaseOf('R-FREE-3', holdingGeneralGates())).toMatchObject({ status: 'READY_FOR_REVIEW', tier: null });
  });

  it('R-GATE-4 a gate still open, or closed with records awaiting verification, keeps the claim waiting', () => {
    for (const undecided of ['OPEN', 'AWAITING_VERIFICATION'] as const) {
      const gates = [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', undecided), gate('EMPLOYMENT', 'HOLDING', 30)];
      expect(releaseOf('R-FREE-3', gates).status).toBe('WAITING_ON_OUTCOMES');
    }
  });

  it('R-GATE-4 a failed gate blocks the claim even while another is still open', () => {
    const gates = [gate('PASS', 'FAILED', 95), gate('CERTIFICATION', 'OPEN'), gate('EMPLOYMENT', 'OPEN', 30)];
    expect(releaseOf('R-FREE-3', gates).status).toBe('BLOCKED');
    expect(statusOf([])).toBe('READY_FOR_REVIEW');
  });

  it('R-FREE-4 at 80% employment the claim is at the employment-oriented tier and the 30% gate does not apply', () => {
    const release = releaseOf('R-FREE-4', eoGates('HOLDING', 'HOLDING'));
    expect(release).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'EMPLOYMENT_ORIENTED' });
    expect(release.gates.map((g) => g.gate)).toEqual(['PASS', 'CERTIFICATION', 'EMPLOYMENT']);
  });

  it('R-FREE-4 below 80% once decided falls back to the general tier, judged by the general 30% gate', () => {
    const fallback = releaseOf('R-FREE-4', eoGates('FAILED', 'HOLDING'));
    expect(fallback).toMatchObject({ status: 'READY_FOR_REVIEW', tier: 'GENERAL_FALLBACK' });
    expect(fallback.gates.map((g) => g.gate)).toEqual(['PASS', 'CERTIFICATION', 'EMPLOYMENT_FALLBACK']);
    expect(releaseOf('R-FREE-4', eoGates('FAILED', 'FAILED'))).toMatchObject({ status: 'BLOCKED', tier: 'GENERAL_FALLBACK' });
  });

  it('R-FREE-4 while the 80% gate is undecided the tier is undecided and the claim waits, unless another gate failed', () => {
    expect(releaseOf('R-FREE-4', eoGates('OPEN', 'HOLDING'))).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED' });
    expect(releaseOf('R-FREE-4', eoGates('AWAITING_VERIFICATION', 'HOLDING'))).toMatchObject({ status: 'WAITING_ON_OUTCOMES', tier: 'UNDECIDED' });
    expect(releaseOf('R-FREE-4', eoGates('OPEN', 'OPEN', 'FAILED'))).toMatchObject({ status: 'BLOCKED', tier: 'UNDECIDED' });
  });

  it('R-FREE-5 the living allowance has no outcome gate: ready even when the cohort\'s gates failed', () => {
    expect(releaseOf('R-FREE-5', eoGates('FAILED', 'FAILED', 'FAILED'))).toEqual({ status: 'READY_FOR_REVIEW', tier: null, gates: [] });
  });

  it('R-GATE-4 a gated scheme without one of its gates is refused, not released', () => {
    expect(() => releaseOf('R-FREE-3', [gate('PASS', 'HOLDING', 95), gate('CERTIFICATION', 'HOLDING')])).toThrow('EMPLOYMENT');
    expect(() => releaseOf('R-FREE-4', holdingGeneralGates())).toThrow('EMPLOYMENT_FALLBACK');
  });
});
