/**
 * An aggregate as three pure things (Emmett's shape): a command handler loads the stream, folds it with
 * `evolve` from `initialState()`, calls `decide`, and appends the events with the expected version.
 * Time and ids arrive inside the command, so `decide` never reads a clock or a random source.
 */
export interface Decider<Command, State, Event> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<State, Event>(decider: Pick<Decider<unknown, State, Event>, 'evolve' | 'initialState'>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** Who asked and when: every command carries it, and it becomes the events' metadata. */
export interface CommandContext {
  readonly actor: string;
  /** ISO-8601 instant. */
  readonly now: string;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
