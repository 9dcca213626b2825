import { type CommandContext, type Decider } from '../shared/decider';
import type { SubdistrictRegistered } from './organisation.events';
import * as errors from './organisation.errors';
import { assertName } from './organisation.rules';

/** R-REG-5: the units of the task table, registered once each (the administrator seeds them from data/). */
export interface RegisterSubdistrict {
  readonly type: 'RegisterSubdistrict';
  readonly subdistrictId: string;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly context: CommandContext;
}

export type SubdistrictState =
  | { readonly status: 'absent' }
  | { readonly status: 'registered'; readonly subdistrictId: string; readonly code: string; readonly name: string; readonly nameEn: string };

export const subdistrictDecider: Decider<RegisterSubdistrict, SubdistrictState, SubdistrictRegistered> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    if (state.status === 'registered') throw errors.organisationAlreadyRegistered('subdistrict', command.subdistrictId);
    if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(command.code)) throw errors.invalidSubdistrictCode();
    assertName(command.name);
    assertName(command.nameEn, 'nameEn');
    const { subdistrictId, code, name, nameEn } = command;
    return [{ type: 'SubdistrictRegistered', data: { subdistrictId, code, name: name.trim(), nameEn: nameEn.trim() } }];
  },
  evolve: (_state, event) => ({ status: 'registered', ...event.data }),
};
