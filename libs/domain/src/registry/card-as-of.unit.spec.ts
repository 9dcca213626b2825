import { cardMarkersOn } from './card-as-of';
import { cardErased, cardGroupsChanged, cardRegistered } from './testing/card-history';

const trainingStart = '2021-03-01';

describe('R-FREE-5 the card as it stood when the training began', () => {
  it('R-FREE-5 a poor labourer whose card loses POOR_LABOURER after the training is still judged a poor labourer', () => {
    const history = [
      { event: cardRegistered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
      { event: cardGroupsChanged(['RURAL_MIGRANT']), recordedOn: '2021-05-10' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['POOR_LABOURER'], flags: [] });
    // As of the later day the change counts.
    expect(cardMarkersOn(history, '2021-05-10')).toEqual({ keyGroups: ['RURAL_MIGRANT'], flags: [] });
  });

  it('R-FREE-5 a flag gained before the start (or on the start day) counts; one gained after the training does not', () => {
    const history = [
      { event: cardRegistered(['LAID_OFF']), recordedOn: '2021-02-01' },
      { event: cardGroupsChanged(['LAID_OFF'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: trainingStart },
      { event: cardGroupsChanged(['LAID_OFF', 'POOR_LABOURER'], ['ZERO_EMPLOYMENT_FAMILY']), recordedOn: '2021-06-01' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['LAID_OFF'], flags: ['ZERO_EMPLOYMENT_FAMILY'] });
    expect(cardMarkersOn(history, '2021-02-28')).toEqual({ keyGroups: ['LAID_OFF'], flags: [] });
  });

  it('R-FREE-5 changes count in the order recorded: nothing after the first change recorded after the day, even one stamped earlier', () => {
    const history = [
      { event: cardRegistered(['LAID_OFF']), recordedOn: '2021-02-01' },
      { event: cardGroupsChanged(['POOR_LABOURER']), recordedOn: '2021-04-01' },
      { event: cardGroupsChanged(['EMPLOYMENT_DIFFICULTY']), recordedOn: '2021-02-15' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: ['LAID_OFF'], flags: [] });
  });

  it('R-FREE-5 a card keyed in after the day is the card as registered; an erased card has no groups at all', () => {
    expect(cardMarkersOn([{ event: cardRegistered(['POOR_LABOURER']), recordedOn: '2021-04-01' }], trainingStart)).toEqual({ keyGroups: ['POOR_LABOURER'], flags: [] });
    const history = [
      { event: cardRegistered(['POOR_LABOURER']), recordedOn: '2021-02-01' },
      { event: cardErased, recordedOn: '2021-09-01' },
    ];
    expect(cardMarkersOn(history, trainingStart)).toEqual({ keyGroups: [], flags: [] });
  });
});
