import type { PayoutInstructed } from '../payout.events';

/** Hand-made payout parts for decider tests (R-PAY-1): the provider's payout of one claim released on 2021-07-02. */
export const PAYOUT_KEY = 'a'.repeat(64);
export const FIRST_INSTRUCTION_ID = '0b7f6c2e-3d4a-5b6c-8d7e-9f0a1b2c3d4e';

/** Attempt 1: 190,000 fen to the provider, under R-FREE-3. */
export const instruction: PayoutInstructed['data'] = {
  idempotencyKey: PAYOUT_KEY,
  instructionId: FIRST_INSTRUCTION_ID,
  attempt: 1,
  claimId: '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f',
  payee: { kind: 'PROVIDER', id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c60' },
  amountFen: 190_000,
  scheme: 'R-FREE-3',
  policyVersion: 'JCCQ-2020-12.v1',
  releasedOn: '2021-07-02',
  instructedAt: '2021-07-02T02:00:00.000Z',
};
