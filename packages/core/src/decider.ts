import type { Either } from "fp-ts/lib/Either.js";
import type { Draft } from "immer";
import type { DomainError } from "./errors.js";

/** The part of a decider that replays events: a starting state and an immer recipe per event. */
export interface Evolver<State, Event> {
  readonly initialState: State;
  /** Applies one event to a draft; mutates, returns nothing, reads no clock and does no I/O. */
  evolve(draft: Draft<State>, event: Event): void;
}

/**
 * A process as pure functions: `decide` turns a command into events (or a refusal)
 * from the current state and the facts other processes supply; `evolve` applies them.
 */
export interface Decider<Command, State, Event, Facts = void> extends Evolver<State, Event> {
  decide(command: Command, state: State, facts: Facts): Either<DomainError, readonly Event[]>;
}
