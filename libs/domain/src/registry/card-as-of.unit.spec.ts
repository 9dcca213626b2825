import { cardMarkersOn } from './card-as-of';
import type { LabourerEvent } from './labourer.events';

const labourerId = '5f607182-93a4-4ebf-80d1-4c5d6e7f8091';
const registered = (keyGroups: string[], flags: string[] = []) =>
  ({
    type: 'LabourerRegistered',
    data: {
      labourerId,
      fingerprint: 'a'.repeat(64),
      category: 'RURAL_LABOURER',
      keyGroups,
      flags,
      insuranceMonths: 0,
      subdistrictId: '60718293-a4b5-4fc0-91e2-5d6e7f8091a2',
      registeringUnit: { kind: 'BUREAU', id: '718293a4-b5c6-40d1-a2f3-6e7f8091a2b3' },
      registeredOn: '2021-02-01',
    },
  }) as LabourerEvent;
const changed = (keyGroups: string[], flags: string[] = []) =>
  ({ type: 'LabourerGroupsChanged', data: { labourerId, keyGroups, flags, insuranceMonths: 0, reason: 'CIRCUMSTANCES_CHANGED' } }) as LabourerEvent;
const erased = { type: 'LabourerErased', data: { labourerId, erasedOn: '2021-09-01' } } as LabourerEvent;

const trainingStart = '2021-03-01';

describe('R-FREE-5 the card as it stood when the training began', () => {
  it('R-FREE-5 a poor labourer whose card loses POOR_LABOURER after the training is still judged a poor labourer', () => {
    const history = [
      { event: registered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
      { event: changed(['RURAL_MIGRANT']), recordedOn: '2021-05-10' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['POOR_LABOURER'], flags: [] });
    // As of the later day the change counts.
    expect(cardMarkersOn(history, '2021-05-10')).toEqual({ keyGroups: ['RURAL_MIGRANT'], flags: [] });
  });

  it('R-FREE-5 a flag gained before the start (or on the start day) counts; one gained after the training does not', () => {
    const history = [
      { event: registered(['LAID_OFF']), recordedOn: '2021-02-01' },
      { event: changed(['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: trainingStart },
      { event: changed(['LAID_OFF', 'POOR_LABOURER'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: '2021-06-01' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['LAID_OFF'], flags: ['ZERO_EMPLOYMENT_FAMILY'] });
    expect(cardMarkersOn(history, '2021-02-28')).toEqual({ keyGroups: ['LAID_OFF'], flags: [] });
  });

  it('R-FREE-5 changes count in the order recorded: nothing after the first change recorded after the day, even one stamped earlier', () => {
    const history = [
      { event: registered(['LAID_OFF']), recordedOn: '2021-02-01' },
      { event: changed(['POOR_LABOURER']), recordedOn: '2021-04-01' },
      { event: changed(['EMPLOYMENT_DIFFICULTY']), recordedOn: '2021-02-15' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['LAID_OFF'], flags: [] });
  });

  it('R-FREE-5 a card keyed in after the day is the card as registered; an erased card has no groups at all', () => {
    expect(cardMarkersOn([{ event: registered(['POOR_LABOURER']), recordedOn: '2021-04-01' }], trainingStart)).toEqual({ keyGroups: ['POOR_LABOURER'], flags: [] });
    const history = [
      { event: registered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
      { event: erased, recordedOn: '2021-09-01' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: [], flags: [] });
  });
});
