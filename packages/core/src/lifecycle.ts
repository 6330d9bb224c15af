import { left, right, type Either } from "fp-ts/lib/Either.js";
import { domainError, type DomainError } from "./errors.js";

/**
 * A lifecycle as data: for each state, the commands it accepts and the state each leads
 * to. A command missing from a state's row is refused; a state with an empty row is final.
 */
export type Lifecycle<State extends string, Command extends string> = {
  readonly [S in State]: Partial<Readonly<Record<Command, State>>>;
};

/** The commands a state accepts, in table order. */
export function acceptedCommands<State extends string, Command extends string>(
  lifecycle: Lifecycle<State, Command>,
  state: State,
): Command[] {
  return Object.keys(lifecycle[state]) as Command[];
}

/**
 * Looks a command up in a lifecycle: the next state, or one error that names the entity,
 * the command, the state and what the state accepts:
 * `change C-17: cannot "implement" while "assessed"; "assessed" accepts: authorise, reject, cancel`.
 */
export function transition<State extends string, Command extends string>(
  lifecycle: Lifecycle<State, Command>,
  entity: string,
  state: State,
  command: Command,
): Either<DomainError, State> {
  const next = lifecycle[state][command];
  if (next !== undefined) return right(next);
  const accepted = acceptedCommands(lifecycle, state);
  const accepts = accepted.length === 0 ? `"${state}" is final` : `"${state}" accepts: ${accepted.join(", ")}`;
  return left(
    domainError("invalid_transition", `${entity}: cannot "${command}" while "${state}"; ${accepts}`, {
      entity,
      state,
      command,
      accepted,
    }),
  );
}

/** Every state reachable from a start state, for checks and docs. */
export function reachableStates<State extends string, Command extends string>(
  lifecycle: Lifecycle<State, Command>,
  start: State,
): Set<State> {
  const seen = new Set<State>([start]);
  const queue: State[] = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of Object.values(lifecycle[state]) as State[]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** The lifecycle as a Markdown table (state, command, next state), for the docs. */
export function lifecycleTable<State extends string, Command extends string>(lifecycle: Lifecycle<State, Command>): string {
  const rows = (Object.keys(lifecycle) as State[]).flatMap((state) => {
    const entries = Object.entries(lifecycle[state]) as [Command, State][];
    return entries.length === 0 ? [`| ${state} | (final) | |`] : entries.map(([command, next]) => `| ${state} | ${command} | ${next} |`);
  });
  return ["| state | command | next state |", "|---|---|---|", ...rows].join("\n");
}
