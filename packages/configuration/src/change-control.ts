import { permissionRule, phaseGateRule, referencesRule, type Breach, type Permission, type Reference, type Rule } from "@handover/itil";
import { ciLabel } from "./errors.js";
import type { ConfigurationEvent } from "./events.js";
import type { ConfigurationRuleFacts, NamedChangeVerdict } from "./facts.js";
import type { CiState } from "./state.js";

/** A rule of this process: a function of the state before an event, the event and the rule facts. */
export type ConfigurationRule = Rule<CiState, ConfigurationEvent, ConfigurationRuleFacts>;

/** What a configuration event did to its CI, in a few words. */
export function describeCiEvent(event: ConfigurationEvent): string {
  switch (event.type) {
    case "configuration.ci_registered":
      return "registered";
    case "configuration.ci_status_changed":
      return `moved from ${event.data.from} to ${event.data.to}`;
    case "configuration.attribute_set":
      return `attribute ${event.data.name} set`;
    case "configuration.attribute_unset":
      return `attribute ${event.data.name} unset`;
    case "configuration.owner_transferred":
      return `handed from ${event.data.from} to ${event.data.to}`;
    case "configuration.relationship_added":
      return `relationship ${event.data.relationship.type} ${event.data.relationship.targetCiId} added`;
    case "configuration.relationship_removed":
      return `relationship ${event.data.relationship.type} ${event.data.relationship.targetCiId} removed`;
  }
}

/**
 * Why the change a configuration event names does not authorise it, or undefined when it
 * does: none named, one the log does not hold before the event, or change management's
 * verdict (`namedChange`, for the change the event names) saying why not.
 */
export function whyNotAuthorised(event: ConfigurationEvent, namedChange: NamedChangeVerdict | undefined): string | undefined {
  const changeId = event.data.changeControl.changeId;
  if (changeId === undefined) return "no change is named";
  if (namedChange?.changeId !== changeId) return `change ${changeId} is not in the log before this event`;
  return namedChange.covers ? undefined : namedChange.message;
}

/**
 * CI change control: a CI under change control (in production scope, or any CI once
 * solution-level change applies) changes only under an authorised change that names it,
 * at a time its window (an emergency's: from its ECAB authorisation until its implementation
 * completed) contains.
 */
export const ciChangedUnderAuthorisedChange: ConfigurationRule = {
  name: "ci_change_authorised",
  summary: "a CI under change control (in production scope, or once solution-level change applies) changes only under an authorised change that names it, inside its window",
  check: (_state, event, facts): Breach | undefined => {
    if (!facts.changeControl.required) return undefined;
    const gap = whyNotAuthorised(event, facts.namedChange);
    if (gap === undefined) return undefined;
    const { ciId, at } = event.data;
    const because = facts.changeControl.because === undefined ? "" : ` (${facts.changeControl.because})`;
    const message = `${ciLabel(ciId)} ${describeCiEvent(event)} under change control${because} without an authorised change: ${gap}; name an authorised change that names ${ciId} and whose window contains ${at}`;
    return { rule: "ci_change_authorised", code: "change_not_authorised", message, details: { ciId, changeId: event.data.changeControl.changeId } };
  },
};

/** The permission every configuration event takes: changing CIs (`ci_changes`). */
export function permissionOfConfiguration(_event: ConfigurationEvent): Permission {
  return "ci_changes";
}

/** The CIs a configuration event names besides its own: a new relationship's target. */
export function referencesOfConfiguration(event: ConfigurationEvent): readonly Reference[] {
  return event.type === "configuration.relationship_added" ? [{ kind: "configuration", noun: "CI", id: event.data.relationship.targetCiId, field: "relationship.targetCiId" }] : [];
}

/** Configuration management's rules: its phase gate, the permission to change CIs, and CI change control. */
export const configurationRules: readonly ConfigurationRule[] = [
  phaseGateRule<CiState, ConfigurationEvent, ConfigurationRuleFacts>(["configuration.ci_registered"], () => "configuration", (event) => ciLabel(event.data.ciId)),
  permissionRule<CiState, ConfigurationEvent, ConfigurationRuleFacts>(permissionOfConfiguration, (event) => ciLabel(event.data.ciId)),
  referencesRule<CiState, ConfigurationEvent, ConfigurationRuleFacts>(["configuration.relationship_added"], referencesOfConfiguration, (event) => ciLabel(event.data.ciId)),
  ciChangedUnderAuthorisedChange,
];
