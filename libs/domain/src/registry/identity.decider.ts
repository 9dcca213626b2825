import { assertNever, type Decider } from '../shared/decider';
import type { CommandContext } from '../shared/decider';
import type { LabourerIdentityClaimed } from './labourer.events';
import { duplicateLabourer } from './registry.errors';

/**
 * The identity-reservation stream of one ID-number fingerprint (R-REG-1: one card per ID number, ever).
 * Its claim is appended with expected version 'no_stream' together with LabourerRegistered, so two clerks
 * registering the same person at once cannot both succeed; erasing the card does not release the claim.
 */
export interface ClaimLabourerIdentity {
  readonly type: 'ClaimLabourerIdentity';
  readonly labourerId: string;
  readonly context: CommandContext;
}

export type IdentityState = { readonly status: 'unclaimed' } | { readonly status: 'claimed'; readonly labourerId: string };

export const identityDecider: Decider<ClaimLabourerIdentity, IdentityState, LabourerIdentityClaimed> = {
  initialState: () => ({ status: 'unclaimed' }),
  decide(command, state) {
    switch (state.status) {
      case 'unclaimed':
        return [{ type: 'LabourerIdentityClaimed', data: { labourerId: command.labourerId } }];
      case 'claimed':
        // The same card claiming again is a retry of the same registration.
        if (state.labourerId === command.labourerId) return [];
        throw duplicateLabourer(state.labourerId);
      default:
        return assertNever(state);
    }
  },
  evolve(state, event) {
    // The first claim wins for ever; a later one could only come from a broken append.
    return state.status === 'unclaimed' ? { status: 'claimed', labourerId: event.data.labourerId } : state;
  },
};
