import { type CommandContext, type Decider } from '../shared/decider';
import { assertKnownSubdistrict } from './labourer.rules';
import type { EvaluationBodyKind, EvaluationBodyRegistered } from './organisation.events';
import * as errors from './organisation.errors';
import { assertName } from './organisation.rules';

export interface RegisterEvaluationBody {
  readonly type: 'RegisterEvaluationBody';
  readonly evaluationBodyId: string;
  readonly name: string;
  readonly kind: EvaluationBodyKind;
  readonly subdistrictId: string;
  readonly knownSubdistrictIds: ReadonlySet<string>;
  readonly context: CommandContext;
}

export type EvaluationBodyState =
  | { readonly status: 'absent' }
  | { readonly status: 'registered'; readonly evaluationBodyId: string; readonly name: string; readonly kind: EvaluationBodyKind; readonly subdistrictId: string };

/** R-ORG-1: bodies that hold skill evaluations (certificates of R-CERT-1 name them as issuers). */
export const evaluationBodyDecider: Decider<RegisterEvaluationBody, EvaluationBodyState, EvaluationBodyRegistered> = {
  initialState: () => ({ status: 'absent' }),
  decide(command, state) {
    if (state.status === 'registered') throw errors.organisationAlreadyRegistered('evaluation body', command.evaluationBodyId);
    assertName(command.name);
    assertKnownSubdistrict(command.subdistrictId, command.knownSubdistrictIds); // R-REG-5
    const { evaluationBodyId, name, kind, subdistrictId } = command;
    return [{ type: 'EvaluationBodyRegistered', data: { evaluationBodyId, name: name.trim(), kind, subdistrictId } }];
  },
  evolve: (_state, event) => ({ status: 'registered', ...event.data }),
};
