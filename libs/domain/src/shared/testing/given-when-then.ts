import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Emmett-style decider specs: `given(decider, events).when(command).then(events)` or `.thenThrows(code)`.
 * For tests only (uses jest's `expect`); not exported from the library.
 */
export function given<Command, State, Event>(decider: Decider<Command, State, Event>, history: readonly Event[] = []) {
  const state = history.reduce(decider.evolve, decider.initialState());
  return {
    state,
    when(command: Command) {
      const run = () => decider.decide(command, state);
      return {
        then(expected: readonly Event[]): Event[] {
          const events = run();
          expect(events).toEqual(expected);
          return events;
        },
        thenNothingHappens(): void {
          expect(run()).toEqual([]);
        },
        thenThrows(code: string): DomainError {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(DomainError);
          expect((thrown as DomainError).code).toBe(code);
          return thrown as DomainError;
        },
      };
    },
  };
}
