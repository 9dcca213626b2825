import type { CalendarDate } from '../shared/calendar-date';
import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { assertDate, assertNotAfterToday, assertUuid } from '../outcomes/outcomes.rules';
import type { TrainingCentreEvent, TrainingCentreRecognised } from './training-centre.events';

/** R-ENT-4: the bureau recognises a centre; the handler adds the registry's headcount on `establishedOn`. */
export interface RecogniseTrainingCentre {
  readonly type: 'RecogniseTrainingCentre';
  readonly enterpriseId: string;
  readonly capacity: number;
  readonly newlyEstablished: boolean;
  readonly establishedOn: CalendarDate;
  readonly headcount: number;
  readonly context: CommandContext;
}

export type TrainingCentreState = { readonly status: 'none' } | ({ readonly status: 'recognised' } & TrainingCentreRecognised['data']);

/**
 * The stream toTrainingCentreStreamId(enterpriseId). R-ENT-4 is a one-off award per enterprise (一次性建设奖补), so an
 * enterprise's centre is recognised once; the same recognition again is a retry, other facts are a conflict.
 * Whether it pays (500+ employees, newly built, capacity 100+) is the calculator's: the facts are recorded as they are.
 */
export const trainingCentreDecider: Decider<RecogniseTrainingCentre, TrainingCentreState, TrainingCentreEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    assertUuid('TRAINING_CENTRE', command.enterpriseId, 'enterpriseId');
    if (!Number.isInteger(command.capacity) || command.capacity < 1 || command.capacity > 100_000) throw invalidCapacity();
    assertDate('TRAINING_CENTRE', command.establishedOn, 'establishedOn');
    assertNotAfterToday('TRAINING_CENTRE', command.establishedOn, 'establishedOn', command.context.now);
    const { capacity, newlyEstablished, establishedOn, headcount } = command;
    const data = { enterpriseId: command.enterpriseId.toLowerCase(), capacity, newlyEstablished, establishedOn, headcount };
    switch (state.status) {
      case 'none':
        return [{ type: 'TrainingCentreRecognised', data }];
      case 'recognised': {
        const same = state.capacity === capacity && state.newlyEstablished === newlyEstablished && state.establishedOn === establishedOn;
        if (same) return [];
        throw alreadyRecognised(state.enterpriseId, state.establishedOn);
      }
      default:
        return assertNever(state);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'TrainingCentreRecognised':
        return state.status === 'none' ? { status: 'recognised', ...event.data } : state;
      default:
        return assertNever(event.type);
    }
  },
};

const invalidCapacity = () =>
  new DomainError('TRAINING_CENTRE.INVALID_CAPACITY', 'capacity is the number of trainees the centre can train at the same time: a whole number from 1', 'validation', {}, [
    { field: 'capacity', message: 'give a whole number of trainees, 1 or more' },
  ]);

// R-ENT-4: 一次性 — one award per enterprise.
const alreadyRecognised = (enterpriseId: string, establishedOn: string) =>
  new DomainError('TRAINING_CENTRE.ALREADY_RECOGNISED', `this enterprise's training centre was recognised already (established ${establishedOn}), with other facts: R-ENT-4 is a one-off award per enterprise`, 'conflict', {
    ruleId: 'R-ENT-4',
    enterpriseId,
    establishedOn,
  });
