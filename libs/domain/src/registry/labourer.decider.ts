import { assertNever, type Decider } from '../shared/decider';
import type { CalendarDate } from '../shared/calendar-date';
import type { ChangeLabourerGroups, EraseLabourer, LabourerCommand, RegisterLabourer } from './labourer.commands';
import type { LabourerEvent, RegisteringUnit } from './labourer.events';
import * as rules from './labourer.rules';
import type { Category, Flag, KeyGroup } from './registry-vocabulary';
import * as errors from './registry.errors';

interface CardFacts {
  readonly labourerId: string;
  readonly category: Category;
  readonly subdistrictId: string;
  readonly registeringUnit: RegisteringUnit;
  readonly registeredOn: CalendarDate;
}

/** An erased card keeps what the totals need (category, unit, dates); the person behind it is gone. */
export type LabourerState =
  | { readonly status: 'absent' }
  | (CardFacts & { readonly status: 'registered'; readonly keyGroups: readonly KeyGroup[]; readonly flags: readonly Flag[]; readonly insuranceMonths: number })
  | (CardFacts & { readonly status: 'erased'; readonly erasedOn: CalendarDate });

export const labourerDecider: Decider<LabourerCommand, LabourerState, LabourerEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterLabourer':
        return register(command, state);
      case 'ChangeLabourerGroups':
        return changeGroups(command, state);
      case 'EraseLabourer':
        return erase(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'LabourerRegistered': {
        const { fingerprint: _fingerprint, ...card } = event.data;
        return { status: 'registered', ...card };
      }
      case 'LabourerGroupsChanged':
        if (state.status !== 'registered') return state;
        return { ...state, keyGroups: event.data.keyGroups, flags: event.data.flags, insuranceMonths: event.data.insuranceMonths };
      case 'LabourerErased': {
        if (state.status !== 'registered') return state;
        const { labourerId, category, subdistrictId, registeringUnit, registeredOn } = state;
        return { status: 'erased', labourerId, category, subdistrictId, registeringUnit, registeredOn, erasedOn: event.data.erasedOn };
      }
      default:
        return assertNever(event);
    }
  },
};

function register(command: RegisterLabourer, state: LabourerState): LabourerEvent[] {
  switch (state.status) {
    case 'absent':
      break;
    case 'registered':
      throw errors.labourerAlreadyRegistered(command.labourerId);
    case 'erased':
      throw errors.labourerErased(command.labourerId);
    default:
      return assertNever(state);
  }
  rules.assertCalendarDate(command.registeredOn, 'registeredOn');
  rules.assertCalendarDate(command.birthDate, 'birthDate');
  rules.assertNotAfterToday(command.registeredOn, command.context.now);
  rules.assertOneCategory(command.category);
  rules.assertKeyGroupsAndFlags(command.keyGroups, command.flags);
  rules.assertInsuranceMonths(command.insuranceMonths);
  rules.assertKnownSubdistrict(command.subdistrictId, command.knownSubdistrictIds);
  rules.assertAgeInRange(command.birthDate, command.registeredOn, command.ageLimits);
  return [
    {
      type: 'LabourerRegistered',
      data: {
        labourerId: command.labourerId,
        fingerprint: command.fingerprint,
        category: command.category,
        keyGroups: [...command.keyGroups],
        flags: [...command.flags],
        insuranceMonths: command.insuranceMonths,
        subdistrictId: command.subdistrictId,
        registeringUnit: { ...command.registeringUnit },
        registeredOn: command.registeredOn,
      },
    },
  ];
}

function changeGroups(command: ChangeLabourerGroups, state: LabourerState): LabourerEvent[] {
  const current = assertRegistered(state, command.labourerId);
  rules.assertKeyGroupsAndFlags(command.keyGroups, command.flags);
  rules.assertInsuranceMonths(command.insuranceMonths);
  rules.assertReason(command.reason);
  const unchanged =
    sameMembers(current.keyGroups, command.keyGroups) &&
    sameMembers(current.flags, command.flags) &&
    current.insuranceMonths === command.insuranceMonths;
  if (unchanged) return [];
  const { labourerId, insuranceMonths, reason } = command;
  return [{ type: 'LabourerGroupsChanged', data: { labourerId, keyGroups: [...command.keyGroups], flags: [...command.flags], insuranceMonths, reason } }];
}

function erase(command: EraseLabourer, state: LabourerState): LabourerEvent[] {
  // Erasing twice is a retry, not a change: the key is gone either way.
  if (state.status === 'erased') return [];
  assertRegistered(state, command.labourerId);
  rules.assertCalendarDate(command.erasedOn, 'erasedOn');
  return [{ type: 'LabourerErased', data: { labourerId: command.labourerId, erasedOn: command.erasedOn } }];
}

function assertRegistered(state: LabourerState, labourerId: string): Extract<LabourerState, { status: 'registered' }> {
  switch (state.status) {
    case 'registered':
      return state;
    case 'absent':
      throw errors.labourerNotFound(labourerId);
    case 'erased':
      throw errors.labourerErased(labourerId);
    default:
      return assertNever(state);
  }
}

function sameMembers<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
