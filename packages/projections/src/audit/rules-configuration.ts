import { changeControlRequirement, type ConfigurationEvent } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import type { CiId } from "@handover/itil";
import { judgeCiChange } from "../history/authorisation.js";
import type { History } from "../history/history.js";
import type { FindingsCollector } from "./finding.js";

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
 * A CI under change control (in production scope, or once solution-level change applies:
 * configuration's `changeControlRequirement` with the project's phase and policy at the
 * time) changed without an authorised change that names it, inside its window; and every
 * breach the event itself recorded in record mode. Run before the event is applied.
 */
export function checkCiChange(event: RecordedEvent<ConfigurationEvent>, history: History, findings: FindingsCollector): void {
  const { ciId, changeControl } = event.data;
  const label = `CI ${ciId} ${describeCiEvent(event)}`;
  if (changeControl.breach !== undefined) {
    findings.add(event, ciId, { kind: "ci_change_unauthorised", rule: "ci_change_authorised", source: "recorded", message: `${label} under change control without an authorised change: ${changeControl.breach.message}` });
  }
  const scope = history.cmdb.cis.get(ciId)?.scope ?? (history.cmdb.pendingProduction.has(ciId) ? "production" : "project");
  const requirement = changeControlRequirement({ ciId: ciId as CiId, policy: history.policy(), phase: history.phase(), scope });
  if (!requirement.required) return;
  const judgement = judgeCiChange(event, history.aggregates.changes);
  if (judgement.authorised) return;
  const change = judgement.changeId === undefined ? undefined : history.aggregates.changes.get(judgement.changeId);
  findings.add(event, ciId, {
    kind: "ci_change_unauthorised",
    rule: "ci_change_authorised",
    source: "replay",
    message: `${label} under change control (${requirement.because ?? "required"}) without an authorised change: ${judgement.reason}`,
    ...(change === undefined ? {} : { evidence: [change.lastPosition] }),
  });
}
