import { given } from '../shared/testing/given-when-then';
import { freeTrainingLedgerDecider, type ReleaseFreeTraining, type ReserveFreeTraining } from './free-training-ledger.decider';
import type { FreeTrainingReleased } from './free-training-ledger.events';
import { cohortIdOf, contextOn, LABOURER_ID, LIMITS, OCCUPATION, reserved } from './testing/training-fixtures';

const reserve = (overrides: Partial<ReserveFreeTraining> = {}): ReserveFreeTraining => ({
  type: 'ReserveFreeTraining',
  labourerId: LABOURER_ID,
  cohortId: cohortIdOf(9),
  occupation: 'WELDER',
  level: 'JUNIOR',
  startsOn: '2021-10-01',
  reservedOn: '2021-09-20',
  limits: LIMITS,
  context: contextOn('2021-09-20'),
  ...overrides,
});
const release = (cohortId: string): ReleaseFreeTraining => ({ type: 'ReleaseFreeTraining', labourerId: LABOURER_ID, cohortId, releasedOn: '2021-05-01', context: contextOn('2021-05-01') });
const released = (cohortId: string): FreeTrainingReleased => ({ type: 'FreeTrainingReleased', data: { labourerId: LABOURER_ID, cohortId, releasedOn: '2021-05-01' } });

/** Three free trainings starting in 2021, each a different occupation. */
const threeIn2021 = [
  reserved({ cohortId: cohortIdOf(1), occupation: 'COOK', startsOn: '2021-01-04' }),
  reserved({ cohortId: cohortIdOf(2), occupation: 'CARER', startsOn: '2021-04-12' }),
  reserved({ cohortId: cohortIdOf(3), occupation: 'BARBER', startsOn: '2021-07-05' }),
];
const reservedFor = (command: ReserveFreeTraining) => {
  const { labourerId, cohortId, occupation, level, startsOn, reservedOn } = command;
  return { type: 'FreeTrainingReserved' as const, data: { labourerId, cohortId, occupation, level, startsOn, reservedOn } };
};

describe('R-FREE-2 at most 3 free trainings per person per calendar year', () => {
  it('R-FREE-2 allows a third free training in one calendar year', () => {
    given(freeTrainingLedgerDecider, threeIn2021.slice(0, 2)).when(reserve()).then([reservedFor(reserve())]);
  });

  it('R-FREE-2 rejects a fourth free training in one calendar year, naming the three earlier ones', () => {
    const error = given(freeTrainingLedgerDecider, threeIn2021).when(reserve()).thenThrows('ENROLMENT.ANNUAL_LIMIT_REACHED');
    expect(error.kind).toBe('rule');
    expect(error.details).toEqual({
      ruleId: 'R-FREE-2',
      year: 2021,
      maxPerCalendarYear: 3,
      earlierEnrolments: [
        { cohortId: cohortIdOf(1), startsOn: '2021-01-04', occupation: 'COOK', level: 'JUNIOR' },
        { cohortId: cohortIdOf(2), startsOn: '2021-04-12', occupation: 'CARER', level: 'JUNIOR' },
        { cohortId: cohortIdOf(3), startsOn: '2021-07-05', occupation: 'BARBER', level: 'JUNIOR' },
      ],
    });
    expect(error.message).toContain(cohortIdOf(3));
  });

  it('R-FREE-2 allows a fourth free training that starts in the next calendar year', () => {
    const nextYear = reserve({ startsOn: '2022-01-03', reservedOn: '2021-12-20' });
    given(freeTrainingLedgerDecider, threeIn2021).when(nextYear).then([reservedFor(nextYear)]);
  });

  it('R-FREE-2 counts a training in the year its cohort starts, not the year of enrolment', () => {
    const enrolledInDecemberForJanuary = [...threeIn2021.slice(1), reserved({ cohortId: cohortIdOf(4), occupation: 'COOK', startsOn: '2022-01-10', reservedOn: '2021-12-15' })];
    given(freeTrainingLedgerDecider, enrolledInDecemberForJanuary).when(reserve()).then([reservedFor(reserve())]);
    given(freeTrainingLedgerDecider, enrolledInDecemberForJanuary).when(reserve({ startsOn: '2022-03-01' })).then([reservedFor(reserve({ startsOn: '2022-03-01' }))]);
  });

  it('R-FREE-2 no longer counts a released training', () => {
    given(freeTrainingLedgerDecider, [...threeIn2021, released(cohortIdOf(2))]).when(reserve()).then([reservedFor(reserve())]);
  });

  it('R-FREE-2 takes the yearly maximum from the policy version passed in', () => {
    given(freeTrainingLedgerDecider, threeIn2021.slice(0, 2))
      .when(reserve({ limits: { ...LIMITS, maxPerCalendarYear: 2 } }))
      .thenThrows('ENROLMENT.ANNUAL_LIMIT_REACHED');
    given(freeTrainingLedgerDecider).when(reserve({ limits: { ...LIMITS, maxPerCalendarYear: 0 } })).thenThrows('ENROLMENT.INVALID_LIMITS');
  });
});

describe('R-FREE-2 never the same occupation and level twice within 12 months', () => {
  const first = reserved({ cohortId: cohortIdOf(1), occupation: OCCUPATION, level: 'JUNIOR', startsOn: '2021-03-15' });

  it('R-FREE-2 rejects the same occupation and level starting 11 months later', () => {
    const error = given(freeTrainingLedgerDecider, [first])
      .when(reserve({ occupation: OCCUPATION, startsOn: '2022-02-15' }))
      .thenThrows('ENROLMENT.SAME_OCCUPATION_LEVEL_WITHIN_12_MONTHS');
    expect(error.details).toEqual({
      ruleId: 'R-FREE-2',
      windowMonths: 12,
      earlierEnrolments: [{ cohortId: cohortIdOf(1), startsOn: '2021-03-15', occupation: OCCUPATION, level: 'JUNIOR' }],
    });
  });

  it('R-FREE-2 rejects it one day short of 12 months, and allows it 12 months later to the day', () => {
    given(freeTrainingLedgerDecider, [first]).when(reserve({ occupation: OCCUPATION, startsOn: '2022-03-14' })).thenThrows('ENROLMENT.SAME_OCCUPATION_LEVEL_WITHIN_12_MONTHS');
    const later = reserve({ occupation: OCCUPATION, startsOn: '2022-03-15' });
    given(freeTrainingLedgerDecider, [first]).when(later).then([reservedFor(later)]);
  });

  it('R-FREE-2 allows the same occupation at a different level, and a different occupation at the same level', () => {
    const nextLevel = reserve({ occupation: OCCUPATION, level: 'INTERMEDIATE', startsOn: '2021-06-01' });
    given(freeTrainingLedgerDecider, [first]).when(nextLevel).then([reservedFor(nextLevel)]);
    const otherOccupation = reserve({ occupation: 'WELDER', startsOn: '2021-06-01' });
    given(freeTrainingLedgerDecider, [first]).when(otherOccupation).then([reservedFor(otherOccupation)]);
  });

  it('R-FREE-2 also rejects a cohort starting 11 months before one the person already holds', () => {
    given(freeTrainingLedgerDecider, [first]).when(reserve({ occupation: OCCUPATION, startsOn: '2020-04-15' })).thenThrows('ENROLMENT.SAME_OCCUPATION_LEVEL_WITHIN_12_MONTHS');
  });

  it('R-FREE-2 counts 12 calendar months from 29 February to 28 February', () => {
    const leap = reserved({ cohortId: cohortIdOf(1), occupation: OCCUPATION, startsOn: '2020-02-29' });
    given(freeTrainingLedgerDecider, [leap]).when(reserve({ occupation: OCCUPATION, startsOn: '2021-02-27' })).thenThrows('ENROLMENT.SAME_OCCUPATION_LEVEL_WITHIN_12_MONTHS');
    const after = reserve({ occupation: OCCUPATION, startsOn: '2021-02-28' });
    given(freeTrainingLedgerDecider, [leap]).when(after).then([reservedFor(after)]);
  });

  it('R-FREE-2 allows it again once the earlier training was released', () => {
    const again = reserve({ occupation: OCCUPATION, startsOn: '2021-09-01' });
    given(freeTrainingLedgerDecider, [first, released(cohortIdOf(1))]).when(again).then([reservedFor(again)]);
  });
});

describe('the free-training ledger', () => {
  it('takes no second slot for a cohort it already holds', () => {
    given(freeTrainingLedgerDecider, [reserved({ cohortId: cohortIdOf(9) })]).when(reserve()).thenNothingHappens();
  });

  it('releases a held training once; releasing what it does not hold does nothing', () => {
    given(freeTrainingLedgerDecider, threeIn2021).when(release(cohortIdOf(2))).then([released(cohortIdOf(2))]);
    given(freeTrainingLedgerDecider, [...threeIn2021, released(cohortIdOf(2))]).when(release(cohortIdOf(2))).thenNothingHappens();
    given(freeTrainingLedgerDecider).when(release(cohortIdOf(2))).thenNothingHappens();
  });
});
