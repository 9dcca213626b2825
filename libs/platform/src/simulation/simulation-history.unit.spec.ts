import { lifecycleStatusOf, reviewOf } from '@skills/domain';
import { memoisedPersonOutcomes, outcomeFactsOf } from './outcome-facts-of';
import { SIMULATION_EVENT_TYPES, SimulationHistory } from './simulation-history';
import { COHORT, LATER_COHORT, PEOPLE, PROVIDER, SUBDISTRICT, attended, card, claimSubmitted, recorded, startedCohort } from './testing/history-events';

const [A, B, C] = PEOPLE;

function historyOf(events: ReturnType<typeof recorded>[], asOf = '2021-12-31'): SimulationHistory {
  const history = new SimulationHistory(asOf);
  for (const event of events) history.fold(event);
  return history;
}

// The fold must give calculateOutcomeRates the very facts the cohort-outcomes read model gives it (R-GATE-1..5).
describe('policy simulation: the history folded as the read models hold it', () => {
  const cohort = [
    ...startedCohort(COHORT, PEOPLE),
    ...attended(COHORT, A, '2021-03-01', 5, '2021-03-05'),
    ...attended(COHORT, B, '2021-03-01', 2, '2021-03-05'),
    // The same day again (an upload repeated): one attendance row per person and day.
    recorded('2021-03-06', 'AttendanceRecorded', { cohortId: COHORT, labourerId: B, day: '2021-03-01' }),
    ...attended(COHORT, C, '2021-03-01', 3, '2021-03-05'),
    recorded('2021-03-02', 'TraineeWithdrawn', { cohortId: COHORT, labourerId: B, withdrawnOn: '2021-03-02', reason: 'HEALTH' }),
    // Dated 03-03 but recorded on 03-06: the days held before 03-06 count (R-GATE-4).
    recorded('2021-03-06', 'TraineeWithdrawn', { cohortId: COHORT, labourerId: C, withdrawnOn: '2021-03-03', reason: 'HEALTH' }),
    recorded('2021-03-10', 'CohortCompleted', { cohortId: COHORT, completedOn: '2021-03-10' }),
    recorded('2021-03-10', 'FinalAssessmentRecorded', { cohortId: COHORT, labourerId: A, result: 'PASS', assessedOn: '2021-03-10' }),
    recorded('2021-03-12', 'FinalAssessmentCorrected', { cohortId: COHORT, labourerId: A, result: 'FAIL', assessedOn: '2021-03-10', previousResult: 'PASS', reason: 'DATA_ENTRY_ERROR', correctedOn: '2021-03-12' }),
  ];

  it('R-GATE-4 withdrawals carry the days held before the later of their date and their recording; attendance counts each day once', () => {
    const history = historyOf([...cohort, ...attended(COHORT, A, '2021-03-06', 2, '2021-03-08')]);
    const facts = outcomeFactsOf(history, COHORT)!;
    expect(facts.cohort).toEqual({
      cohortId: COHORT,
      programmeType: 'GENERAL',
      occupation: '焊工',
      plannedStart: '2021-03-01',
      plannedEnd: '2021-03-10',
      plannedDays: 10,
      actualStart: '2021-03-01',
      completedOn: '2021-03-10',
      completionRecordedOn: '2021-03-10',
    });
    const byId = new Map(facts.trainees.map((t) => [t.labourerId, t]));
    // Days held: 03-01..03-07 (7). Before 03-02: 03-01 only. Before 03-06 (recorded day, later than 03-03): 03-01..03-05.
    expect(byId.get(B)!.withdrawal).toEqual({ on: '2021-03-02', reasonCode: 'HEALTH', recordedOn: '2021-03-02', trainingDaysHeldBefore: 1 });
    expect(byId.get(C)!.withdrawal).toEqual({ on: '2021-03-03', reasonCode: 'HEALTH', recordedOn: '2021-03-06', trainingDaysHeldBefore: 5 });
    expect(byId.get(A)!.withdrawal).toBeUndefined();
    expect(history.cohorts.get(COHORT)!.trainingDaysHeld).toBe(7);
    expect(history.cohorts.get(COHORT)!.attendedDays(B)).toBe(2);
    expect(history.cohorts.get(COHORT)!.attendedDays(A)).toBe(7);
    // R-GATE-1: the record and its correction, each with its day, in the order recorded.
    expect(byId.get(A)!.assessments).toEqual([
      { result: 'PASS', recordedOn: '2021-03-10' },
      { result: 'FAIL', recordedOn: '2021-03-12' },
    ]);
    expect(facts.trainees.map((t) => t.labourerId)).toEqual([...PEOPLE].sort());
  });

  it('R-GATE-2 a certificate counts for the cohort of its occupation that started last on or before its issue, never twice', () => {
    const certificate = recorded('2021-03-21', 'CertificateRecorded', { certificateId: 'c0000000-0000-4000-8000-000000000001', labourerId: A, type: 'SKILL_LEVEL', level: 'JUNIOR', occupation: '焊工', issuedOn: '2021-03-20' });
    // Alone, the cohort owns it.
    const alone = outcomeFactsOf(historyOf([...cohort, certificate]), COHORT)!;
    expect(alone.trainees.find((t) => t.labourerId === A)!.certificates).toEqual([
      { certificateId: 'c0000000-0000-4000-8000-000000000001', occupation: '焊工', issuedOn: '2021-03-20', type: 'SKILL_LEVEL', recordedOn: '2021-03-21', countsForThisCohort: true },
    ]);
    // A later cohort of the same occupation, started 03-15 (before the issue on 03-20), that A joined by its start, takes it.
    const later = startedCohort(LATER_COHORT, [A], { startedOn: '2021-03-15' });
    const history = historyOf([...cohort, ...later, certificate]);
    expect(outcomeFactsOf(history, COHORT)!.trainees.find((t) => t.labourerId === A)!.certificates[0]!.countsForThisCohort).toBe(false);
    expect(outcomeFactsOf(history, LATER_COHORT)!.trainees[0]!.certificates[0]!.countsForThisCohort).toBe(true);
    // A report's memo of each person's records (issue 7) gives both cohorts the very same facts, owner included.
    const memo = memoisedPersonOutcomes(history);
    expect(outcomeFactsOf(history, COHORT, memo)).toEqual(outcomeFactsOf(history, COHORT));
    expect(outcomeFactsOf(history, LATER_COHORT, memo)).toEqual(outcomeFactsOf(history, LATER_COHORT));
    expect(memo(A)).toBe(memo(A));
    // Had A withdrawn from the later cohort, it could not take the certificate: the first one keeps it.
    const withdrawn = recorded('2021-03-16', 'TraineeWithdrawn', { cohortId: LATER_COHORT, labourerId: A, withdrawnOn: '2021-03-16', reason: 'HEALTH' });
    expect(outcomeFactsOf(historyOf([...cohort, ...later, withdrawn, certificate]), COHORT)!.trainees.find((t) => t.labourerId === A)!.certificates[0]!.countsForThisCohort).toBe(true);
  });

  it('R-GATE-3 a verification or rejection is known from the later of its date and the day it was recorded', () => {
    const jobs = [
      recorded('2021-03-20', 'EmploymentRecorded', { employmentId: 'e0000000-0000-4000-8000-000000000001', labourerId: A, startsOn: '2021-03-18', evidenceRef: 'doc:1' }),
      recorded('2021-03-25', 'EmploymentVerified', { employmentId: 'e0000000-0000-4000-8000-000000000001', verifiedOn: '2021-03-19', verifiedBy: 'reviewer' }),
      recorded('2021-03-20', 'EmploymentRecorded', { employmentId: 'e0000000-0000-4000-8000-000000000002', labourerId: C, startsOn: '2021-03-18', evidenceRef: 'doc:2' }),
      recorded('2021-03-21', 'EmploymentRejected', { employmentId: 'e0000000-0000-4000-8000-000000000002', rejectedOn: '2021-03-22', rejectedBy: 'reviewer', reason: 'EVIDENCE_MISSING' }),
      // Recorded after asOf: not folded at all.
      recorded('2022-01-02', 'EmploymentRecorded', { employmentId: 'e0000000-0000-4000-8000-000000000003', labourerId: B, startsOn: '2021-12-30', evidenceRef: 'doc:3' }),
    ];
    const facts = outcomeFactsOf(historyOf([...cohort, ...jobs]), COHORT)!;
    const byId = new Map(facts.trainees.map((t) => [t.labourerId, t]));
    expect(byId.get(A)!.employments).toEqual([{ employmentId: 'e0000000-0000-4000-8000-000000000001', startsOn: '2021-03-18', recordedOn: '2021-03-20', verifiedOn: '2021-03-25' }]);
    expect(byId.get(C)!.employments).toEqual([
      { employmentId: 'e0000000-0000-4000-8000-000000000002', startsOn: '2021-03-18', recordedOn: '2021-03-20', rejection: { on: '2021-03-22', reasonCode: 'EVIDENCE_MISSING' } },
    ]);
    expect(byId.get(B)!.employments).toEqual([]);
  });

  it('R-CLAIM-1 a claim keeps the roster, days and cards it was submitted with; R-FREE-5 reads the card as of the training start', () => {
    const card = (labourerId: string, keyGroups: string[]) =>
      recorded('2021-01-05', 'LabourerRegistered', { labourerId, fingerprint: 'f'.repeat(64), category: 'RURAL_LABOURER', keyGroups, flags: [], insuranceMonths: 0, subdistrictId: SUBDISTRICT, registeringUnit: { kind: 'SUBDISTRICT', id: SUBDISTRICT }, registeredOn: '2021-01-05' });
    const changed = (day: string, labourerId: string, keyGroups: string[]) => recorded(day, 'LabourerGroupsChanged', { labourerId, keyGroups, flags: [], insuranceMonths: 0, reason: 'EVIDENCE_PROVIDED' });
    const submitted = recorded('2021-03-30', 'ClaimSubmitted', {
      claimId: 'd0000000-0000-4000-8000-000000000001',
      scheme: 'R-FREE-5',
      subject: { kind: 'COHORT', id: COHORT },
      period: { from: '2021-03-01', to: '2021-03-10' },
      submittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER }, accountId: 'a0000000-0000-4000-8000-000000000001' },
      submittedOn: '2021-03-30',
      status: 'READY_FOR_REVIEW',
      tier: null,
      gates: [],
      lines: [],
      totalFen: 0,
    });
    const history = historyOf([
      card(A, ['RURAL_MIGRANT']),
      card(B, ['POOR_LABOURER']),
      card(C, ['RURAL_MIGRANT']),
      // Before the start (03-01) for A: counts. After it for C: does not.
      changed('2021-02-27', A, ['POOR_LABOURER']),
      changed('2021-03-04', C, ['POOR_LABOURER']),
      ...cohort,
      submitted,
      // Attendance uploaded after the claim does not change what it was computed from.
      ...attended(COHORT, A, '2021-03-06', 3, '2021-04-01'),
    ]);
    const { atSubmission } = history.claims.get('d0000000-0000-4000-8000-000000000001')!;
    expect(atSubmission).toEqual({
      trainingDaysHeld: 5,
      trainees: [
        { labourerId: A, attendedDays: 5, enrolledOn: '2021-02-25', cardAsOf: '2021-03-01', keyGroups: ['POOR_LABOURER'], flags: [] },
        { labourerId: B, attendedDays: 2, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-02', cardAsOf: '2021-03-01', keyGroups: ['POOR_LABOURER'], flags: [] },
        { labourerId: C, attendedDays: 3, enrolledOn: '2021-02-25', withdrawnOn: '2021-03-03', cardAsOf: '2021-03-01', keyGroups: ['RURAL_MIGRANT'], flags: [] },
      ],
    });
    expect(history.cohorts.get(COHORT)!.trainingDaysHeld).toBe(8);
    expect(history.people.cards.get(A)!.subdistrictId).toBe(SUBDISTRICT);
  });

  describe('R-CLAIM-3 review steps', () => {
    const CLAIM = 'd0000000-0000-4000-8000-000000000002';
    const note = { vaultKey: 'e0000000-0000-4000-8000-000000000001', digest: 'a'.repeat(64), length: 12 };
    const lineOf = (labourerId: string, amountFen: number) => ({ lineId: `f000000${PEOPLE.indexOf(labourerId as never)}-0000-4000-8000-000000000000`, labourerId, outcome: 'AMOUNT', amountFen });
    const submitted = claimSubmitted('2021-03-30', { claimId: CLAIM, scheme: 'R-FREE-3', subject: { kind: 'COHORT', id: COHORT }, period: { from: '2021-03-01', to: '2021-03-10' }, organisation: { kind: 'PROVIDER', id: PROVIDER }, totalFen: 75_000 });
    const returned = recorded('2021-04-02', 'ClaimReturned', { claimId: CLAIM, round: 1, level: 'CHECK', returnedBy: 'reviewer', returnedOn: '2021-04-02', reason: { code: 'RECORDS_INCOMPLETE', note } });
    // A's three missing days recorded, then the claim computed again: 8 days × 150 capped at 1000 for A.
    const resubmitted = recorded('2021-04-03', 'ClaimResubmitted', {
      claimId: CLAIM,
      round: 2,
      resubmittedBy: { organisation: { kind: 'PROVIDER', id: PROVIDER }, accountId: 'a0000000-0000-4000-8000-000000000001' },
      resubmittedOn: '2021-04-03',
      period: { from: '2021-03-01', to: '2021-03-10' },
      tier: null,
      gates: [],
      lines: [lineOf(PEOPLE[0], 100_000), lineOf(PEOPLE[1], 30_000), lineOf(PEOPLE[2], 45_000)],
      totalFen: 175_000,
      paymentKeys: { kept: 3, reserved: 0, released: 0 },
    });
    const history = historyOf([
      ...PEOPLE.map((id) => card(id, ['RURAL_MIGRANT'])),
      ...cohort,
      submitted,
      ...attended(COHORT, A, '2021-03-06', 3, '2021-04-01'),
      returned,
      resubmitted,
      // After the resubmission: not what its lines were computed from.
      ...attended(COHORT, A, '2021-03-09', 1, '2021-04-05'),
    ]);

    it('R-CLAIM-3 a resubmission replaces the lines and the facts they were computed from: the roster and days as they stood when it was resubmitted', () => {
      const claim = history.claims.get(CLAIM)!;
      expect(claim.submitted.totalFen).toBe(175_000);
      expect(claim.submitted.lines.map((l) => l.labourerId)).toEqual([...PEOPLE]);
      // One copy of the lines: the resubmitted claim is the state's claim, not kept twice.
      expect(claim.state.status === 'submitted' && claim.state.claim).toBe(claim.submitted);
      // Days held 03-01..03-08 (8) at the resubmission; A's 03-09, recorded after it, is not among them.
      expect(claim.atSubmission!.trainingDaysHeld).toBe(8);
      expect(claim.atSubmission!.trainees.map((t) => [t.labourerId, t.attendedDays])).toEqual([
        [A, 8],
        [B, 2],
        [C, 3],
      ]);
      expect(history.cohorts.get(COHORT)!.attendedDays(A)).toBe(9);
      expect(claim.state.status !== 'absent' && [lifecycleStatusOf(claim.state), reviewOf(claim.state)?.round]).toEqual(['READY_FOR_REVIEW', 2]);
    });

    it('R-CLAIM-3 a rejection is folded (REJECTED, final); taking a claim of the queue is not read at all', () => {
      const rejected = recorded('2021-04-06', 'ClaimRejected', { claimId: CLAIM, round: 2, level: 'CHECK', rejectedBy: 'reviewer', rejectedOn: '2021-04-06', reason: { code: 'IRREGULARITY', note }, paymentKeysReleased: 3 });
      history.fold(rejected);
      const { state } = history.claims.get(CLAIM)!;
      expect(state.status !== 'absent' && lifecycleStatusOf(state)).toBe('REJECTED');
      // The gate status stays what R-GATE-4 recorded: flips compare gates.
      expect(state.status === 'submitted' && state.claim.status).toBe('READY_FOR_REVIEW');
      expect(SIMULATION_EVENT_TYPES).toEqual(expect.arrayContaining(['ClaimResubmitted', 'ClaimRejected', 'ClaimChecked', 'ClaimApproved', 'ClaimReleasedForPayment', 'ClaimReturned', 'ClaimObjectionReturned']));
      expect(SIMULATION_EVENT_TYPES).not.toContain('ClaimReviewerAssigned');
    });
  });
});
