import type { Decider, DomainError } from "@handover/core";
import { produce, type Draft } from "immer";
import { expect } from "vitest";

/** The outcome of `when`: assertions on the events or the refusal. */
export interface DeciderOutcome<State, Event> {
  /** Asserts the command produced exactly these events, and returns the state after them. */
  then(expected: readonly Event[]): State;
  /** Asserts the command was refused with this error code (and, if given, a message containing the text). */
  thenError(code: string, messageIncludes?: string): DomainError;
  /** Asserts the command was accepted and produced no events. */
  thenNothing(): void;
}

/** A given/when/then specification of a decider. */
export interface DeciderSpec<Command, State, Event, Facts> {
  given(events: readonly Event[]): {
    when(command: Command, facts?: Facts): DeciderOutcome<State, Event>;
  };
}

/**
 * Builds a given/when/then spec for a decider: `given(past events).when(command, facts)
 * .then(new events) | .thenError(code) | .thenNothing()`, with failures that say what
 * happened instead.
 */
export function deciderSpec<Command, State, Event, Facts = void>(
  decider: Decider<Command, State, Event, Facts>,
): DeciderSpec<Command, State, Event, Facts> {
  return {
    given(events) {
      const state = produce(decider.initialState, (draft: Draft<State>) => {
        for (const event of events) decider.evolve(draft, event);
      });
      return {
        when(command, facts) {
          const decision = decider.decide(command, state, facts as Facts);
          return outcome(decider, state, decision);
        },
      };
    },
  };
}

function outcome<Command, State, Event, Facts>(
  decider: Decider<Command, State, Event, Facts>,
  state: State,
  decision: ReturnType<Decider<Command, State, Event, Facts>["decide"]>,
): DeciderOutcome<State, Event> {
  const describeRefusal = (): string =>
    decision._tag === "Left" ? `refused with ${decision.left.code}: ${decision.left.message}` : "";
  return {
    then(expected) {
      if (decision._tag === "Left") throw new Error(`expected ${expected.length} event(s), but the command was ${describeRefusal()}`);
      expect(decision.right).toEqual(expected);
      return produce(state, (draft: Draft<State>) => {
        for (const event of decision.right) decider.evolve(draft, event);
      });
    },
    thenError(code, messageIncludes) {
      if (decision._tag === "Right") {
        const types = decision.right.map((event) => (event as { type?: string }).type ?? "?").join(", ");
        throw new Error(`expected a refusal with ${code}, but the command was accepted with [${types}]`);
      }
      expect(decision.left.code, decision.left.message).toBe(code);
      if (messageIncludes !== undefined) expect(decision.left.message).toContain(messageIncludes);
      return decision.left;
    },
    thenNothing() {
      if (decision._tag === "Left") throw new Error(`expected no events, but the command was ${describeRefusal()}`);
      expect(decision.right).toEqual([]);
    },
  };
}
