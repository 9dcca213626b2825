import type { EmploymentFacts, TraineeFacts } from './outcome-facts';
import { JCCQ_2020_12 } from '../documents';
import { calculateOutcomeRates } from './outcome-rates.calculator';
import { COHORT, trainees } from './testing/outcome-facts.fixtures';

// COHORT ran 2021-03-01..12: the employment window (180 days) closes after 2021-09-08. 10 trainees of a general
// cohort need 3 employed (30%): t001 and t002 have verified jobs; t003's job was recorded in time, never verified.
const rates = (list: TraineeFacts[], asOf: string) => calculateOutcomeRates({ cohort: COHORT, trainees: list, asOf, policy: JCCQ_2020_12 });
const verifiedJob = (id: string): EmploymentFacts => ({ employmentId: id, startsOn: '2021-04-01', recordedOn: '2021-04-02', verifiedOn: '2021-04-20' });
const pendingJob = (rejection?: EmploymentFacts['rejection']): EmploymentFacts => ({ employmentId: 'j3', startsOn: '2021-08-20', recordedOn: '2021-09-01', ...(rejection ? { rejection } : {}) });
const ten = (rejection?: EmploymentFacts['rejection']) =>
  trainees(10, 10, (i) => (i <= 2 ? { employments: [verifiedJob(`j${i}`)] } : i === 3 ? { employments: [pendingJob(rejection)] } : {}));
const REJECTED = { on: '2021-10-01', reasonCode: 'EVIDENCE_MISMATCH' };

describe('R-GATE-3 R-GATE-4 a rejected employment neither counts nor keeps the gate waiting', () => {
  it('R-GATE-4 R-GATE-3 the rejection decides an AWAITING_VERIFICATION gate: FAILED from the day it is known, with the figures', () => {
    expect(rates(ten(REJECTED), '2021-09-30').gates.employment.state).toMatchObject({ status: 'AWAITING_VERIFICATION', pendingVerification: 1 });
    const decided = rates(ten(REJECTED), '2021-10-01');
    expect(decided.gates.employment).toMatchObject({ rate: { numerator: 2, denominator: 10 }, state: { status: 'FAILED', windowEnd: '2021-09-08', shortBy: 1, emptyBase: false } });
    expect(decided.gates.employment.explanation.inputs).not.toHaveProperty('awaitingVerification');
    expect(decided.gates.employment.explanation.arithmetic).toBe('2 / 10 = 20.00% < 30% (2 × 100 = 200 < 30 × 10 = 300): FAILED: the window closed on 2021-09-08, 1 trainee(s) short');
  });

  it('R-GATE-3 R-GATE-5 the trainee is not employed and the record says it was rejected on that day, with the reason code', () => {
    const t003 = rates(ten(REJECTED), '2021-12-31').trainees[2]!.employment;
    expect(t003).toMatchObject({ counted: false, reason: 'NO_EMPLOYMENT' });
    expect(t003.considered).toEqual([{ id: 'j3', counts: false, detail: 'employment starting 2021-08-20, recorded on 2021-09-01: rejected on 2021-10-01 (EVIDENCE_MISMATCH)' }]);
  });

  it('R-GATE-5 as of a day before the rejection was known the record was awaiting verification, as shown then', () => {
    const before = rates(ten(REJECTED), '2021-09-30');
    const shownThen = rates(ten(), '2021-09-30');
    expect(before.gates.employment).toMatchObject({ rate: shownThen.gates.employment.rate, state: shownThen.gates.employment.state });
    expect(before.gates.employment.explanation).toEqual(shownThen.gates.employment.explanation);
    expect(before.trainees[2]!.employment).toMatchObject({ counted: false, reason: 'AWAITING_VERIFICATION' });
  });

  it('R-GATE-3 while the window is open a rejected record does not count: the gate stays OPEN', () => {
    const early = { on: '2021-09-02', reasonCode: 'NOT_EMPLOYMENT' };
    expect(rates(ten(early), '2021-09-05').gates.employment).toMatchObject({ rate: { numerator: 2, denominator: 10 }, state: { status: 'OPEN', shortBy: 1 } });
    expect(rates(ten(early), '2021-09-09').gates.employment.state).toMatchObject({ status: 'FAILED', shortBy: 1 });
  });

  it('R-GATE-3 another record of the same trainee still counts once verified', () => {
    const list = ten(REJECTED).map((t, i) =>
      i === 2 ? { ...t, employments: [...t.employments, { employmentId: 'j3b', startsOn: '2021-08-25', recordedOn: '2021-09-05', verifiedOn: '2021-10-10' }] } : t,
    );
    const result = rates(list, '2021-10-10');
    expect(result.gates.employment).toMatchObject({ rate: { numerator: 3, denominator: 10 }, state: { status: 'HOLDING' } });
    expect(result.gates.employment.counted).toContainEqual({ labourerId: 't003', evidenceId: 'j3b' });
  });
});
