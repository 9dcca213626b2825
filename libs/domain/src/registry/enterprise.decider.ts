import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { assertCalendarDate, assertKnownSubdistrict } from './labourer.rules';
import type { EnterpriseEvent } from './organisation.events';
import * as errors from './organisation.errors';
import { assertHeadcount, assertName } from './organisation.rules';

export interface EnterpriseProfile {
  readonly name: string;
  readonly subdistrictId: string;
  readonly headcount: number;
  readonly insured: boolean;
}

export interface RegisterEnterprise extends EnterpriseProfile {
  readonly type: 'RegisterEnterprise';
  readonly enterpriseId: string;
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

export interface ChangeEnterpriseProfile extends EnterpriseProfile {
  readonly type: 'ChangeEnterpriseProfile';
  readonly enterpriseId: string;
  readonly effectiveOn: CalendarDate;
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

export type EnterpriseCommand = RegisterEnterprise | ChangeEnterpriseProfile;

export type EnterpriseState =
  | { readonly status: 'absent' }
  | (EnterpriseProfile & { readonly status: 'registered'; readonly enterpriseId: string });

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseState, EnterpriseEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterEnterprise':
        if (state.status === 'registered') throw errors.organisationAlreadyRegistered('enterprise', command.enterpriseId);
        assertProfile(command);
        return [{ type: 'EnterpriseRegistered', data: { enterpriseId: command.enterpriseId, ...profileOf(command) } }];
      case 'ChangeEnterpriseProfile': {
        if (state.status === 'absent') throw errors.organisationNotFound('enterprise', command.enterpriseId);
        assertProfile(command);
        assertCalendarDate(command.effectiveOn, 'effectiveOn');
        const next = profileOf(command);
        const unchanged = (Object.keys(next) as (keyof EnterpriseProfile)[]).every((key) => next[key] === state[key]);
        if (unchanged) return [];
        return [{ type: 'EnterpriseProfileChanged', data: { enterpriseId: command.enterpriseId, ...next, effectiveOn: command.effectiveOn } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'EnterpriseRegistered':
        return { status: 'registered', ...event.data };
      case 'EnterpriseProfileChanged': {
        if (state.status !== 'registered') return state;
        const { effectiveOn: _effectiveOn, ...profile } = event.data;
        return { ...state, ...profile };
      }
      default:
        return assertNever(event);
    }
  },
};

function assertProfile(command: EnterpriseProfile & { readonly knownSubdistrictIds: ReadonlySet<string> }): void {
  assertName(command.name);
  assertHeadcount(command.headcount);
  assertKnownSubdistrict(command.subdistrictId, command.knownSubdistrictIds); // R-REG-5
}

function profileOf(command: EnterpriseProfile): EnterpriseProfile {
  return { name: command.name.trim(), subdistrictId: command.subdistrictId, headcount: command.headcount, insured: command.insured };
}
