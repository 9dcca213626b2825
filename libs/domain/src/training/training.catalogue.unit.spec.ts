import { EventCatalogue, InvalidEventPayloadError } from '../shared/event-catalogue';
import { storedTypeName } from '../shared/event-definition';
import { enrolled, planned, reserved } from './testing/training-fixtures';
import { trainingEvents } from './training.catalogue';
import { EMPLOYMENT_ORIENTED_PROGRAMMES, FREE_TRAINING_PROGRAMMES, PROGRAMME_TYPE, PROGRAMME_TYPE_LABELS } from './training-vocabulary';

describe('training events in the catalogue', () => {
  const catalogue = new EventCatalogue().register(...trainingEvents);

  it('knows every training event, each stored as version 1', () => {
    expect(trainingEvents.map(storedTypeName)).toEqual([
      'CohortPlanned.v1',
      'CohortApproved.v1',
      'CohortStarted.v1',
      'CohortCompleted.v1',
      'CohortCancelled.v1',
      'TraineeEnrolled.v1',
      'TraineeWithdrawn.v1',
      'FreeTrainingReserved.v1',
      'FreeTrainingReleased.v1',
    ]);
  });

  it('round-trips a plan, an enrolment and a reservation through storage unchanged', () => {
    for (const event of [planned({ programmeType: 'ORDER_BASED', requestedPerPersonAmountFen: 350_000 }), enrolled(), reserved()]) {
      expect(catalogue.deserialise(JSON.parse(JSON.stringify(catalogue.serialise(event))))).toEqual(event);
    }
  });

  it('refuses a trainee name or ID number in an enrolment, and free text as a withdrawal reason', () => {
    for (const extra of [{ name: '张三' }, { idNumber: '11010519491231002X' }]) {
      expect(() => catalogue.serialise({ type: 'TraineeEnrolled', data: { ...enrolled().data, ...extra } })).toThrow(InvalidEventPayloadError);
    }
    const withdrawal = { cohortId: enrolled().data.cohortId, labourerId: enrolled().data.labourerId, withdrawnOn: '2021-02-20' };
    expect(() => catalogue.serialise({ type: 'TraineeWithdrawn', data: { ...withdrawal, reason: '身体不好' } })).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise({ type: 'TraineeWithdrawn', data: { ...withdrawal, reason: 'HEALTH' } })).not.toThrow();
  });

  it('refuses a provider on the free-training ledger, a fractional amount and a plan ending before it starts', () => {
    expect(() => catalogue.serialise({ type: 'FreeTrainingReserved', data: { ...reserved().data, providerId: planned().data.providerId } })).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise(planned({ programmeType: 'ORDER_BASED', requestedPerPersonAmountFen: 3500.5 }))).toThrow(InvalidEventPayloadError);
    expect(() => catalogue.serialise(planned({ plannedEndOn: '2021-02-28' }))).toThrow(InvalidEventPayloadError);
  });
});

describe('programme types', () => {
  it('R-FREE-2 counts every programme of 三(五) as free training, and neither enterprise employee training nor apprenticeship', () => {
    expect(PROGRAMME_TYPE.options.filter((t) => !FREE_TRAINING_PROGRAMMES.has(t))).toEqual(['ENTERPRISE_EMPLOYEE', 'APPRENTICESHIP']);
    expect([...EMPLOYMENT_ORIENTED_PROGRAMMES].every((t) => FREE_TRAINING_PROGRAMMES.has(t))).toBe(true);
    expect(Object.keys(PROGRAMME_TYPE_LABELS)).toEqual(PROGRAMME_TYPE.options);
  });
});
