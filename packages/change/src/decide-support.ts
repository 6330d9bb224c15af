import type { DomainError } from "@handover/core";
import type { ChangeId } from "@handover/itil";
import type { Either } from "fp-ts/lib/Either.js";
import type { ChangeCommand, ChangeCommandOf, ChangeCommandType } from "./commands.js";
import type { ChangeEvent } from "./events.js";
import type { ChangeFacts } from "./facts.js";
import type { RaisedChange } from "./state.js";

/** What a command handler returns: the events to append, or a refusal. */
export type Decision = Either<DomainError, readonly ChangeEvent[]>;

/** Decides one command on a raised change, after the lifecycle table accepted it. */
export type CommandHandler<T extends Exclude<ChangeCommandType, "change.raise">> = (
  command: ChangeCommandOf<T>,
  change: RaisedChange,
  facts: ChangeFacts,
) => Decision;

/** The fields every change event starts with: the change, the business time and the actor. */
export function stamp(changeId: ChangeId, facts: ChangeFacts): { readonly changeId: ChangeId; readonly at: string; readonly by: string } {
  return { changeId, at: facts.at, by: facts.actor };
}

/** An optional event field, present only when it has a value (so events hold no `undefined`). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The commands other than raising, which all name an existing change. */
export type LaterCommand = Exclude<ChangeCommand, { type: "change.raise" }>;
