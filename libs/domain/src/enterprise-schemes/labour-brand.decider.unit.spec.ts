import { given } from '../shared/testing/given-when-then';
import { labourBrandDecider, type CountLabourBrandPeople, type RecogniseLabourBrand } from './labour-brand.decider';
import type { LabourBrandEvent } from './labour-brand.events';

const BRAND = '0b7c6f0e-5555-4a2b-8c3d-000000000001';
const HOLDER = { kind: 'PROVIDER' as const, id: '0b7c6f0e-6666-4a2b-8c3d-000000000001' };
const person = (n: number) => `0b7c6f0e-1111-4a2b-8c3d-${String(n).padStart(12, '0')}`;
const context = { actor: 'bureau-reviewer', now: '2021-12-01T04:00:00.000Z' };
const recognise = (overrides: Partial<RecogniseLabourBrand> = {}): RecogniseLabourBrand => ({
  type: 'RecogniseLabourBrand',
  brandId: BRAND,
  holder: HOLDER,
  level: 'CITY',
  recognisedOn: '2021-03-01',
  context,
  ...overrides,
});
const count = (overrides: Partial<CountLabourBrandPeople> = {}): CountLabourBrandPeople => ({
  type: 'CountLabourBrandPeople',
  brandId: BRAND,
  count: 'TRAINED',
  labourerIds: [person(1), person(2)],
  countedOn: '2021-06-30',
  context,
  ...overrides,
});
const recognised: LabourBrandEvent = { type: 'LabourBrandRecognised', data: { brandId: BRAND, holder: HOLDER, level: 'CITY', recognisedOn: '2021-03-01' } };
const counted = (n: number, kind: 'TRAINED' | 'PLACED' = 'TRAINED', countedOn = '2021-06-30'): LabourBrandEvent => ({
  type: 'LabourBrandPersonCounted',
  data: { brandId: BRAND, labourerId: person(n), count: kind, countedOn },
});

describe('R-AWARD-2 labour brands', () => {
  it('R-AWARD-2 records a brand; the same brand again is a retry, other facts under its id a conflict', () => {
    given(labourBrandDecider).when(recognise()).then([recognised]);
    given(labourBrandDecider, [recognised]).when(recognise()).thenNothingHappens();
    given(labourBrandDecider, [recognised]).when(recognise({ level: 'PROVINCIAL' })).thenThrows('LABOUR_BRAND.ID_TAKEN');
  });

  it('R-AWARD-2 refuses a national brand (the notice prices city and provincial ones only)', () => {
    given(labourBrandDecider).when(recognise({ level: 'NATIONAL' as never })).thenThrows('LABOUR_BRAND.INVALID_LEVEL');
  });

  it('R-AWARD-2 counts people one event each, in the order given', () => {
    given(labourBrandDecider, [recognised]).when(count()).then([counted(1), counted(2)]);
  });

  it('R-AWARD-2 R-CLAIM-2 a person counted twice as trained for one brand is a duplicate: nothing is saved and the person is named', () => {
    const error = given(labourBrandDecider, [recognised, counted(2, 'TRAINED', '2021-05-31')]).when(count({ labourerIds: [person(3), person(2)] })).thenThrows('LABOUR_BRAND.ALREADY_COUNTED');
    expect(error.details).toMatchObject({ ruleId: 'R-AWARD-2', alreadyCounted: [{ labourerId: person(2), countedOn: '2021-05-31' }] });
  });

  it('R-AWARD-2 the same person counted as trained may be counted as placed', () => {
    given(labourBrandDecider, [recognised, counted(2)]).when(count({ count: 'PLACED', labourerIds: [person(2)] })).then([counted(2, 'PLACED')]);
  });

  it('R-AWARD-2 lists every bad entry at once: a person twice in one list, an id that is not a UUID, an unknown count', () => {
    const error = given(labourBrandDecider, [recognised]).when(count({ count: 'HIRED' as never, labourerIds: [person(1), 'abc', person(1)] })).thenThrows('LABOUR_BRAND.INVALID_COUNT');
    expect(error.issues.map((i) => i.field)).toEqual(['count', 'labourerIds.1', 'labourerIds.2']);
  });

  it('R-AWARD-2 counts from the recognition day on, and only for a recorded brand', () => {
    given(labourBrandDecider, [recognised]).when(count({ countedOn: '2021-02-28' })).thenThrows('LABOUR_BRAND.COUNTED_BEFORE_RECOGNITION');
    given(labourBrandDecider).when(count()).thenThrows('LABOUR_BRAND.NOT_FOUND');
  });
});
