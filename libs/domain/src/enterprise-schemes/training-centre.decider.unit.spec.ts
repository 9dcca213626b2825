import { given } from '../shared/testing/given-when-then';
import { trainingCentreDecider, type RecogniseTrainingCentre } from './training-centre.decider';
import type { TrainingCentreEvent } from './training-centre.events';

const ENTERPRISE = '0b7c6f0e-2222-4a2b-8c3d-000000000001';
const recognise = (overrides: Partial<RecogniseTrainingCentre> = {}): RecogniseTrainingCentre => ({
  type: 'RecogniseTrainingCentre',
  enterpriseId: ENTERPRISE,
  capacity: 250,
  newlyEstablished: true,
  establishedOn: '2021-05-01',
  headcount: 800,
  context: { actor: 'bureau-reviewer', now: '2021-06-01T04:00:00.000Z' },
  ...overrides,
});
const recognised: TrainingCentreEvent = {
  type: 'TrainingCentreRecognised',
  data: { enterpriseId: ENTERPRISE, capacity: 250, newlyEstablished: true, establishedOn: '2021-05-01', headcount: 800 },
};

describe('R-ENT-4 training centres', () => {
  it('R-ENT-4 records the centre with its capacity and the registry headcount', () => {
    given(trainingCentreDecider).when(recognise()).then([recognised]);
  });

  it('R-ENT-4 records a centre of a small enterprise as it is: whether it pays is the calculator\'s', () => {
    given(trainingCentreDecider).when(recognise({ headcount: 499, capacity: 99 })).then([{ type: 'TrainingCentreRecognised', data: { ...recognised.data, headcount: 499, capacity: 99 } }]);
  });

  it('R-ENT-4 is one-off per enterprise: the same recognition is a retry, another one a conflict', () => {
    given(trainingCentreDecider, [recognised]).when(recognise({ headcount: 820 })).thenNothingHappens();
    given(trainingCentreDecider, [recognised]).when(recognise({ capacity: 300 })).thenThrows('TRAINING_CENTRE.ALREADY_RECOGNISED');
  });

  it('R-ENT-4 refuses a capacity that is not a whole number from 1, and an establishment after today', () => {
    expect(given(trainingCentreDecider).when(recognise({ capacity: 0 })).thenThrows('TRAINING_CENTRE.INVALID_CAPACITY').issues[0]!.field).toBe('capacity');
    given(trainingCentreDecider).when(recognise({ capacity: 120.5 })).thenThrows('TRAINING_CENTRE.INVALID_CAPACITY');
    given(trainingCentreDecider).when(recognise({ establishedOn: '2021-06-02' })).thenThrows('TRAINING_CENTRE.DATE_IN_FUTURE');
  });
});
