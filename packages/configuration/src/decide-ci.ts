import { canonicalJson, type DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ChangeControlRecord } from "./change-control-record.js";
import type { ConfigurationCommandOf } from "./commands.js";
import { ciLabel, configurationError } from "./errors.js";
import type { ConfigurationEvent } from "./events.js";
import type { ConfigurationFacts } from "./facts.js";
import type { CiState } from "./state.js";

/** The fields every configuration event carries, filled in once the command's rules and change control have passed. */
export interface CommonEventData {
  readonly ciId: ConfigurationEvent["data"]["ciId"];
  readonly at: string;
  readonly by: string;
  readonly changeControl: ChangeControlRecord;
}

/** An event waiting for its common fields. */
export type PendingEvent = (common: CommonEventData) => ConfigurationEvent;

/** A command's own rules decided: a refusal, an event waiting for change control, or nothing to change. */
export type Decision = Either<DomainError, PendingEvent | undefined>;

/** Registration: the type must be a built-in CI type or one the policy declares. */
export function decideRegistration(command: ConfigurationCommandOf<"ci.register">, facts: ConfigurationFacts): Decision {
  if (!facts.policy.ciTypes.includes(command.ciType)) {
    return left(
      configurationError("unknown_ci_type", `${ciLabel(command.ciId)}: type "${command.ciType}" is not a CI type of this policy; known types: ${facts.policy.ciTypes.join(", ")} (add it to the policy's ciTypes)`, {
        ciId: command.ciId,
        ciType: command.ciType,
      }),
    );
  }
  const { ciType, name, owner, attributes } = command;
  return right((common) => ({ type: "configuration.ci_registered", data: { ...common, ciType, name, owner, attributes: { ...attributes } } }));
}

/** Setting an attribute records the value it had (if any); setting the value it already has changes nothing. */
export function decideAttributeSet(command: ConfigurationCommandOf<"ci.set_attribute">, state: CiState): Decision {
  const { name, value } = command;
  if (!Object.hasOwn(state.attributes, name)) {
    return right((common) => ({ type: "configuration.attribute_set", data: { ...common, name, newValue: value } }));
  }
  const oldValue = state.attributes[name] ?? null;
  if (canonicalJson(oldValue) === canonicalJson(value)) return right(undefined);
  return right((common) => ({ type: "configuration.attribute_set", data: { ...common, name, oldValue, newValue: value } }));
}

/** Unsetting an attribute records the value it had; an attribute that is not set is refused. */
export function decideAttributeUnset(command: ConfigurationCommandOf<"ci.unset_attribute">, state: CiState): Decision {
  const { name } = command;
  if (!Object.hasOwn(state.attributes, name)) {
    const known = Object.keys(state.attributes);
    const has = known.length === 0 ? "it has no attributes" : `it has: ${known.join(", ")}`;
    return left(configurationError("attribute_not_set", `${ciLabel(command.ciId)} has no attribute "${name}" to unset; ${has}`, { ciId: command.ciId, name }));
  }
  const oldValue = state.attributes[name] ?? null;
  return right((common) => ({ type: "configuration.attribute_unset", data: { ...common, name, oldValue } }));
}

/** Transferring ownership records both owners; transferring to the current owner changes nothing. */
export function decideOwnerTransfer(command: ConfigurationCommandOf<"ci.transfer_owner">, state: CiState): Decision {
  if (command.owner === state.owner) return right(undefined);
  const from = state.owner;
  const to = command.owner;
  return right((common) => ({ type: "configuration.owner_transferred", data: { ...common, from, to } }));
}
