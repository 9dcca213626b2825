import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { assertKnownSubdistrict } from './labourer.rules';
import type { ProviderEvent, ProviderKind, Qualification } from './organisation.events';
import * as errors from './organisation.errors';
import { assertName, assertQualification } from './organisation.rules';

export interface RegisterProvider {
  readonly type: 'RegisterProvider';
  readonly providerId: string;
  readonly name: string;
  readonly kind: ProviderKind;
  readonly subdistrictId: string;
  readonly qualification: Qualification;
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

export interface RenewProviderQualification {
  readonly type: 'RenewProviderQualification';
  readonly providerId: string;
  readonly qualification: Qualification;
  readonly context: CommandContext;
}

export type ProviderCommand = RegisterProvider | RenewProviderQualification;

export type ProviderState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'registered';
      readonly providerId: string;
      readonly name: string;
      readonly kind: ProviderKind;
      readonly subdistrictId: string;
      readonly qualification: Qualification;
    };

export const providerDecider: Decider<ProviderCommand, ProviderState, ProviderEvent> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterProvider': {
        if (state.status === 'registered') throw errors.organisationAlreadyRegistered('provider', command.providerId);
        assertName(command.name);
        assertQualification(command.qualification);
        assertKnownSubdistrict(command.subdistrictId, command.knownSubdistrictIds); // R-REG-5
        const { providerId, name, kind, subdistrictId, qualification } = command;
        return [{ type: 'ProviderRegistered', data: { providerId, name: name.trim(), kind, subdistrictId, qualification: { ...qualification } } }];
      }
      case 'RenewProviderQualification': {
        if (state.status === 'absent') throw errors.organisationNotFound('provider', command.providerId);
        assertQualification(command.qualification);
        const current = state.qualification;
        const next = command.qualification;
        if (current.number === next.number && current.validFrom === next.validFrom && current.expiresOn === next.expiresOn) return [];
        if (next.expiresOn <= current.expiresOn) throw errors.renewalNotLater(current.expiresOn);
        return [{ type: 'ProviderQualificationRenewed', data: { providerId: command.providerId, qualification: { ...next } } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ProviderRegistered':
        return { status: 'registered', ...event.data };
      case 'ProviderQualificationRenewed':
        return state.status === 'registered' ? { ...state, qualification: event.data.qualification } : state;
      default:
        return assertNever(event);
    }
  },
};

/**
 * R-ORG-1: a provider whose qualification has lapsed (or does not yet hold) on `onDate` cannot open a subsidised
 * cohort. `expiresOn` is the last day on which the qualification holds.
 */
export function assertProviderQualified(state: ProviderState, onDate: CalendarDate): void {
  if (state.status === 'absent') throw errors.organisationNotFound('provider');
  const { validFrom, expiresOn } = state.qualification;
  if (onDate < validFrom) throw errors.qualificationNotYetValid(state.providerId, validFrom, onDate);
  if (onDate > expiresOn) throw errors.qualificationLapsed(state.providerId, expiresOn, onDate);
}
