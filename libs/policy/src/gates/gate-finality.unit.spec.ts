import type { CertificateFacts, EmploymentFacts, TraineeFacts } from './outcome-facts';
import { JCCQ_2020_12 } from '../documents';
import { calculateOutcomeRates, type OutcomeRatesInput } from './outcome-rates.calculator';
import { COHORT, trainee, trainees } from './testing/outcome-facts.fixtures';

// COHORT ran 2021-03-01..12: the certification window (90 days) closes after 2021-06-10, the employment window
// (180 days) after 2021-09-08.
const rates = (list: TraineeFacts[], asOf: string, overrides: Partial<OutcomeRatesInput> = {}) => calculateOutcomeRates({ cohort: COHORT, trainees: list, asOf, policy: JCCQ_2020_12, ...overrides });
const certificate = (id: string, issuedOn: string, recordedOn = issuedOn, countsForThisCohort = true): CertificateFacts => ({
  certificateId: id,
  occupation: '电工',
  issuedOn,
  type: 'SKILL_LEVEL',
  recordedOn,
  countsForThisCohort,
});
const job = (id: string, startsOn: string, recordedOn: string, verifiedOn?: string): EmploymentFacts => ({ employmentId: id, startsOn, recordedOn, ...(verifiedOn ? { verifiedOn } : {}) });
const details = (decision: { considered?: readonly { detail: string }[] }) => decision.considered!.map((c) => c.detail);

describe('R-GATE-4 a failed gate finally blocks the claim: late records do not turn it', () => {
  // 5 trainees, 2 certified in time: 40% < 60%, one short. The third certificate is dated in the window but recorded in September.
  const five = (thirdRecordedOn: string) =>
    trainees(5, 5, (i) => (i <= 2 ? { certificates: [certificate(`c${i}`, '2021-04-01')] } : i === 3 ? { certificates: [certificate('c3', '2021-06-01', thirdRecordedOn)] } : {}));

  it('R-GATE-4 R-GATE-2 a certificate issued in the window but recorded after it closed leaves the FAILED gate FAILED', () => {
    const failed = rates(five('2021-09-01'), '2021-06-11').gates.certification;
    const later = rates(five('2021-09-01'), '2021-10-01');
    expect(failed.state).toEqual({ status: 'FAILED', windowEnd: '2021-06-10', shortBy: 1, emptyBase: false });
    expect(later.gates.certification).toMatchObject({ rate: { numerator: 2, denominator: 5 }, state: failed.state });
    expect(details(later.trainees[2]!.certification)).toEqual(['SKILL_LEVEL certificate issued 2021-06-01: recorded on 2021-09-01, after the window closed on 2021-06-10']);
  });

  it("R-GATE-4 R-GATE-2 a certificate recorded on the window's last day counts, the day after does not", () => {
    expect(rates(five('2021-06-10'), '2021-10-01').gates.certification).toMatchObject({ rate: { numerator: 3, denominator: 5 }, state: { status: 'HOLDING' } });
    expect(rates(five('2021-06-11'), '2021-10-01').gates.certification).toMatchObject({ rate: { numerator: 2, denominator: 5 }, state: { status: 'FAILED', shortBy: 1 } });
  });

  it('R-GATE-4 R-GATE-3 an employment recorded after the window closed never counts, even once verified', () => {
    const result = rates([trainee(1, { employments: [job('late', '2021-08-01', '2021-09-09', '2021-09-10')] }), trainee(2), trainee(3), trainee(4)], '2021-10-01');
    expect(result.gates.employment).toMatchObject({ rate: { numerator: 0, denominator: 4 }, state: { status: 'FAILED', shortBy: 2 } });
    expect(result.trainees[0]!.employment).toMatchObject({ counted: false, reason: 'NO_EMPLOYMENT' });
    expect(details(result.trainees[0]!.employment)).toEqual(['employment starting 2021-08-01: recorded on 2021-09-09, after the window closed on 2021-09-08']);
  });
});

describe('R-GATE-4 R-GATE-3 verification may lag the employment window', () => {
  // 10 trainees of a general cohort (30% needed, 3): 2 verified jobs, t003 a job recorded in time whose verification comes on 2021-10-01.
  const ten = (verifiedOn?: string) =>
    trainees(10, 10, (i) =>
      i <= 2 ? { employments: [job(`j${i}`, '2021-04-01', '2021-04-02', '2021-04-20')] } : i === 3 ? { employments: [job('j3', '2021-08-20', '2021-09-01', verifiedOn)] } : {},
    );

  it('R-GATE-4 after the window closes, a gate the pending verifications could still lift is AWAITING_VERIFICATION, not FAILED', () => {
    const result = rates(ten(), '2021-09-09');
    expect(result.gates.employment).toMatchObject({ rate: { numerator: 2, denominator: 10 }, state: { status: 'AWAITING_VERIFICATION', windowEnd: '2021-09-08', shortBy: 1, pendingVerification: 1 } });
    expect(result.gates.employment.explanation.inputs).toMatchObject({ state: 'AWAITING_VERIFICATION', awaitingVerification: 1 });
    expect(result.gates.employment.explanation.arithmetic).toBe(
      "2 / 10 = 20.00% < 30% (2 × 100 = 200 < 30 × 10 = 300): AWAITING_VERIFICATION: the window closed on 2021-09-08, 1 trainee(s) short; 1 trainee(s) with a record made in time await the bureau's verification",
    );
    expect(result.trainees[2]!.employment).toMatchObject({ counted: false, reason: 'AWAITING_VERIFICATION' });
    expect(result.trainees[2]!.employment.detail).toBe("awaiting the bureau's verification: employment starting 2021-08-20, recorded on 2021-09-01, is not verified yet");
  });

  it('R-GATE-4 while the window is open a pending verification changes nothing: the gate is OPEN', () => {
    expect(rates(ten(), '2021-09-08').gates.employment.state).toEqual({ status: 'OPEN', windowEnd: '2021-09-08', provisional: false, shortBy: 1 });
  });

  it('R-GATE-4 the verification decides it: HOLDING from the day it is known, still awaiting the day before', () => {
    expect(rates(ten('2021-10-01'), '2021-10-01').gates.employment).toMatchObject({ rate: { numerator: 3, denominator: 10 }, state: { status: 'HOLDING' } });
    const before = rates(ten('2021-10-01'), '2021-09-30');
    expect(before.gates.employment.state).toMatchObject({ status: 'AWAITING_VERIFICATION', pendingVerification: 1 });
    expect(details(before.trainees[2]!.employment)).toEqual(['employment starting 2021-08-20, recorded on 2021-09-01: verified on 2021-10-01, after the evaluation date 2021-09-30']);
  });

  it('R-GATE-4 when the pending records cannot reach the threshold, the closed gate is FAILED, with the figures', () => {
    // Only t001 verified (1 of 10, 2 short) and one pending: even verified, 2 of 10 < 30%.
    const short = trainees(10, 10, (i) => (i === 1 ? { employments: [job('j1', '2021-04-01', '2021-04-02', '2021-04-20')] } : i === 2 ? { employments: [job('j2', '2021-05-01', '2021-05-02')] } : {}));
    expect(rates(short, '2021-09-09').gates.employment.state).toEqual({ status: 'FAILED', windowEnd: '2021-09-08', shortBy: 2, emptyBase: false });
  });

  it('R-GATE-4 the R-FREE-4 fallback waits too: 80% is out of reach and fails, 30% awaits the pending verifications', () => {
    const order = trainees(10, 10, (i) => (i <= 2 ? { employments: [job(`j${i}`, '2021-04-01', '2021-04-02', '2021-04-20')] } : i === 3 ? { employments: [job('j3', '2021-05-01', '2021-05-02')] } : {}));
    const result = rates(order, '2021-09-09', { cohort: { ...COHORT, programmeType: 'ORDER_BASED' } });
    expect(result.gates.employment.state).toMatchObject({ status: 'FAILED', shortBy: 6 });
    expect(result.gates.employmentFallback!.state).toMatchObject({ status: 'AWAITING_VERIFICATION', shortBy: 1, pendingVerification: 1 });
  });

  it('R-GATE-4 a withdrawn trainee with a pending job is a failure, not pending', () => {
    const withdrawn = trainees(10, 10, (i) =>
      i <= 2
        ? { employments: [job(`j${i}`, '2021-04-01', '2021-04-02', '2021-04-20')] }
        : i === 3
          ? { employments: [job('j3', '2021-05-01', '2021-05-02')], withdrawal: { on: '2021-03-08', reasonCode: 'FOUND_EMPLOYMENT', trainingDaysHeldBefore: 5 } }
          : {},
    );
    expect(rates(withdrawn, '2021-09-09').gates.employment.state).toMatchObject({ status: 'FAILED', shortBy: 1 });
  });
});

describe('R-GATE-5 asOf means "as known on that day"', () => {
  const history = [
    trainee(1, { certificates: [certificate('c1', '2021-03-20', '2021-03-25')], employments: [job('j1', '2021-04-01', '2021-04-03', '2021-04-05')] }),
    trainee(2, { certificates: [certificate('c2', '2021-03-28', '2021-04-12')], employments: [job('j2', '2021-04-05', '2021-04-10', '2021-05-02')] }),
    trainee(3, { employments: [job('j3', '2021-04-08', '2021-04-15')] }),
  ];

  it('R-GATE-5 ignores certificates and employments recorded, and verifications made, after the evaluation date, saying why', () => {
    const result = rates(history, '2021-04-11');
    expect(result.gates.certification.counted).toEqual([{ labourerId: 't001', evidenceId: 'c1' }]);
    expect(result.gates.employment.counted).toEqual([{ labourerId: 't001', evidenceId: 'j1' }]);
    expect(details(result.trainees[1]!.certification)).toEqual(['SKILL_LEVEL certificate issued 2021-03-28: recorded on 2021-04-12, after the evaluation date 2021-04-11']);
    expect(details(result.trainees[1]!.employment)).toEqual(['employment starting 2021-04-05, recorded on 2021-04-10: verified on 2021-05-02, after the evaluation date 2021-04-11']);
    expect(details(result.trainees[2]!.employment)).toEqual(['employment starting 2021-04-08: recorded on 2021-04-15, after the evaluation date 2021-04-11']);
  });

  it('R-GATE-5 the rates shown on a day are reproduced later from the full history', () => {
    // What the system knew on 2021-04-11: records made by then, with verifications made by then.
    const day = '2021-04-11';
    const knownThen = history.map((t) => ({
      ...t,
      certificates: t.certificates.filter((c) => c.recordedOn <= day),
      employments: t.employments.filter((e) => e.recordedOn <= day).map(({ verifiedOn, ...e }) => (verifiedOn && verifiedOn <= day ? { ...e, verifiedOn } : e)),
    }));
    const shownThen = rates(knownThen, day);
    const redone = rates(history, day);
    for (const gate of ['pass', 'certification', 'employment'] as const) {
      expect(redone.gates[gate]).toMatchObject({ rate: shownThen.gates[gate].rate, state: shownThen.gates[gate].state, counted: shownThen.gates[gate].counted });
      expect(redone.gates[gate].explanation).toEqual(shownThen.gates[gate].explanation);
    }
  });
});

describe('R-GATE-2 one certificate counts for one cohort', () => {
  it('R-GATE-2 a certificate that counts for another cohort of the same occupation is not counted here, and the other cohort is not named', () => {
    const result = rates([trainee(1, { certificates: [certificate('c1', '2021-04-01', '2021-04-01', false)] })], '2021-04-02');
    expect(result.gates.certification).toMatchObject({ rate: { numerator: 0, denominator: 1 }, counted: [] });
    expect(result.trainees[0]!.certification).toMatchObject({ counted: false, reason: 'NO_CERTIFICATE' });
    expect(details(result.trainees[0]!.certification)).toEqual(['SKILL_LEVEL certificate issued 2021-04-01: counts for another cohort of the same occupation']);
  });

  it('R-GATE-2 another certificate of the person that is this cohort\'s still counts', () => {
    const result = rates([trainee(1, { certificates: [certificate('a', '2021-04-01', '2021-04-01', false), certificate('b', '2021-05-01')] })], '2021-05-02');
    expect(result.gates.certification.counted).toEqual([{ labourerId: 't001', evidenceId: 'b' }]);
  });
});
