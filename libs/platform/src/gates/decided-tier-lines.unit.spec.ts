import type { ClaimGate, ClaimLine, SubmittedClaim } from '@skills/domain';
import { JCCQ_2020_12 } from '@skills/policy';
import { decidedTierLines, type DecidedTierFacts } from './decided-tier-lines';

const COHORT = '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e';
const PROVIDER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60';
const PEOPLE = ['5f607182-93a4-4ebf-80d1-4c5d6e7f8091', '60718293-a4b5-4fc0-91e2-5d6e7f8091a2', '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3'];
const PERIOD = { from: '2021-03-01', to: '2021-03-20' };

/** An R-FREE-4 claim line as submitted while the 80% gate was open: PENDING with its key, or refused for no day attended. */
function submittedLine(index: number, attendedDays: number): ClaimLine {
  const base = {
    lineId: `00000000-0000-4000-8000-00000000000${index}`,
    ruleId: 'R-FREE-4' as const,
    labourerId: PEOPLE[index]!,
    period: PERIOD,
    payee: { kind: 'PROVIDER' as const, id: PROVIDER },
    policyVersion: 'JCCQ-2020-12.v1',
    explanation: { ruleId: 'R-FREE-4' as const, policyVersion: 'JCCQ-2020-12.v1', inputs: { labourerId: PEOPLE[index]!, attendedDays }, arithmetic: 'employment gate OPEN' },
  };
  if (attendedDays === 0) return { ...base, outcome: 'REFUSED', reason: { code: 'NO_ATTENDED_DAYS', message: 'no attended training day' } };
  return { ...base, outcome: 'PENDING', reason: { code: 'TIER_UNDECIDED', message: 'the 80% employment gate is OPEN' }, paymentKey: String(index + 1).repeat(64) };
}

const claim = (lines: ClaimLine[]) =>
  ({ claimId: '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f', scheme: 'R-FREE-4', subject: { kind: 'COHORT', id: COHORT }, period: PERIOD, tier: 'UNDECIDED', status: 'WAITING_ON_OUTCOMES', lines }) as unknown as SubmittedClaim;

const employmentGate = (status: 'HOLDING' | 'FAILED', numerator: number): ClaimGate => ({
  gate: 'EMPLOYMENT',
  ruleId: 'R-GATE-3',
  thresholdPercent: 80,
  rate: { numerator, denominator: 5 },
  status,
  windowEnd: '2021-09-16',
  asOf: '2021-09-17',
  policyVersion: 'JCCQ-2020-12.v1',
  arithmetic: `${numerator} / 5`,
});

const facts = (lines: ClaimLine[], gate: ClaimGate): DecidedTierFacts => ({ claim: claim(lines), employmentGate: gate, policy: JCCQ_2020_12, providerId: PROVIDER, approvedPerPersonFen: 350_000, trainingDaysHeld: 10 });

describe('R-FREE-4 lines at the tier its 80% gate decided (R-GATE-4)', () => {
  it('R-FREE-4 below 80% (2 / 5) falls back to R-FREE-3: 10 days × 150 = 1500 capped at 1000, 3 days = 450, under the same line ids and keys', () => {
    const lines = decidedTierLines(facts([submittedLine(0, 10), submittedLine(1, 3), submittedLine(2, 0)], employmentGate('FAILED', 2)));
    expect(lines.map((l) => [l.lineId, l.ruleId, l.outcome, l.outcome === 'AMOUNT' ? l.amountFen : null])).toEqual([
      ['00000000-0000-4000-8000-000000000000', 'R-FREE-3', 'AMOUNT', 100_000],
      ['00000000-0000-4000-8000-000000000001', 'R-FREE-3', 'AMOUNT', 45_000],
      ['00000000-0000-4000-8000-000000000002', 'R-FREE-3', 'REFUSED', null],
    ]);
    expect(lines[0]).toMatchObject({ paymentKey: '1'.repeat(64), period: PERIOD, payee: { kind: 'PROVIDER', id: PROVIDER }, policyVersion: 'JCCQ-2020-12.v1' });
    expect(lines[1]!.explanation.arithmetic).toBe('R-FREE-4 employment gate failed, 2 / 5 = 40.00% < 80% (2 × 100 = 200 < 80 × 5 = 400): general tier, 3 × 150.00 = 450.00 yuan (within the cap of 1000.00)');
  });

  it('R-FREE-4 at 80% (4 / 5) pays the approved 3500 per person, whatever the days attended; a trainee who attended no day stays refused', () => {
    const lines = decidedTierLines(facts([submittedLine(0, 10), submittedLine(1, 3), submittedLine(2, 0)], employmentGate('HOLDING', 4)));
    expect(lines.map((l) => (l.outcome === 'AMOUNT' ? l.amountFen : l.outcome))).toEqual([350_000, 350_000, 'REFUSED']);
    expect(lines.map((l) => l.ruleId)).toEqual(['R-FREE-4', 'R-FREE-4', 'R-FREE-4']);
    expect(lines[1]).toMatchObject({ paymentKey: '2'.repeat(64), explanation: { cap: { limitFen: 400_000, applied: false } } });
  });

  it('R-FREE-4 a trainee whose PENDING line records a withdrawal is paid 3 days × 150 = 450 at either tier, not the approved 3500', () => {
    const pending = submittedLine(1, 3);
    const withdrawn = { ...pending, explanation: { ...pending.explanation, inputs: { ...pending.explanation.inputs, withdrawnOn: '2021-03-04' } } };
    const atEighty = decidedTierLines(facts([submittedLine(0, 10), withdrawn], employmentGate('HOLDING', 4)));
    expect(atEighty.map((l) => [l.ruleId, l.outcome === 'AMOUNT' ? l.amountFen : l.outcome])).toEqual([
      ['R-FREE-4', 350_000],
      ['R-FREE-4', 45_000],
    ]);
    expect(atEighty[1]).toMatchObject({ paymentKey: '2'.repeat(64), explanation: { inputs: { withdrawnOn: '2021-03-04' } } });
    const fallback = decidedTierLines(facts([submittedLine(0, 10), withdrawn], employmentGate('FAILED', 2)));
    expect(fallback.map((l) => (l.outcome === 'AMOUNT' ? l.amountFen : l.outcome))).toEqual([100_000, 45_000]);
  });

  it('R-CLAIM-2 a line refused at submission reserved no key: a tier cannot make it pay', () => {
    const refusedWithDays = { ...(submittedLine(2, 0) as Extract<ClaimLine, { outcome: 'REFUSED' }>), explanation: { ...submittedLine(2, 0).explanation, inputs: { attendedDays: 4 } } };
    expect(() => decidedTierLines(facts([submittedLine(0, 10), refusedWithDays], employmentGate('FAILED', 2)))).toThrow('reserved no payment key');
  });
});
