import type { CommandContext, Decider } from '../shared/decider';
import type { PolicyListed } from './policy.events';

/** Put a policy id on the catalogue stream; asked only with the first version of that id. */
export interface ListPolicy {
  readonly type: 'ListPolicy';
  readonly policyId: string;
  readonly context: CommandContext;
}

export interface PolicyCatalogueState {
  readonly policyIds: readonly string[];
}

/** The index of policy streams: each id once, in the order first published. Listing a listed id changes nothing. */
export const policyCatalogueDecider: Decider<ListPolicy, PolicyCatalogueState, PolicyListed> = {
  initialState: () => ({ policyIds: [] }),
  decide: (command, state) => (state.policyIds.includes(command.policyId) ? [] : [{ type: 'PolicyListed', data: { policyId: command.policyId } }]),
  evolve: (state, event) => ({ policyIds: [...state.policyIds, event.data.policyId] }),
};
