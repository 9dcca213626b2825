import { cardMarkersOn, type CalendarDate, type DomainEvent, type LabourerEvent } from '@skills/domain';
import { PersonHistory } from './person-history';

const labourerId = '5f607182-93a4-4ebf-80d1-4c5d6e7f8091';
const registered = (keyGroups: string[], flags: string[] = []) => ({
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
});
const changed = (keyGroups: string[], flags: string[] = []) => ({ type: 'LabourerGroupsChanged', data: { labourerId, keyGroups, flags, insuranceMonths: 0, reason: 'CIRCUMSTANCES_CHANGED' } });
const erased = { type: 'LabourerErased', data: { labourerId, erasedOn: '2021-09-01' } };

type Entry = { readonly event: { type: string; data: object }; readonly recordedOn: CalendarDate };
const HISTORIES: Record<string, readonly Entry[]> = {
  'registered only': [{ event: registered(['POOR_LABOURER'], ['RURAL_STUDENT']), recordedOn: '2021-02-01' }],
  'two changes': [
    { event: registered(['LAID_OFF']), recordedOn: '2021-02-01' },
    { event: changed(['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: '2021-03-01' },
    { event: changed(['RURAL_MIGRANT']), recordedOn: '2021-05-10' },
  ],
  'a change stamped earlier after a later one': [
    { event: registered(['VETERAN']), recordedOn: '2021-02-01' },
    { event: changed(['POOR_LABOURER']), recordedOn: '2021-04-01' },
    { event: changed(['LAID_OFF']), recordedOn: '2021-03-15' },
  ],
  erased: [
    { event: registered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
    { event: changed(['POOR_LABOURER'], ['URBAN_DIBAO_FAMILY']), recordedOn: '2021-03-01' },
    { event: erased, recordedOn: '2021-09-01' },
  ],
};
const DAYS = ['2021-01-31', '2021-02-01', '2021-03-01', '2021-03-14', '2021-03-15', '2021-04-01', '2021-05-10', '2021-12-31'];

// The simulation keeps cards compactly instead of their events; this proves it judges a card by the same rule as
// the claims (cardMarkersOn, libs/domain), so a simulation under the live policy pays who the claims paid.
describe('PersonHistory.markersOn agrees with cardMarkersOn (R-REG-4, R-FREE-5)', () => {
  it.each(Object.keys(HISTORIES))('R-FREE-5 %s: the same key groups and flags on every day', (name) => {
    const history = HISTORIES[name]!;
    const people = new PersonHistory();
    for (const { event, recordedOn } of history) people.fold(event as DomainEvent, recordedOn);
    for (const day of DAYS) {
      expect({ day, ...people.markersOn(labourerId, day) }).toEqual({ day, ...cardMarkersOn(history as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], day) });
    }
  });

  it('R-FREE-5 the histories are not trivial: the cards differ between days', () => {
    expect(cardMarkersOn(HISTORIES['two changes'] as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], '2021-03-01').flags).toEqual(['ZERO_EMPLOYMENT_FAMILY']);
    expect(cardMarkersOn(HISTORIES['two changes'] as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], '2021-05-10').keyGroups).toEqual(['RURAL_MIGRANT']);
  });
});
