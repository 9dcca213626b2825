import type { ClaimEvent } from '@skills/domain';
import { payoutIdempotencyKey, payoutInstructionId } from '../contracts/payout-ids';
import { payoutInstructionV1Schema } from '../contracts/payout-instruction.v1';
import { PROVIDER, RELEASED_CLAIM_ID, TRAINEE, releasedClaimEvents } from '../testing/released-claim';
import { ClaimNotReleasedError, PayoutTotalMismatchError, payoutInstructionsOnRelease } from './payout-instructions';

const AT = '2021-05-13T01:00:00.000Z';

describe('payoutInstructionsOnRelease (R-PAY-1)', () => {
  it('R-PAY-1 gives one instruction per payee, the sum of its AMOUNT lines: provider 100,000 + 90,000, trainee 4,500 fen', () => {
    const instructions = payoutInstructionsOnRelease(releasedClaimEvents(), AT);
    expect(instructions.map((i) => [i.payee, i.amountFen])).toEqual([
      [PROVIDER, 190_000],
      [TRAINEE, 4_500],
    ]);
    expect(instructions.reduce((sum, i) => sum + i.amountFen, 0)).toBe(194_500);
    for (const i of instructions) {
      expect(payoutInstructionV1Schema.parse(i)).toEqual(i);
      expect(i).toMatchObject({ claimId: RELEASED_CLAIM_ID, attempt: 1, scheme: 'R-FREE-3', policyVersion: 'JCCQ-2020-12.v1', releasedOn: '2021-05-13', instructedAt: AT, currency: 'CNY' });
      expect(i.idempotencyKey).toBe(payoutIdempotencyKey(RELEASED_CLAIM_ID, i.payee));
      expect(i.instructionId).toBe(payoutInstructionId(i.idempotencyKey, 1));
    }
  });

  it('R-PAY-1 is the same on a retry: same keys, same instruction ids, same amounts', () => {
    expect(payoutInstructionsOnRelease(releasedClaimEvents(), AT)).toEqual(payoutInstructionsOnRelease(releasedClaimEvents(), AT));
  });

  it('R-PAY-1 instructs nothing when the released total and the lines disagree, naming both figures', () => {
    expect(() => payoutInstructionsOnRelease(releasedClaimEvents({ releasedFen: 200_000 }), AT)).toThrow(PayoutTotalMismatchError);
    expect(() => payoutInstructionsOnRelease(releasedClaimEvents({ releasedFen: 200_000 }), AT)).toThrow('released for 200000 fen but its payable lines sum to 194500 fen');
  });

  it('R-PAY-1 instructs nothing for a claim not released for payment', () => {
    expect(() => payoutInstructionsOnRelease(releasedClaimEvents().slice(0, 3), AT)).toThrow(ClaimNotReleasedError);
  });

  it('R-PAY-1 pays the TOP_UP lines of an adjustment claim and leaves its clawbacks out', () => {
    const adjustmentId = '7d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e70';
    const adjustmentLine = (index: number, direction: 'TOP_UP' | 'CLAWBACK', payee: typeof PROVIDER | typeof TRAINEE, amountFen: number) => ({
      lineId: `10000000-0000-4000-8000-00000000000${index}`,
      adjustsLineId: `00000000-0000-4000-8000-00000000000${index}`,
      period: { from: '2021-03-01', to: '2021-03-20' },
      payee,
      direction,
      amountFen,
      paymentKey: String(index).repeat(64),
      policyVersion: 'JCCQ-2020-12.v1',
    });
    const events = [
      {
        type: 'ClaimAdjustmentRaised',
        data: {
          claimId: adjustmentId,
          adjusts: { claimId: RELEASED_CLAIM_ID, flagSequence: 1 },
          scheme: 'R-FREE-4',
          lines: [adjustmentLine(1, 'TOP_UP', PROVIDER, 30_000), adjustmentLine(2, 'TOP_UP', PROVIDER, 12_000), adjustmentLine(3, 'CLAWBACK', TRAINEE, 15_000)],
          topUpFen: 42_000,
          clawbackFen: 15_000,
        },
      },
      { type: 'ClaimChecked', data: { claimId: adjustmentId, round: 1, checkedBy: 'r', checkedOn: '2021-09-01' } },
      { type: 'ClaimApproved', data: { claimId: adjustmentId, round: 1, approvedBy: 'a', approvedOn: '2021-09-02', policyVersion: 'JCCQ-2020-12.v1', noticeDays: 0, totalFen: 42_000 } },
      { type: 'ClaimReleasedForPayment', data: { claimId: adjustmentId, round: 1, releasedBy: 'a', releasedOn: '2021-09-02', noticeEndsOn: null, totalFen: 42_000 } },
    ] as unknown as ClaimEvent[];
    const instructions = payoutInstructionsOnRelease(events, AT);
    expect(instructions.map((i) => [i.payee, i.amountFen, i.scheme])).toEqual([[PROVIDER, 42_000, 'R-FREE-4']]);
  });
});
