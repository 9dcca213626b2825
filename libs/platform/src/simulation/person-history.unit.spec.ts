import { cardMarkersOn, type CalendarDate, type DomainEvent, type LabourerEvent } from '@skills/domain';
import { CARD_LABOURER_ID, cardErased, cardGroupsChanged, cardRegistered } from '@skills/domain/testing';
import { PersonHistory } from './person-history';

type Entry = { readonly event: { type: string; data: object }; readonly recordedOn: CalendarDate };
const HISTORIES: Record<string, readonly Entry[]> = {
  'registered only': [{ event: cardRegistered(['POOR_LABOURER'], ['RURAL_STUDENT']), recordedOn: '2021-02-01' }],
  'two changes': [
    { event: cardRegistered(['LAID_OFF']), recordedOn: '2021-02-01' },
    { event: cardGroupsChanged(['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: '2021-03-01' },
    { event: cardGroupsChanged(['RURAL_MIGRANT']), recordedOn: '2021-05-10' },
  ],
  'a change stamped earlier after a later one': [
    { event: cardRegistered(['VETERAN']), recordedOn: '2021-02-01' },
    { event: cardGroupsChanged(['POOR_LABOURER']), recordedOn: '2021-04-01' },
    { event: cardGroupsChanged(['LAID_OFF']), recordedOn: '2021-03-15' },
  ],
  erased: [
    { event: cardRegistered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
    { event: cardGroupsChanged(['POOR_LABOURER'], ['URBAN_DIBAO_FAMILY']), recordedOn: '2021-03-01' },
    { event: cardErased, recordedOn: '2021-09-01' },
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
      expect({ day, ...people.markersOn(CARD_LABOURER_ID, day) }).toEqual({ day, ...cardMarkersOn(history as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], day) });
    }
  });

  it('R-FREE-5 the histories are not trivial: the cards differ between days', () => {
    expect(cardMarkersOn(HISTORIES['two changes'] as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], '2021-03-01').flags).toEqual(['ZERO_EMPLOYMENT_FAMILY']);
    expect(cardMarkersOn(HISTORIES['two changes'] as readonly { event: LabourerEvent; recordedOn: CalendarDate }[], '2021-05-10').keyGroups).toEqual(['RURAL_MIGRANT']);
  });
});
