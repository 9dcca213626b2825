import { deterministicUuid } from '../../commands/deterministic-id';
import { PEOPLE, PROVIDER, claimSubmitted, recorded } from '../testing/history-events';
import { contextOf, draftOf, historyOf } from '../testing/simulation-context';
import { certificationSubsidySimulator } from './certification-subsidy.simulator';
import { employeeUpgradeSimulator } from './employee-upgrade.simulator';
import type { SchemeSimulation } from './scheme-simulator';

const [A, B, C] = PEOPLE;
const ENTERPRISE = 'e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const EVALUATION = 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const CLAIM = 'd0000000-0000-4000-8000-000000000001';
const certificateOf = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
const lineIds = (names: readonly string[]) => names.map((name) => deterministicUuid(CLAIM, 'line', name));
const outcomes = (simulation: SchemeSimulation) => simulation.lines.map((l) => [l.labourerId, l.outcome, l.amountFen]);
const certificate = (n: number, labourerId: string, type: string, issuedOn: string, recordedOn: string, level?: string) =>
  recorded(recordedOn, 'CertificateRecorded', { certificateId: certificateOf(n), labourerId, type, ...(level ? { level } : {}), occupation: '电工', issuedOn });
const evaluation = (certificateType: string) =>
  recorded('2021-04-01', 'FreeEvaluationRecorded', { evaluationId: EVALUATION, organiser: { kind: 'PROVIDER', id: PROVIDER }, occupation: '电工', certificateType, evaluatedOn: '2021-04-01', freeOfCharge: true });
const named = (n: number, labourerId: string, extra: Record<string, unknown>) =>
  recorded('2021-04-20', 'FreeEvaluationCertificateNamed', { evaluationId: EVALUATION, certificateId: certificateOf(n), labourerId, issuedOn: '2021-04-15', ...extra });
const claimOf = (names: readonly string[]) =>
  claimSubmitted('2021-04-25', { claimId: CLAIM, scheme: 'R-CERT-2', subject: { kind: 'EVALUATION', id: EVALUATION }, period: { from: '2021-04-01', to: '2021-04-01' }, organisation: { kind: 'PROVIDER', id: PROVIDER }, lineIds: lineIds(names) });

// The certification schemes' simulators, under the live document and under a draft (amounts hand-computed in fen).
describe('policy simulation: the certification schemes (R-CERT-2, R-CERT-3)', () => {
  it('R-CERT-2 a draft pricing JUNIOR 400 and INTERMEDIATE 450: the "no rule" INTERMEDIATE line pays, 900 → 1450 yuan', () => {
    const history = historyOf([
      evaluation('SKILL_LEVEL'),
      named(1, A, { level: 'JUNIOR' }),
      named(2, B, { level: 'SENIOR' }),
      named(3, C, { level: 'INTERMEDIATE' }),
      claimOf([1, 2, 3].map(certificateOf)),
    ]);
    const claim = history.claims.get(CLAIM)!;
    expect(outcomes(certificationSubsidySimulator.simulate(claim, contextOf(history)))).toEqual([
      [A, 'AMOUNT', 30_000],
      [B, 'AMOUNT', 60_000],
      [C, 'NO_RULE', 0],
    ]);
    const draft = draftOf((p) => (p.certification.qualificationOrSkillLevelFen = { JUNIOR: 40_000, INTERMEDIATE: 45_000, SENIOR: 60_000 }));
    const simulated = certificationSubsidySimulator.simulate(claim, contextOf(history, draft));
    expect(outcomes(simulated)).toEqual([
      [A, 'AMOUNT', 40_000],
      [B, 'AMOUNT', 60_000],
      [C, 'AMOUNT', 45_000],
    ]);
    expect(simulated.lines.every((l) => l.payee.kind === 'PROVIDER' && l.payee.id === PROVIDER)).toBe(true);
    expect(simulated.policyVersion).toBe('JCCQ-2020-12.v2');
  });

  it('R-CERT-2 a draft paying 350 a first issue: a special operation certificate after an earlier one stays refused; one recorded after the claim does not count', () => {
    const history = historyOf([
      // B holds an earlier special operation certificate of the same occupation: B's is no first issue.
      certificate(4, B, 'SPECIAL_OPERATION', '2019-06-01', '2021-03-01'),
      ...[1, 2, 3].map((n) => certificate(n, PEOPLE[n - 1]!, 'SPECIAL_OPERATION', '2021-04-15', '2021-04-16')),
      evaluation('SPECIAL_OPERATION'),
      ...[1, 2, 3].map((n) => named(n, PEOPLE[n - 1]!, { firstIssue: true })),
      claimOf([1, 2, 3].map(certificateOf)),
      // Recorded after the claim: C's earlier certificate was not in the records the claim was judged on.
      certificate(5, C, 'SPECIAL_OPERATION', '2018-01-01', '2021-05-01'),
    ]);
    const claim = history.claims.get(CLAIM)!;
    expect(outcomes(certificationSubsidySimulator.simulate(claim, contextOf(history)))).toEqual([
      [A, 'AMOUNT', 30_000],
      [B, 'REFUSED', 0],
      [C, 'AMOUNT', 30_000],
    ]);
    const draft = draftOf((p) => (p.certification.specialOperationOrEquipmentFirstIssueFen = 35_000));
    expect(outcomes(certificationSubsidySimulator.simulate(claim, contextOf(history, draft)))).toEqual([
      [A, 'AMOUNT', 35_000],
      [B, 'REFUSED', 0],
      [C, 'AMOUNT', 35_000],
    ]);
  });

  it('R-CERT-3 a draft asking 11 months of insurance and paying JUNIOR 1200: the 11-month SENIOR line pays 2000, 1000 → 3200 yuan, to the employee', () => {
    const completion = (n: number, level: string, issuedOn: string, insuranceMonths: number) =>
      recorded(issuedOn, 'UpgradeTrainingCompleted', { labourerId: A, enterpriseId: ENTERPRISE, certificateId: certificateOf(n), certificateType: 'SKILL_LEVEL', level, issuedOn, insuranceMonths, insuranceEvidenceRef: `doc:insurance-${n}` });
    const history = historyOf([
      completion(1, 'JUNIOR', '2021-05-10', 12),
      completion(2, 'SENIOR', '2021-06-10', 11),
      claimSubmitted('2021-06-20', {
        claimId: CLAIM,
        scheme: 'R-CERT-3',
        subject: { kind: 'PERSON', id: A },
        period: { from: '2021-05-10', to: '2021-06-10' },
        organisation: { kind: 'ENTERPRISE', id: ENTERPRISE },
        lineIds: lineIds([certificateOf(1), certificateOf(2)]),
      }),
    ]);
    const claim = history.claims.get(CLAIM)!;
    const live = employeeUpgradeSimulator.simulate(claim, contextOf(history));
    expect(outcomes(live)).toEqual([
      [A, 'AMOUNT', 100_000],
      [A, 'REFUSED', 0],
    ]);
    expect(live.lines[0]!.payee).toEqual({ kind: 'LABOURER', id: A });
    const draft = draftOf((p) => {
      p.employeeUpgrade.minInsuranceMonths = 11;
      p.employeeUpgrade.amountByLevelFen.JUNIOR = 120_000;
    });
    expect(outcomes(employeeUpgradeSimulator.simulate(claim, contextOf(history, draft)))).toEqual([
      [A, 'AMOUNT', 120_000],
      [A, 'AMOUNT', 200_000],
    ]);
  });
});
