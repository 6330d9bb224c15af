import { transition, type DomainError } from "@handover/core";
import type { CiStatus } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ConfigurationCommand, ConfigurationCommandOf } from "./commands.js";
import { decideAttributeSet, decideAttributeUnset, decideOwnerTransfer, decideRegistration, type Decision, type PendingEvent } from "./decide-ci.js";
import { decideRelationshipAdded, decideRelationshipRemoved } from "./decide-relationships.js";
import { ciLabel, configurationError } from "./errors.js";
import type { ConfigurationEvent } from "./events.js";
import type { ConfigurationFacts } from "./facts.js";
import { ciLifecycle, lifecycleCommandOf, type CiLifecycleState } from "./lifecycle.js";
import type { CiState } from "./state.js";

/**
 * Decides a configuration command: the lifecycle table first, then the command's own
 * rules; the event records whether change control applied and the change the command
 * names (CI change control itself is the rule `ciChangedUnderAuthorisedChange`). A command
 * that changes nothing yields no events.
 */
export function decideCi(command: ConfigurationCommand, state: CiState, facts: ConfigurationFacts): Either<DomainError, readonly ConfigurationEvent[]> {
  const next = transition(ciLifecycle, ciLabel(command.ciId), state.status, lifecycleCommandOf(command.type));
  if (next._tag === "Left") return left(explainRefusal(command, state, next.left));
  const decided = decideChange(command, state, facts, next.right);
  if (decided._tag === "Left") return decided;
  const pending = decided.right;
  if (pending === undefined) return right([]);
  const changeControl = { required: facts.changeControl.required, ...(command.changeId === undefined ? {} : { changeId: command.changeId }) };
  return right([pending({ ciId: command.ciId, at: facts.at, by: facts.actor, changeControl })]);
}

function decideChange(command: ConfigurationCommand, state: CiState, facts: ConfigurationFacts, next: CiLifecycleState): Decision {
  switch (command.type) {
    case "ci.register":
      return decideRegistration(command, facts);
    case "ci.set_attribute":
      return decideAttributeSet(command, state);
    case "ci.unset_attribute":
      return decideAttributeUnset(command, state);
    case "ci.transfer_owner":
      return decideOwnerTransfer(command, state);
    case "ci.add_relationship":
      return decideRelationshipAdded(command, state, facts);
    case "ci.remove_relationship":
      return decideRelationshipRemoved(command, state);
    case "ci.withdraw":
      return right(statusChange(state.status, next, command.reason));
    default:
      return right(statusChange(state.status, next));
  }
}

function statusChange(from: CiLifecycleState, to: CiLifecycleState, reason?: string): PendingEvent | undefined {
  if (from === "none" || to === "none" || from === to) return undefined;
  return (common) => ({ type: "configuration.ci_status_changed", data: { ...common, from: from satisfies CiStatus, to, ...(reason === undefined ? {} : { reason }) } });
}

function explainRefusal(command: ConfigurationCommand, state: CiState, refusal: DomainError): DomainError {
  if (state.status === "none") {
    return configurationError("ci_not_registered", `${ciLabel(command.ciId)} is not registered; register it with ci.register first`, { ciId: command.ciId, command: command.type });
  }
  if (command.type === "ci.register") return alreadyRegistered(command, state);
  return refusal;
}

function alreadyRegistered(command: ConfigurationCommandOf<"ci.register">, state: CiState): DomainError {
  return configurationError("ci_already_registered", `${ciLabel(command.ciId)} is already registered (${state.ciType} "${state.name}", status ${state.status}); choose another id`, {
    ciId: command.ciId,
    status: state.status,
  });
}
