import { DomainError } from '../shared/domain-error';
import { given } from '../shared/testing/given-when-then';
import type { ChangeLabourerGroups, EraseLabourer } from './labourer.commands';
import { labourerDecider } from './labourer.decider';
import { CONTEXT, LABOURER_ID, NANCUN, registerCommand, registered } from './testing/registry-fixtures';

const change = (overrides: Partial<ChangeLabourerGroups> = {}): ChangeLabourerGroups => ({
  type: 'ChangeLabourerGroups',
  labourerId: LABOURER_ID,
  keyGroups: ['RURAL_MIGRANT', 'VETERAN'],
  flags: ['RURAL_STUDENT'],
  insuranceMonths: 14,
  reason: 'EVIDENCE_PROVIDED',
  context: CONTEXT,
  ...overrides,
});
const erase: EraseLabourer = { type: 'EraseLabourer', labourerId: LABOURER_ID, erasedOn: '2021-03-01', context: CONTEXT };

describe('labourer registration', () => {
  it('R-REG-1 registers a labourer of working age, storing no birth date', () => {
    const [event] = given(labourerDecider).when(registerCommand()).then([registered()]);
    expect(JSON.stringify(event)).not.toContain('1990-05-20');
  });

  it('R-REG-1 registers a labourer who turns 16 on the registration date', () => {
    given(labourerDecider).when(registerCommand({ birthDate: '2004-12-10' })).then([registered()]);
  });

  it('R-REG-1 rejects a labourer one day short of 16', () => {
    const error = given(labourerDecider).when(registerCommand({ birthDate: '2004-12-11' })).thenThrows('REGISTRY.AGE_OUT_OF_RANGE');
    expect(error.kind).toBe('rule');
    expect(error.details).toMatchObject({ direction: 'below_minimum', minAge: 16, maxAge: 60 });
    expect(JSON.stringify(error.details) + error.message).not.toContain('2004-12-11');
  });

  it('R-REG-1 registers a labourer aged exactly 60 on the day before the 61st birthday', () => {
    given(labourerDecider).when(registerCommand({ birthDate: '1959-12-11' })).then([registered()]);
  });

  it('R-REG-1 rejects a labourer aged 61 on the registration date', () => {
    const error = given(labourerDecider).when(registerCommand({ birthDate: '1959-12-10' })).thenThrows('REGISTRY.AGE_OUT_OF_RANGE');
    expect(error.details).toMatchObject({ direction: 'above_maximum' });
  });

  it('R-REG-1 reads the age limits from the policy carried by the command', () => {
    given(labourerDecider).when(registerCommand({ birthDate: '1959-12-10', ageLimits: { minAge: 16, maxAge: 65 } })).then([registered()]);
  });

  it('R-REG-1 accepts someone born on 29 February from their 16th birthday in a leap year', () => {
    const on = (registeredOn: string) => registerCommand({ birthDate: '2004-02-29', registeredOn, context: { actor: 'c', now: '2020-03-02T00:00:00Z' } });
    given(labourerDecider).when(on('2020-02-28')).thenThrows('REGISTRY.AGE_OUT_OF_RANGE');
    given(labourerDecider).when(on('2020-02-29')).then([registered({ registeredOn: '2020-02-29' })]);
  });

  it('R-REG-1 counts a 29 February birthday as reached on 1 March of a common year (aged 61 from 2021-03-01)', () => {
    const on = (registeredOn: string) => registerCommand({ birthDate: '1960-02-29', registeredOn, context: { actor: 'c', now: '2021-03-02T00:00:00Z' } });
    given(labourerDecider).when(on('2021-02-28')).then([registered({ registeredOn: '2021-02-28' })]);
    given(labourerDecider).when(on('2021-03-01')).thenThrows('REGISTRY.AGE_OUT_OF_RANGE');
  });

  it('rejects a birth date that is not a real date', () => {
    given(labourerDecider).when(registerCommand({ birthDate: '1990-02-30' })).thenThrows('REGISTRY.INVALID_DATE');
  });

  it('rejects a registration dated after the day it is made (Asia/Shanghai)', () => {
    // 2020-12-10T16:30Z is already 11 December in Jincheng.
    const lateEvening = { actor: 'c', now: '2020-12-10T16:30:00Z' };
    given(labourerDecider).when(registerCommand({ registeredOn: '2020-12-11', context: lateEvening })).then([registered({ registeredOn: '2020-12-11' })]);
    given(labourerDecider).when(registerCommand({ registeredOn: '2020-12-12', context: lateEvening })).thenThrows('REGISTRY.REGISTRATION_DATE_IN_FUTURE');
  });

  it('R-REG-2 rejects a category outside the four, or two categories at once', () => {
    given(labourerDecider).when(registerCommand({ category: 'STUDENT' as never })).thenThrows('REGISTRY.INVALID_CATEGORY');
    given(labourerDecider).when(registerCommand({ category: ['RURAL_LABOURER', 'POOR_LABOURER'] as never })).thenThrows('REGISTRY.INVALID_CATEGORY');
  });

  it('R-REG-4 rejects an unknown key group and a repeated one, naming the positions', () => {
    const unknown = given(labourerDecider).when(registerCommand({ keyGroups: ['VETERAN', 'RETIREE' as never] })).thenThrows('REGISTRY.INVALID_KEY_GROUPS');
    expect(unknown.issues.map((i) => i.field)).toEqual(['keyGroups.1']);
    const repeated = given(labourerDecider).when(registerCommand({ keyGroups: ['VETERAN', 'LAID_OFF', 'VETERAN'] })).thenThrows('REGISTRY.INVALID_KEY_GROUPS');
    expect(repeated.issues.map((i) => i.field)).toEqual(['keyGroups.2']);
  });

  it('R-REG-4 rejects a key group given as a flag', () => {
    given(labourerDecider).when(registerCommand({ flags: ['VETERAN' as never] })).thenThrows('REGISTRY.INVALID_FLAGS');
  });

  it('R-REG-4 accepts a card with no key group and every flag', () => {
    const flags = ['ZERO_EMPLOYMENT_FAMILY', 'RURAL_STUDENT', 'URBAN_DIBAO_FAMILY', 'IN_SCHOOL_STUDENT', 'REGISTERED_URBAN_UNEMPLOYED'] as const;
    given(labourerDecider).when(registerCommand({ keyGroups: [], flags: [...flags] })).then([registered({ keyGroups: [], flags: [...flags] })]);
  });

  it('rejects negative or fractional insurance months', () => {
    given(labourerDecider).when(registerCommand({ insuranceMonths: -1 })).thenThrows('REGISTRY.INVALID_INSURANCE_MONTHS');
    given(labourerDecider).when(registerCommand({ insuranceMonths: 2.5 })).thenThrows('REGISTRY.INVALID_INSURANCE_MONTHS');
  });

  it('R-REG-5 rejects a subdistrict outside the task table', () => {
    const error = given(labourerDecider).when(registerCommand({ subdistrictId: 'c0ffee00-0000-4000-8000-000000000000' })).thenThrows('REGISTRY.UNKNOWN_SUBDISTRICT');
    expect(error.issues).toEqual([{ field: 'subdistrictId', message: expect.any(String) }]);
  });

  it('rejects registering the same card id twice', () => {
    given(labourerDecider, [registered()]).when(registerCommand()).thenThrows('REGISTRY.LABOURER_ALREADY_REGISTERED');
  });
});

describe('labourer groups and erasure', () => {
  it('R-REG-4 changes key groups, flags and insurance months with a reason', () => {
    given(labourerDecider, [registered()])
      .when(change())
      .then([{ type: 'LabourerGroupsChanged', data: { labourerId: LABOURER_ID, keyGroups: ['RURAL_MIGRANT', 'VETERAN'], flags: ['RURAL_STUDENT'], insuranceMonths: 14, reason: 'EVIDENCE_PROVIDED' } }]);
  });

  it('records nothing when the groups are the same in another order', () => {
    const history = [registered({ keyGroups: ['VETERAN', 'RURAL_MIGRANT'], flags: ['RURAL_STUDENT'], insuranceMonths: 14 })];
    given(labourerDecider, history).when(change()).thenNothingHappens();
  });

  it('rejects a change without a reason code (free text could name the person)', () => {
    given(labourerDecider, [registered()]).when(change({ reason: 'because 王小明 said so' as never })).thenThrows('REGISTRY.REASON_REQUIRED');
  });

  it('rejects a change to a card that does not exist', () => {
    const error = given(labourerDecider).when(change()).thenThrows('REGISTRY.LABOURER_NOT_FOUND');
    expect(error.kind).toBe('not_found');
  });

  it('erases a card and keeps what the totals need', () => {
    const { state } = given(labourerDecider, [registered(), { type: 'LabourerErased', data: { labourerId: LABOURER_ID, erasedOn: '2021-03-01' } }]);
    expect(state).toEqual({
      status: 'erased',
      labourerId: LABOURER_ID,
      category: 'RURAL_LABOURER',
      subdistrictId: NANCUN,
      registeringUnit: { kind: 'SUBDISTRICT', id: NANCUN },
      registeredOn: '2020-12-10',
      erasedOn: '2021-03-01',
    });
    given(labourerDecider, [registered()]).when(erase).then([{ type: 'LabourerErased', data: { labourerId: LABOURER_ID, erasedOn: '2021-03-01' } }]);
  });

  it('rejects every change after erasure, and treats a second erasure as a retry', () => {
    const history = [registered(), { type: 'LabourerErased' as const, data: { labourerId: LABOURER_ID, erasedOn: '2021-03-01' } }];
    const error = given(labourerDecider, history).when(change()).thenThrows('REGISTRY.LABOURER_ERASED');
    expect(error).toBeInstanceOf(DomainError);
    given(labourerDecider, history).when(registerCommand()).thenThrows('REGISTRY.LABOURER_ERASED');
    given(labourerDecider, history).when(erase).thenNothingHappens();
  });

  it('rejects erasing a card that does not exist', () => {
    given(labourerDecider).when(erase).thenThrows('REGISTRY.LABOURER_NOT_FOUND');
  });
});
