import type { CalendarDate } from '../shared/calendar-date';
import type { CommandContext } from '../shared/decider';
import type { RegisteringUnit } from './labourer.events';
import type { Category, Flag, GroupChangeReason, KeyGroup } from './registry-vocabulary';

/** R-REG-1 age limits, taken from the policy version in force on the registration date. */
export interface AgeLimits {
  readonly minAge: number;
  readonly maxAge: number;
}

export interface RegisterLabourer {
  readonly type: 'RegisterLabourer';
  readonly labourerId: string;
  /** Keyed HMAC of the normalised ID number (libs/personal-data): the ID number itself never reaches the domain. */
  readonly fingerprint: string;
  /** From the ID number, for the R-REG-1 age check only: never stored in an event. */
  readonly birthDate: CalendarDate;
  readonly category: Category;
  readonly keyGroups: readonly KeyGroup[];
  readonly flags: readonly Flag[];
  readonly insuranceMonths: number;
  readonly subdistrictId: string;
  readonly registeringUnit: RegisteringUnit;
  readonly registeredOn: CalendarDate;
  readonly ageLimits: AgeLimits;
  /** R-REG-5: the units of the task table, loaded by the handler. */
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

export interface ChangeLabourerGroups {
  readonly type: 'ChangeLabourerGroups';
  readonly labourerId: string;
  readonly keyGroups: readonly KeyGroup[];
  readonly flags: readonly Flag[];
  readonly insuranceMonths: number;
  readonly reason: GroupChangeReason;
  readonly context: CommandContext;
}

export interface EraseLabourer {
  readonly type: 'EraseLabourer';
  readonly labourerId: string;
  readonly erasedOn: CalendarDate;
  readonly context: CommandContext;
}

export type LabourerCommand = RegisterLabourer | ChangeLabourerGroups | EraseLabourer;
