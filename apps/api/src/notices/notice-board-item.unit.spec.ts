import type { PersonalRecordLookup } from '@skills/personal-data';
import { noticeBoardItem, type OnNotice } from './notice-board-item';

const PROVIDER = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const [ZHANG, LI, ERASED] = ['1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '2b3c4d5e-6f70-4b8c-9dae-1f2a3b4c5d6e', '3c4d5e6f-7081-4c9d-aebf-2a3b4c5d6e7f'];
const ID_ZHANG = '11010519491231002X';
const people = new Map<string, PersonalRecordLookup>([
  [ZHANG, { idNumber: ID_ZHANG, name: '张三丰' }],
  [LI, { idNumber: '110105199003071239', name: '李四' }],
  [ERASED, 'erased'],
]);
const organisations = new Map([[PROVIDER, '南村职业培训学校']]);
const line = (lineId: string, labourerId: string, amountFen: number, extra: Partial<OnNotice['lines'][number]> = {}) => ({ lineId, ruleId: 'R-FREE-3', labourerId, payee: { kind: 'PROVIDER', id: PROVIDER }, amountFen, ...extra });

const claim: OnNotice = {
  claimId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  scheme: 'R-FREE-3',
  subject: { kind: 'COHORT', id: '8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f' },
  period: { from: '2021-05-01', to: '2021-05-10' },
  organisation: { kind: 'PROVIDER', id: PROVIDER },
  notice: { round: 1, startsOn: '2021-06-30', endsOn: '2021-07-06', noticeDays: 7 },
  lines: [line('a1111111-1111-4111-8111-111111111111', ZHANG, 100_000), line('b2222222-2222-4222-8222-222222222222', LI, 90_000), line('c3333333-3333-4333-8333-333333333333', ERASED, 45_000)],
  overridden: false,
};

describe('the notice board (R-CLAIM-3, 公示)', () => {
  it('R-CLAIM-3 shows each person by the masked name only: no ID number, no person id, null for an erased person', () => {
    const item = noticeBoardItem(claim, { people, organisations }, '2021-07-02');
    expect(item.lines.map((l) => [l.personName, l.amountFen])).toEqual([
      ['张**', 100_000],
      ['李*', 90_000],
      [null, 45_000],
    ]);
    const text = JSON.stringify(item);
    for (const secret of ['张三丰', '李四', ID_ZHANG, '110105199003071239', ZHANG, LI, ERASED]) expect(text).not.toContain(secret);
  });

  it('R-CLAIM-3 sums the payee organisation\'s lines in fen and counts the days left to object', () => {
    const item = noticeBoardItem(claim, { people, organisations }, '2021-07-05');
    // 1000.00 + 900.00 + 450.00 yuan = 235000 fen.
    expect(item.totalFen).toBe(235_000);
    expect(item.payees).toEqual([{ kind: 'PROVIDER', id: PROVIDER, name: '南村职业培训学校', amountFen: 235_000, lines: 3 }]);
    expect(item.organisation).toEqual({ kind: 'PROVIDER', id: PROVIDER, name: '南村职业培训学校' });
    expect(item.notice).toEqual({ round: 1, startsOn: '2021-06-30', endsOn: '2021-07-06', noticeDays: 7, daysLeft: 2, objectionsOpen: true });
    expect(noticeBoardItem(claim, { people, organisations }, '2021-07-07').notice).toMatchObject({ daysLeft: 0, objectionsOpen: false });
  });

  it('R-CLAIM-4 an overridden claim is flagged on the public notice too, one that is not is not', () => {
    expect(noticeBoardItem({ ...claim, overridden: true }, { people, organisations }, '2021-07-02').overridden).toBe(true);
    expect(noticeBoardItem(claim, { people, organisations }, '2021-07-02').overridden).toBe(false);
  });

  it('R-CLAIM-3 names a person paid directly by the masked name and hides a PERSON subject\'s id; an adjustment shows what it recovers', () => {
    const personal: OnNotice = {
      ...claim,
      scheme: 'R-CERT-3',
      subject: { kind: 'PERSON', id: ZHANG },
      lines: [
        { lineId: 'd4444444-4444-4444-8444-444444444444', ruleId: 'R-CERT-3', labourerId: ZHANG, payee: { kind: 'LABOURER', id: ZHANG }, amountFen: 150_000, direction: 'TOP_UP' },
        { lineId: 'e5555555-5555-4555-8555-555555555555', ruleId: 'R-CERT-3', labourerId: LI, payee: { kind: 'LABOURER', id: LI }, amountFen: 20_000, direction: 'CLAWBACK' },
      ],
    };
    const item = noticeBoardItem(personal, { people, organisations }, '2021-07-02');
    expect(item.subject).toEqual({ kind: 'PERSON' });
    expect(item.payees).toEqual([
      { kind: 'LABOURER', name: '张**', amountFen: 150_000, lines: 1 },
      { kind: 'LABOURER', name: '李*', amountFen: 0, clawbackFen: 20_000, lines: 1 },
    ]);
    expect(item.totalFen).toBe(150_000);
    expect(JSON.stringify(item)).not.toContain(ZHANG);
  });
});
