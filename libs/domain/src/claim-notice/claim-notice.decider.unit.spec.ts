import { createEventCatalogue } from '../catalogue';
import { given } from '../shared/testing/given-when-then';
import type { LodgeClaimObjection } from './claim-notice.commands';
import { claimNoticeDecider } from './claim-notice.decider';
import type { ClaimObjectionLodged } from './claim-notice.events';
import type { ClaimNotice } from './notice-period';

const CLAIM_ID = '0b6c1a52-7d1e-4c39-9a57-3f1c6e0d2a10';
const OBJECTION_ID = '5e0f8e34-1c7b-4b6e-8f2e-2a9d4b7c6e01';
const LINE_A = '7a1d9c40-2b1e-4f3a-8c5d-0e9f1a2b3c4d';
const LINE_B = '8b2e0d51-3c2f-4a4b-9d6e-1f0a2b3c4d5e';
const OBJECTOR = 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b';
const DIGEST = 'a'.repeat(64);
const STATEMENT = '名单第二行的学员没有参加培训';
const PERIOD = { round: 1, startsOn: '2021-06-30', endsOn: '2021-07-06', noticeDays: 7 };
const ON_NOTICE: ClaimNotice = { status: 'ON_NOTICE', period: PERIOD };
/** 10:00 on a Shanghai day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

const lodge = (over: Partial<LodgeClaimObjection> = {}): LodgeClaimObjection => ({
  type: 'LodgeClaimObjection',
  claimId: CLAIM_ID,
  objectionId: OBJECTION_ID,
  notice: ON_NOTICE,
  claimLineIds: new Set([LINE_A, LINE_B]),
  reason: 'TRAINING_NOT_HELD',
  lineIds: [LINE_B],
  statement: { text: STATEMENT, digest: DIGEST },
  context: { actor: OBJECTOR, now: at('2021-07-06') },
  ...over,
});

const lodged: ClaimObjectionLodged = {
  type: 'ClaimObjectionLodged',
  data: {
    objectionId: OBJECTION_ID,
    claimId: CLAIM_ID,
    noticeRound: 1,
    noticeEndsOn: '2021-07-06',
    reason: 'TRAINING_NOT_HELD',
    lineIds: [LINE_B],
    statement: { vaultKey: OBJECTION_ID, digest: DIGEST, length: 14 },
    lodgedBy: OBJECTOR,
    lodgedOn: '2021-07-06',
  },
};

describe('objections to a claim on notice (R-CLAIM-3, 公示)', () => {
  it('R-CLAIM-3 records an objection on the last day of the period by reason, lines, round and a sealed statement: never the text', () => {
    const [event] = given(claimNoticeDecider).when(lodge()).then([lodged]);
    expect(JSON.stringify(event)).not.toContain('学员');
  });

  it('R-CLAIM-3 refuses an objection the day after the period ended, naming its last day', () => {
    const error = given(claimNoticeDecider).when(lodge({ context: { actor: OBJECTOR, now: at('2021-07-07') } })).thenThrows('NOTICE.PERIOD_ENDED');
    expect(error.message).toContain('ended on 2021-07-06');
    expect(error.kind).toBe('rule');
  });

  it('R-CLAIM-3 the Shanghai day counts: 23:30 UTC on the last day is already the next day in Shanghai', () => {
    given(claimNoticeDecider).when(lodge({ context: { actor: OBJECTOR, now: '2021-07-06T16:30:00.000Z' } })).thenThrows('NOTICE.PERIOD_ENDED');
    given(claimNoticeDecider).when(lodge({ context: { actor: OBJECTOR, now: '2021-07-06T15:59:00.000Z' } })).then([lodged]);
  });

  it('R-CLAIM-3 refuses a claim never published, one sent back already, and one released', () => {
    given(claimNoticeDecider).when(lodge({ notice: { status: 'NONE' } })).thenThrows('NOTICE.NOT_FOUND');
    const sentBack: ClaimNotice = { status: 'SENT_BACK', period: PERIOD };
    expect(given(claimNoticeDecider).when(lodge({ notice: sentBack })).thenThrows('NOTICE.ALREADY_SENT_BACK').kind).toBe('conflict');
    const releasedNotice: ClaimNotice = { status: 'RELEASED', period: PERIOD, releasedOn: '2021-07-07' };
    given(claimNoticeDecider).when(lodge({ notice: releasedNotice })).thenThrows('NOTICE.PERIOD_ENDED');
  });

  it('R-CLAIM-3 wants a statement of 10 to 2000 characters and lines of the claim', () => {
    given(claimNoticeDecider).when(lodge({ statement: { text: '  不对  ', digest: DIGEST } })).thenThrows('NOTICE.STATEMENT_REQUIRED');
    given(claimNoticeDecider).when(lodge({ statement: { text: '错'.repeat(2001), digest: DIGEST } })).thenThrows('NOTICE.STATEMENT_TOO_LONG');
    given(claimNoticeDecider).when(lodge({ lineIds: ['9c3f1e62-4d30-4b5c-8e7f-2a1b3c4d5e6f'] })).thenThrows('NOTICE.LINE_NOT_ON_CLAIM');
  });

  it('R-CLAIM-3 the same objection again is a retry; other content under its id is a reused key', () => {
    given(claimNoticeDecider, [lodged]).when(lodge({ lineIds: [LINE_B.toUpperCase()] })).thenNothingHappens();
    given(claimNoticeDecider, [lodged]).when(lodge({ reason: 'AMOUNT_WRONG' })).thenThrows('IDEMPOTENCY.KEY_REUSED');
  });

  it('R-CLAIM-3 the stored event is strict: a statement text slipped into it is refused at append', () => {
    const catalogue = createEventCatalogue();
    expect(catalogue.serialise(lodged).type).toBe('ClaimObjectionLodged');
    expect(() => catalogue.serialise({ type: 'ClaimObjectionLodged', data: { ...lodged.data, statementText: STATEMENT } })).toThrow();
  });
});
