import { deterministicUuid } from '../../commands/deterministic-id';
import { compareClaim } from '../claim-comparison';
import { PEOPLE, PROVIDER, card, claimSubmitted, recorded } from '../testing/history-events';
import { contextOf, draftOf, historyOf } from '../testing/simulation-context';
import { labourBrandSimulator } from './labour-brand.simulator';
import type { SchemeSimulation } from './scheme-simulator';
import { skillsMasterStudioSimulator } from './skills-master-studio.simulator';
import { trainingCentreSimulator } from './training-centre.simulator';
import { workForTrainingSimulator } from './work-for-training.simulator';

const [A, B, C] = PEOPLE;
const D = '8293a4b5-c6d7-41e2-b3f4-7f8091a2b3c4';
const ENTERPRISE = 'e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const OTHER_ENTERPRISE = 'e2a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const [CLAIM, SECOND_CLAIM] = ['d0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000002'];
const enterprise = { kind: 'ENTERPRISE', id: ENTERPRISE };
/** The ids the live claim gave its lines: one per fact, from the claim and the fact's name (fact-lines.ts). */
const lineIds = (claimId: string, names: readonly string[]) => names.map((name) => deterministicUuid(claimId, 'line', name));
const amounts = (simulation: SchemeSimulation) => simulation.lines.map((l) => l.amountFen);
const outcomes = (simulation: SchemeSimulation) => simulation.lines.map((l) => l.outcome);

// The enterprise and award schemes' simulators: each finds the facts the claim held by its lines and prices them with
// the scheme's calculator, under the live document and under a draft (amounts hand-computed in fen).
describe('policy simulation: the enterprise and award schemes (R-ENT-3, R-ENT-4, R-AWARD-1, R-AWARD-2)', () => {
  describe('R-ENT-3 work-for-training', () => {
    const PLACEMENT = 'f1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
    const months = ['2021-01', '2021-02', '2021-03', '2021-04'];
    const history = historyOf([
      card(A, ['POOR_LABOURER']),
      recorded('2021-01-10', 'WorkForTrainingPlacementRecorded', { placementId: PLACEMENT, labourerId: A, enterpriseId: ENTERPRISE, insuredEnterprise: true, startMonth: '2021-01' }),
      ...months.map((month) => recorded('2021-05-05', 'WorkForTrainingMonthRecorded', { placementId: PLACEMENT, labourerId: A, month })),
      claimSubmitted('2021-05-06', { claimId: CLAIM, scheme: 'R-ENT-3', subject: { kind: 'PERSON', id: A }, period: { from: '2021-01-01', to: '2021-04-30' }, organisation: enterprise, lineIds: lineIds(CLAIM, months), totalFen: 120_000 }),
      // After the claim: an earlier month at another employer, and the card erased. Neither changes what the claim was computed from.
      recorded('2021-05-10', 'WorkForTrainingPlacementRecorded', { placementId: 'f2a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8', labourerId: A, enterpriseId: OTHER_ENTERPRISE, insuredEnterprise: false, startMonth: '2020-12' }),
      recorded('2021-05-10', 'WorkForTrainingMonthRecorded', { placementId: 'f2a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8', labourerId: A, month: '2020-12' }),
      recorded('2021-06-01', 'LabourerErased', { labourerId: A }),
    ]);
    const claim = history.claims.get(CLAIM)!;

    it('R-ENT-3 under the live document: 4 months × 300, each line the person\'s, in the month\'s period', () => {
      const live = workForTrainingSimulator.simulate(claim, contextOf(history));
      expect(amounts(live)).toEqual([30_000, 30_000, 30_000, 30_000]);
      expect(live.lines.every((l) => l.labourerId === A && l.payee.kind === 'ENTERPRISE' && l.payee.id === ENTERPRISE)).toBe(true);
      expect(live).toMatchObject({ tier: null, gates: [], policyVersion: 'JCCQ-2020-12.v1' });
    });

    it('R-ENT-3 a draft paying 350 a month for at most 3 months: months 1-3 pay 350, the 4th is past the limit, 1200 → 1050 yuan, counted as when claimed', () => {
      const simulated = workForTrainingSimulator.simulate(claim, contextOf(history, draftOf((p) => Object.assign(p.enterprise.workForTraining, { perMonthFen: 35_000, maxMonths: 3 }))));
      // Had the 2020-12 month recorded later counted first, only 2 months would pay (700 yuan).
      expect(amounts(simulated)).toEqual([35_000, 35_000, 35_000, 0]);
      expect(outcomes(simulated)).toEqual(['AMOUNT', 'AMOUNT', 'AMOUNT', 'REFUSED']);
    });
  });

  it('R-ENT-4 a draft paying 30,000 per further full 50: capacity 250 at 800 employees, 70,000 → 80,000 yuan', () => {
    const history = historyOf([
      recorded('2021-05-11', 'TrainingCentreRecognised', { enterpriseId: ENTERPRISE, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-10', headcount: 800 }),
      claimSubmitted('2021-05-12', { claimId: CLAIM, scheme: 'R-ENT-4', subject: { kind: 'ENTERPRISE', id: ENTERPRISE }, period: { from: '2021-05-10', to: '2021-05-10' }, organisation: enterprise, lineIds: lineIds(CLAIM, ['training-centre']) }),
    ]);
    const claim = history.claims.get(CLAIM)!;
    expect(amounts(trainingCentreSimulator.simulate(claim, contextOf(history)))).toEqual([7_000_000]);
    const simulated = trainingCentreSimulator.simulate(claim, contextOf(history, draftOf((p) => (p.enterprise.trainingCentre.stepAwardFen = 3_000_000))));
    expect(simulated.lines).toEqual([{ payee: { kind: 'ENTERPRISE', id: ENTERPRISE }, outcome: 'AMOUNT', amountFen: 8_000_000 }]);
  });

  it('R-AWARD-1 a draft awarding a city studio 120,000: the city designation\'s claim +20,000 yuan, the provincial one\'s unchanged', () => {
    const STUDIO = 'a1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
    const host = { kind: 'PROVIDER', id: PROVIDER };
    const history = historyOf([
      recorded('2021-03-16', 'SkillsMasterStudioDesignated', { studioId: STUDIO, host, level: 'CITY', designatedOn: '2021-03-15' }),
      claimSubmitted('2021-03-20', { claimId: CLAIM, scheme: 'R-AWARD-1', subject: { kind: 'STUDIO', id: STUDIO }, period: { from: '2021-03-15', to: '2021-03-15' }, organisation: host, lineIds: lineIds(CLAIM, ['CITY']) }),
      recorded('2021-10-21', 'SkillsMasterStudioDesignated', { studioId: STUDIO, host, level: 'PROVINCIAL', designatedOn: '2021-10-20' }),
      claimSubmitted('2021-10-25', { claimId: SECOND_CLAIM, scheme: 'R-AWARD-1', subject: { kind: 'STUDIO', id: STUDIO }, period: { from: '2021-10-20', to: '2021-10-20' }, organisation: host, lineIds: lineIds(SECOND_CLAIM, ['PROVINCIAL']) }),
    ]);
    const draft = draftOf((p) => (p.awards.studioFen.CITY = 12_000_000));
    const [city, provincial] = [CLAIM, SECOND_CLAIM].map((id) => history.claims.get(id)!);
    expect([city, provincial].map((claim) => amounts(skillsMasterStudioSimulator.simulate(claim, contextOf(history))))).toEqual([[10_000_000], [20_000_000]]);
    expect([city, provincial].map((claim) => amounts(skillsMasterStudioSimulator.simulate(claim, contextOf(history, draft))))).toEqual([[12_000_000], [20_000_000]]);
  });

  describe('R-AWARD-2 labour brands', () => {
    const BRAND = 'b1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
    const count = (labourerId: string, kind: string, countedOn: string) => recorded(countedOn, 'LabourBrandPersonCounted', { brandId: BRAND, labourerId, count: kind, countedOn });
    const history = historyOf([
      recorded('2021-07-01', 'LabourBrandRecognised', { brandId: BRAND, holder: enterprise, level: 'CITY', recognisedOn: '2021-07-01' }),
      count(A, 'TRAINED', '2021-08-10'),
      count(B, 'TRAINED', '2021-08-10'),
      claimSubmitted('2021-08-11', { claimId: CLAIM, scheme: 'R-AWARD-2', subject: { kind: 'BRAND', id: BRAND }, period: { from: '2021-08-10', to: '2021-08-10' }, organisation: enterprise, lineIds: lineIds(CLAIM, [`TRAINED:${A}`, `TRAINED:${B}`]) }),
      count(A, 'PLACED', '2021-08-20'),
      count(C, 'TRAINED', '2021-08-20'),
      count(D, 'TRAINED', '2021-08-20'),
      claimSubmitted('2021-08-21', {
        claimId: SECOND_CLAIM,
        scheme: 'R-AWARD-2',
        subject: { kind: 'BRAND', id: BRAND },
        period: { from: '2021-08-20', to: '2021-08-20' },
        organisation: enterprise,
        lineIds: lineIds(SECOND_CLAIM, [`PLACED:${A}`, `TRAINED:${C}`, `TRAINED:${D}`]),
      }),
    ]);
    const [first, second] = [CLAIM, SECOND_CLAIM].map((id) => history.claims.get(id)!);

    it('R-AWARD-2 under the live document: 2 × 300, then 200 + 2 × 300, each line the counted person\'s, paid to the holder', () => {
      const live = [first, second].map((claim) => labourBrandSimulator.simulate(claim, contextOf(history)));
      expect(live.map(amounts)).toEqual([
        [30_000, 30_000],
        [20_000, 30_000, 30_000],
      ]);
      expect(live[1]!.lines.map((l) => [l.labourerId, l.payee.id])).toEqual([
        [A, ENTERPRISE],
        [C, ENTERPRISE],
        [D, ENTERPRISE],
      ]);
    });

    it('R-AWARD-2 a draft paying 400 per person trained with a 1100-yuan cap reaches it in counting order: 800, then 200 + 100 (400 capped) and nothing', () => {
      const draft = draftOf((p) => Object.assign(p.awards.labourBrand.CITY, { perTrainedFen: 40_000, capFen: 110_000 }));
      const context = contextOf(history, draft);
      const simulated = [second, first].map((claim) => labourBrandSimulator.simulate(claim, context));
      // The second claim priced first in this run: the cap still counts the first claim's counts before its own.
      expect(simulated.map(amounts)).toEqual([[20_000, 10_000, 0], [40_000, 40_000]]);
      expect(outcomes(simulated[0]!)).toEqual(['AMOUNT', 'AMOUNT', 'REFUSED']);
    });

    it('R-AWARD-2 a claim line matching no recorded count is not simulated, and carried at its live figures', () => {
      const stray = historyOf([
        recorded('2021-07-01', 'LabourBrandRecognised', { brandId: BRAND, holder: enterprise, level: 'CITY', recognisedOn: '2021-07-01' }),
        count(A, 'TRAINED', '2021-08-10'),
        claimSubmitted('2021-08-11', { claimId: CLAIM, scheme: 'R-AWARD-2', subject: { kind: 'BRAND', id: BRAND }, period: { from: '2021-08-10', to: '2021-08-10' }, organisation: enterprise, lineIds: lineIds(CLAIM, [`TRAINED:${A}`, `PLACED:${A}`]) }),
      ]);
      const comparison = compareClaim(stray.claims.get(CLAIM)!, labourBrandSimulator, contextOf(stray));
      expect(comparison.notSimulated).toEqual({ reason: 'FACTS_INCOMPLETE', message: "1 of the claim's 2 lines match no recorded fact" });
      expect(comparison.simulated).toBeUndefined();
    });
  });

  it('R-ENT-4 a claim for a centre not in the history up to the day simulated is not simulated', () => {
    const history = historyOf([
      claimSubmitted('2021-05-12', { claimId: CLAIM, scheme: 'R-ENT-4', subject: { kind: 'ENTERPRISE', id: ENTERPRISE }, period: { from: '2021-05-10', to: '2021-05-10' }, organisation: enterprise, lineIds: lineIds(CLAIM, ['training-centre']) }),
    ]);
    expect(compareClaim(history.claims.get(CLAIM)!, trainingCentreSimulator, contextOf(history)).notSimulated?.reason).toBe('SUBJECT_NOT_FOUND');
  });
});
