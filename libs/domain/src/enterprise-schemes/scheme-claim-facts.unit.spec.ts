import { studioDesignationFactsOf, trainingCentreFactOf, workForTrainingMonthsOf } from './scheme-claim-facts';

const LABOURER = '5f607182-93a4-4ebf-80d1-4c5d6e7f8091';
const [OWN, OTHER] = ['e1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8', 'e2a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8'];
const [P1, P2] = ['f1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8', 'f2a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8'];

describe('the facts an enterprise or award claim pays, read from its stream', () => {
  it('R-ENT-3 an employer\'s months in calendar order, each with the months before it at every employer and the card day of its placement', () => {
    const state = {
      status: 'placed' as const,
      labourerId: LABOURER,
      placements: [
        { placementId: P1, enterpriseId: OWN, insuredEnterprise: true, startMonth: '2021-02' },
        { placementId: P2, enterpriseId: OTHER, insuredEnterprise: false, startMonth: '2021-01' },
      ],
      // Recorded out of calendar order: the place among the months is by the calendar.
      months: [
        { placementId: P1, month: '2021-03' },
        { placementId: P2, month: '2021-01' },
        { placementId: P1, month: '2021-02' },
      ],
    };
    const months = workForTrainingMonthsOf(state, OWN.toUpperCase());
    expect(months.map((m) => [m.name, m.period, m.monthsBefore, m.cardAsOf, m.placement.placementId, m.labourerId])).toEqual([
      ['2021-02', { from: '2021-02-01', to: '2021-02-28' }, 1, '2021-02-01', P1, LABOURER],
      ['2021-03', { from: '2021-03-01', to: '2021-03-31' }, 2, '2021-02-01', P1, LABOURER],
    ]);
    expect(workForTrainingMonthsOf(state, OTHER).map((m) => [m.name, m.monthsBefore])).toEqual([['2021-01', 0]]);
  });

  it('R-ENT-4 a centre is one fact, on the day it was established', () => {
    const centre = { status: 'recognised' as const, enterpriseId: OWN, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-10', headcount: 800 };
    expect(trainingCentreFactOf(centre)).toEqual({ name: 'training-centre', period: { from: '2021-05-10', to: '2021-05-10' } });
  });

  it('R-AWARD-1 each designation is its own fact, named by its level, on its day', () => {
    const studio = {
      status: 'designated' as const,
      studioId: P1,
      host: { kind: 'PROVIDER' as const, id: OWN },
      designations: [
        { level: 'CITY' as const, designatedOn: '2021-03-15' },
        { level: 'PROVINCIAL' as const, designatedOn: '2021-10-20' },
      ],
    };
    expect(studioDesignationFactsOf(studio).map((d) => [d.name, d.period.from, d.period.to])).toEqual([
      ['CITY', '2021-03-15', '2021-03-15'],
      ['PROVINCIAL', '2021-10-20', '2021-10-20'],
    ]);
  });
});
