import type { CalendarDate } from '@skills/domain';
import type { HistoryEvent } from '@skills/platform';
import { PROVIDER, recorded, SUBDISTRICT } from '@skills/platform/testing';
import { EvaluationHistory } from '../history/evaluation-history';
import { blocked, cancelled, claimIdOf, failed, gatesHeld, instructed, labourer, overrideApproved, paid, payoutKey, reinstructed, released, reversed, submitted, threeGates } from '../history/payout-history.fixtures';
import { FigureTracer, NO_TRACE } from '../tracing';
import { moneySection } from './money.section';
import { contextOf, OTHER_PROVIDER, OTHER_SUBDISTRICT } from './testing/section-fixtures';

const ENTERPRISE = 'e1000000-0000-4000-8000-000000000001';
const PROV = { kind: 'PROVIDER', id: PROVIDER };
const ENT = { kind: 'ENTERPRISE', id: ENTERPRISE };
const OTHER = { kind: 'PROVIDER', id: OTHER_PROVIDER };
const X = { kind: 'LABOURER', id: labourer(1) };
const Y = { kind: 'LABOURER', id: labourer(2) };
const [C1, C2, C3, C4, C5, C6, C7, C8, C9] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(claimIdOf) as [string, string, string, string, string, string, string, string, string];
const [K1, K2X, K2Y, K3, K4, K6, K8, K5] = [1, 2, 3, 4, 5, 6, 8, 7].map(payoutKey) as [string, string, string, string, string, string, string, string];
const NO_RULE_LINE = 'c1a00003-0000-4000-8000-0000000000ff';

/**
 * Reported for 2021 H1 (01-01..06-30). PROVIDER and ENTERPRISE are registered in SUBDISTRICT, OTHER_PROVIDER in
 * OTHER_SUBDISTRICT.
 * - C1 R-FREE-3, PROVIDER → provider 190,000: released 05-10, paid 05-20.
 * - C2 R-FREE-5, PROVIDER → trainees X 30,000 (paid 05-20) and Y 45,000 (failed 05-15, re-instructed 05-18, paid 06-20).
 * - C3 R-ENT-1, ENTERPRISE → itself: a "no rule" line overridden at 50,000 (approved 05-28); released 06-01, failed
 *   06-05, cancelled 06-10; on 07-12 finance reversed its failure: attempt 1 was paid on 06-08 after all
 *   (PayoutFailureReversed). Known on 06-30: cancelled; known from 07-12: paid in H1.
 * - C4 R-FREE-3, PROVIDER 80,000: released 07-05, after the period.
 * - C5 R-FREE-3, PROVIDER 40,000: released by the notice timer for 06-28 but recorded on 07-02 (a late fact about H1),
 *   paid 07-06, after the period.
 * - C6 R-FREE-3, PROVIDER 60,000: released 06-20, paid 07-03, after the period.
 * - C7 R-FREE-3, PROVIDER 120,000: waiting on certification and employment from 04-01 until its gates held on 07-08.
 * - C8 R-FREE-3, OTHER_PROVIDER 70,000 (the other unit): released 05-10, paid 05-25.
 * - C9 R-FREE-3, OTHER_PROVIDER: blocked on 04-02 (a failed gate is not waiting).
 */
const events: HistoryEvent[] = [
  recorded('2021-01-02', 'ProviderRegistered', { providerId: PROVIDER, name: '城区职业培训学校', subdistrictId: SUBDISTRICT }),
  recorded('2021-01-02', 'ProviderRegistered', { providerId: OTHER_PROVIDER, name: '东街培训中心', subdistrictId: OTHER_SUBDISTRICT }),
  recorded('2021-01-02', 'EnterpriseRegistered', { enterpriseId: ENTERPRISE, name: '城区机械厂', subdistrictId: SUBDISTRICT, headcount: 320, insured: true }),

  submitted('2021-04-01', C1, 'R-FREE-3', PROV, [{ payee: PROV, amountFen: 190_000 }]),
  ...released('2021-05-10', C1, 190_000),
  instructed('2021-05-10', K1, C1, 'R-FREE-3', PROV, 190_000),
  paid('2021-05-20', K1, 190_000),

  submitted('2021-04-01', C2, 'R-FREE-5', PROV, [
    { payee: X, amountFen: 30_000 },
    { payee: Y, amountFen: 45_000 },
  ]),
  ...released('2021-05-12', C2, 75_000),
  instructed('2021-05-12', K2X, C2, 'R-FREE-5', X, 30_000),
  instructed('2021-05-12', K2Y, C2, 'R-FREE-5', Y, 45_000),
  paid('2021-05-20', K2X, 30_000),
  failed('2021-05-15', K2Y),
  reinstructed('2021-05-18', K2Y, 2),
  paid('2021-06-20', K2Y, 45_000, 2),

  submitted('2021-05-01', C3, 'R-ENT-1', ENT, [], { extraLines: [{ lineId: NO_RULE_LINE, payee: ENT, outcome: 'NO_RULE', reason: { code: 'NO_RULE', message: 'x' } }] }),
  ...overrideApproved('2021-05-28', C3, 'e0000000-0000-4000-8000-0000000000a1', { kind: 'LINE', lineId: NO_RULE_LINE, amountFen: 50_000 }, 'READY_FOR_REVIEW', 50_000),
  ...released('2021-06-01', C3, 50_000),
  instructed('2021-06-01', K3, C3, 'R-ENT-1', ENT, 50_000),
  failed('2021-06-05', K3),
  cancelled('2021-06-10', K3),
  reversed('2021-07-12', K3, 50_000, '2021-06-08'),

  submitted('2021-06-15', C4, 'R-FREE-3', PROV, [{ payee: PROV, amountFen: 80_000 }]),
  ...released('2021-07-05', C4, 80_000),
  instructed('2021-07-05', K4, C4, 'R-FREE-3', PROV, 80_000),

  submitted('2021-05-02', C6, 'R-FREE-3', PROV, [{ payee: PROV, amountFen: 60_000 }]),
  ...released('2021-06-20', C6, 60_000),
  instructed('2021-06-20', K6, C6, 'R-FREE-3', PROV, 60_000),
  paid('2021-07-03', K6, 60_000),

  submitted('2021-05-20', C5, 'R-FREE-3', PROV, [{ payee: PROV, amountFen: 40_000 }]),
  ...released('2021-07-02', C5, 40_000, '2021-06-28'),
  instructed('2021-07-02', K5, C5, 'R-FREE-3', PROV, 40_000),
  paid('2021-07-06', K5, 40_000),

  submitted('2021-04-01', C7, 'R-FREE-3', PROV, [{ payee: PROV, amountFen: 120_000 }], {
    status: 'WAITING_ON_OUTCOMES',
    gates: threeGates('HOLDING', 'OPEN', 'OPEN'),
  }),
  gatesHeld('2021-07-08', C7, threeGates('HOLDING', 'HOLDING', 'HOLDING')),

  submitted('2021-04-01', C8, 'R-FREE-3', OTHER, [{ payee: OTHER, amountFen: 70_000 }]),
  ...released('2021-05-10', C8, 70_000),
  instructed('2021-05-10', K8, C8, 'R-FREE-3', OTHER, 70_000),
  paid('2021-05-25', K8, 70_000),

  submitted('2021-04-01', C9, 'R-FREE-3', OTHER, [{ payee: OTHER, amountFen: 10_000 }], { status: 'WAITING_ON_OUTCOMES', gates: [{ gate: 'PASS', status: 'OPEN' }] }),
  blocked('2021-04-02', C9, [{ gate: 'PASS', status: 'FAILED' }]),
];

function historyAsOf(asOf: CalendarDate): EvaluationHistory {
  const history = new EvaluationHistory(asOf);
  for (const event of events) history.fold(event);
  return history;
}

const money = (asOf: CalendarDate, subdistrictId: string | null = SUBDISTRICT, tracer = NO_TRACE) => moneySection(historyAsOf(asOf), contextOf({ asOf, subdistrictId }), tracer);
const fens = (section: ReturnType<typeof moneySection>) => section.rows.map((r) => [r.scheme, r.payeeType, r.released.fen, r.paid.fen, r.cancelled.fen, r.outstanding.fen]);
const totalFens = ({ total }: ReturnType<typeof moneySection>) => [total.released.fen, total.paid.fen, total.cancelled.fen, total.outstanding.fen];

describe('moneySection (R-EVAL-1, R-PAY-1, R-CLAIM-4, R-GATE-4)', () => {
  it('R-PAY-1 released, paid and outstanding per scheme and payee type for the unit, in the notice’s scheme order', () => {
    const section = money('2021-07-15');
    // THE RULE (report-context.ts): C4 (released 07-05, after the period) and C8 (the other unit) are not counted; C5
    // (own day 06-28, recorded 07-02) is, since 07-15 knows it. Paid is cut at 06-30: C5 (07-06) and C6 (07-03) are
    // still owed in H1.
    expect(fens(section)).toEqual([
      ['R-FREE-3', 'ORGANISATION', 290_000, 190_000, 0, 100_000], // C1 190,000 paid 05-20; C6 60,000 + C5 40,000 paid after 06-30
      ['R-FREE-5', 'PERSON', 75_000, 75_000, 0, 0], // X paid 05-20; Y failed, re-instructed, its attempt 2 paid 06-20
      ['R-ENT-1', 'ORGANISATION', 50_000, 50_000, 0, 0], // cancelled 06-10, but known on 07-15 as paid 06-08: paid wins
    ]);
    expect(section.rows[0]).toEqual({
      scheme: 'R-FREE-3',
      payeeType: 'ORGANISATION',
      released: { id: 'money/R-FREE-3/ORGANISATION/released', fen: 290_000 },
      paid: { id: 'money/R-FREE-3/ORGANISATION/paid', fen: 190_000 },
      cancelled: { id: 'money/R-FREE-3/ORGANISATION/cancelled', fen: 0 },
      outstanding: { id: 'money/R-FREE-3/ORGANISATION/outstanding', fen: 100_000 },
    });
    // 415,000 − 315,000 − 0 = 100,000.
    expect(section.total).toEqual({
      released: { id: 'money/total/released', fen: 415_000 },
      paid: { id: 'money/total/paid', fen: 315_000 },
      cancelled: { id: 'money/total/cancelled', fen: 0 },
      outstanding: { id: 'money/total/outstanding', fen: 100_000 },
    });
  });

  it('R-EVAL-1 the district report counts every unit’s claims, its totals the sums of its rows', () => {
    const section = money('2021-07-15', null);
    expect(fens(section)).toEqual([
      ['R-FREE-3', 'ORGANISATION', 360_000, 260_000, 0, 100_000], // the unit's row + C8 70,000 paid 05-25
      ['R-FREE-5', 'PERSON', 75_000, 75_000, 0, 0],
      ['R-ENT-1', 'ORGANISATION', 50_000, 50_000, 0, 0],
    ]);
    // 485,000 − 385,000 − 0 = 100,000.
    expect(totalFens(section)).toEqual([485_000, 385_000, 0, 100_000]);
  });

  it('R-PAY-1 as of an earlier day: a release recorded after asOf is not there, nor a payment finance answered later', () => {
    const section = money('2021-06-15');
    // C6 was released on 06-20; Y's re-instructed payout was paid on 06-20; C5 and C3's reversal are not known.
    expect(fens(section)).toEqual([
      ['R-FREE-3', 'ORGANISATION', 190_000, 190_000, 0, 0],
      ['R-FREE-5', 'PERSON', 75_000, 30_000, 0, 45_000],
      ['R-ENT-1', 'ORGANISATION', 50_000, 0, 50_000, 0], // cancelled on 06-10
    ]);
    expect(totalFens(section)).toEqual([315_000, 220_000, 50_000, 45_000]);
  });

  it('R-EVAL-1 bitemporal: the H1 report run again later moves only by facts about H1 recorded late, never by payments after 06-30', () => {
    const frozen = money('2021-06-30');
    // As known at the end of 06-30: C1 + C6 released (250,000), C6 unpaid; C3 cancelled; C5 and the reversal unknown.
    expect(fens(frozen)).toEqual([
      ['R-FREE-3', 'ORGANISATION', 250_000, 190_000, 0, 60_000],
      ['R-FREE-5', 'PERSON', 75_000, 75_000, 0, 0],
      ['R-ENT-1', 'ORGANISATION', 50_000, 0, 50_000, 0],
    ]);
    // C6 paid on 07-03 does not move H1: the same 190,000 paid and the 60,000 still owed at 06-30 (the review's case).
    const later = money('2021-07-15');
    expect(later.rows[0]!.paid.fen).toBe(frozen.rows[0]!.paid.fen);
    // The only moves from 06-30 to 07-15: C5's release dated 06-28 (+40,000 released and owed) and C3's payment dated
    // 06-08 (50,000 from cancelled to paid). Run on 12-31, nothing more is known about H1: the same figures as 07-15.
    expect(later.total.released.fen - frozen.total.released.fen).toBe(40_000);
    expect(later.total.paid.fen - frozen.total.paid.fen).toBe(50_000);
    expect(fens(money('2021-12-31'))).toEqual(fens(later));
  });

  it('R-CLAIM-4 lists the claim with an approved override: what was overridden and what it pays', () => {
    expect(money('2021-07-15').overrides).toEqual([{ claimId: C3, scheme: 'R-ENT-1', kinds: ['NO_RULE_LINE'], amount: { id: `money/overrides/${C3}`, fen: 50_000 } }]);
    // The next half-year: approved and released in H1, so not flagged again.
    expect(moneySection(historyAsOf('2021-12-31'), contextOf({ asOf: '2021-12-31', period: { kind: 'H2', from: '2021-07-01', to: '2021-12-31', label: '2021 下半年' } }), NO_TRACE).overrides).toEqual([]);
  });

  it('R-GATE-4 lists the claims waiting on open gates at the end of the period, though their gates held after it', () => {
    const section = money('2021-07-15');
    expect(section.waitingOnGates).toEqual([{ claimId: C7, scheme: 'R-FREE-3', submittedOn: '2021-04-01', gates: ['CERTIFICATION', 'EMPLOYMENT'], amount: { id: `money/waiting/${C7}`, fen: 120_000 } }]);
    // As of 07-15 for H2 (from 07-01): the gates held on 07-08, nothing waits; the blocked C9 never does.
    const h2 = moneySection(historyAsOf('2021-07-15'), contextOf({ asOf: '2021-07-15', subdistrictId: null, period: { kind: 'H2', from: '2021-07-01', to: '2021-12-31', label: '2021 下半年' } }), NO_TRACE);
    expect(h2.waitingOnGates).toEqual([]);
    // H2 so far: C4, released on 07-05. C5, recorded on 07-02, was released on 06-28: it is H1's, not H2's.
    expect(fens(h2)).toEqual([['R-FREE-3', 'ORGANISATION', 80_000, 0, 0, 80_000]]);
  });

  it('R-MON-1 a row’s paid figure is traced to the claim’s release and the paid payouts; released to the claims and their instructions', () => {
    const paidTrace = new FigureTracer('money/R-FREE-5/PERSON/paid');
    money('2021-07-15', SUBDISTRICT, paidTrace);
    expect(paidTrace.found).toBe(true);
    expect(paidTrace.refs()).toEqual([{ streamId: `claim-${C2}`, types: ['ClaimReleasedForPayment', 'ClaimSubmitted'] }, { streamId: `payout-${K2X}` }, { streamId: `payout-${K2Y}` }]);

    const releasedTrace = new FigureTracer('money/R-FREE-3/ORGANISATION/released');
    money('2021-07-15', SUBDISTRICT, releasedTrace);
    expect(releasedTrace.refs()).toEqual(
      [
        { streamId: `claim-${C1}` },
        { streamId: `claim-${C5}` },
        { streamId: `claim-${C6}` },
        { streamId: `payout-${K1}`, types: ['PayoutInstructed'] },
        { streamId: `payout-${K5}`, types: ['PayoutInstructed'] },
        { streamId: `payout-${K6}`, types: ['PayoutInstructed'] },
      ].sort((a, b) => (a.streamId < b.streamId ? -1 : 1)),
    );

    // Paid by 06-30: K1 only; K5 and K6 were paid after it.
    const paidByEnd = new FigureTracer('money/R-FREE-3/ORGANISATION/paid');
    money('2021-07-15', SUBDISTRICT, paidByEnd);
    expect(paidByEnd.refs().map((r) => r.streamId)).toEqual([`claim-${C1}`, `claim-${C5}`, `claim-${C6}`, `payout-${K1}`].sort());

    const outstanding = new FigureTracer('money/total/outstanding');
    money('2021-07-15', SUBDISTRICT, outstanding);
    expect(outstanding.refs().map((r) => r.streamId)).toEqual([`claim-${C1}`, `claim-${C2}`, `claim-${C3}`, `claim-${C5}`, `claim-${C6}`, `payout-${K1}`, `payout-${K2X}`, `payout-${K2Y}`, `payout-${K3}`, `payout-${K5}`, `payout-${K6}`].sort());

    const waiting = new FigureTracer(`money/waiting/${C7}`);
    money('2021-07-15', SUBDISTRICT, waiting);
    expect(waiting.refs()).toEqual([{ streamId: `claim-${C7}` }]);
  });
});
