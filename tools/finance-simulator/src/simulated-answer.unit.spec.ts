import { payoutAnswerV1Schema } from '@skills/messaging';
import { fixtureInstruction } from '@skills/messaging/testing';
import { failBucket, simulatedAnswer, simulationRule } from './simulated-answer';

// DEV TOOL (not production): the finance simulator's seeded rule, R-PAY-1. Buckets below were computed by hand with a
// separate script: sha256("demo" ␟ key), first 4 bytes big-endian mod 100; 5th byte mod 3 picks the reason.
const AT = new Date('2021-07-16T03:00:00.000Z');
const demo = (failPercent: number) => simulationRule('demo', failPercent);

describe('finance simulator: simulatedAnswer (R-PAY-1, dev tool)', () => {
  it('R-PAY-1 pays a key whose bucket is not under failPercent: full amount, SIM reference from the key and the day', () => {
    const instruction = fixtureInstruction(0, 0); // key 69729f69ef85…, bucket 85
    expect(failBucket(demo(20), instruction.idempotencyKey)).toBe(85);
    const answer = simulatedAnswer(instruction, demo(20), AT);
    expect(answer).toMatchObject({ outcome: 'PAID', amountFen: 100, bankReference: 'SIM-20210716-69729F69EF85', paidOn: '2021-07-16', instructionId: instruction.instructionId, idempotencyKey: instruction.idempotencyKey, answeredAt: '2021-07-16T03:00:00.000Z' });
    expect(payoutAnswerV1Schema.parse(answer)).toEqual(answer);
  });

  it('R-PAY-1 fails a first attempt whose bucket is under failPercent, with the hashed reason code (bucket 8: fails at 9 %, not at 8 %)', () => {
    const instruction = fixtureInstruction(1, 0); // key 56aeb0cfd86e…, bucket 8, reason index 1
    expect(failBucket(demo(20), instruction.idempotencyKey)).toBe(8);
    expect(simulatedAnswer(instruction, demo(9), AT)).toMatchObject({ outcome: 'FAILED', reasonCode: 'ACCOUNT_INVALID', failedOn: '2021-07-16' });
    expect(simulatedAnswer(instruction, demo(8), AT).outcome).toBe('PAID');
    expect(payoutAnswerV1Schema.safeParse(simulatedAnswer(instruction, demo(9), AT)).success).toBe(true);
  });

  it('R-PAY-1 pays a re-instruction (attempt 2, same key) of a key that failed its first attempt', () => {
    const second = fixtureInstruction(1, 0, 2);
    const answer = simulatedAnswer(second, demo(100), AT);
    expect(answer).toMatchObject({ outcome: 'PAID', instructionId: second.instructionId, bankReference: 'SIM-20210716-56AEB0CFD86E' });
  });

  it('R-PAY-1 answers a redelivered instruction identically, answerId included; another seed gives another answerId', () => {
    const instruction = fixtureInstruction(2, 1); // bucket 0: fails under any failPercent above 0
    const first = simulatedAnswer(instruction, demo(20), AT);
    expect(simulatedAnswer({ ...instruction }, demo(20), AT)).toEqual(first);
    expect(first).toMatchObject({ outcome: 'FAILED', reasonCode: 'REJECTED_BY_BANK' });
    expect(simulatedAnswer(instruction, simulationRule('other', 20), AT).answerId).not.toBe(first.answerId);
  });

  it('R-PAY-1 fails 5 of these 18 first attempts at 20 % under seed "demo", none at 0 % and all at 100 %', () => {
    const instructions = [0, 1, 2].flatMap((seq) => [0, 1, 2, 3, 4, 5].map((payee) => fixtureInstruction(payee, seq)));
    const failedAt = (percent: number) => instructions.filter((i) => simulatedAnswer(i, demo(percent), AT).outcome === 'FAILED');
    // By hand: payee/seq 1/0 (bucket 8), 2/1 (0), 5/1 (0), 1/2 (0), 2/2 (6).
    expect(failedAt(20).map((i) => i.amountFen)).toEqual([100, 200, 200, 300, 300]);
    expect(failedAt(0)).toHaveLength(0);
    expect(failedAt(100)).toHaveLength(18);
  });

  it('R-PAY-1 refuses a bad rule with the setting and the fix named', () => {
    expect(() => simulationRule('demo', 101)).toThrow('FINANCE_SIM_FAIL_PERCENT must be a whole number from 0 to 100, got 101');
    expect(() => simulationRule('demo', 2.5)).toThrow('FINANCE_SIM_FAIL_PERCENT');
    expect(() => simulationRule('', 10)).toThrow('FINANCE_SIM_SEED is empty');
  });
});
