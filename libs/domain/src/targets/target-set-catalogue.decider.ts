import type { CommandContext, Decider } from '../shared/decider';
import type { TargetSetListed } from './target-set.events';

/** Put a target-set id on the index stream; asked only with the first version of that id. */
export interface ListTargetSet {
  readonly type: 'ListTargetSet';
  readonly targetSetId: string;
  readonly context: CommandContext;
}

export interface TargetSetCatalogueState {
  readonly targetSetIds: readonly string[];
}

/** The index of target-set streams: each id once, in the order first published. Listing a listed id changes nothing. */
export const targetSetCatalogueDecider: Decider<ListTargetSet, TargetSetCatalogueState, TargetSetListed> = {
  initialState: () => ({ targetSetIds: [] }),
  decide: (command, state) => (state.targetSetIds.includes(command.targetSetId) ? [] : [{ type: 'TargetSetListed', data: { targetSetId: command.targetSetId } }]),
  evolve: (state, event) => ({ targetSetIds: [...state.targetSetIds, event.data.targetSetId] }),
};
