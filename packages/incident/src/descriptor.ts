import { defineProcess, permissionRule, phaseGateRule, referencesRule, type Reference, type Rule, type RuleContext } from "@handover/itil";
import { IncidentCommand } from "./commands.js";
import { incidentDecider } from "./decider.js";
import { incidentCatalogue, type IncidentEvent } from "./events.js";
import { incidentLifecycle } from "./lifecycle.js";
import type { IncidentState } from "./state.js";

/** What incident management's rules read: the rule context. */
export type IncidentRuleFacts = RuleContext;

/** The ids an incident event names that other processes own: a linked CI, problem or change. */
export function referencesOfIncident(event: IncidentEvent): readonly Reference[] {
  switch (event.type) {
    case "incident.ci_linked":
      return [{ kind: "configuration", noun: "CI", id: event.data.ciId, field: "ciId" }];
    case "incident.problem_linked":
      return [{ kind: "problem", noun: "problem", id: event.data.problemId, field: "problemId" }];
    case "incident.change_linked":
      return [{ kind: "change", noun: "change", id: event.data.changeId, field: "changeId" }];
    default:
      return [];
  }
}

/** Incident management's rules: its phase gate, the permission to work incidents (`incident_work`) for every event, and the CIs, problems and changes it links existing. */
export const incidentRules: readonly Rule<IncidentState, IncidentEvent, IncidentRuleFacts>[] = [
  phaseGateRule<IncidentState, IncidentEvent, IncidentRuleFacts>(["incident.logged"], () => "incident", (event) => `incident ${event.data.incidentId}`),
  permissionRule<IncidentState, IncidentEvent, IncidentRuleFacts>(() => "incident_work", (event) => `incident ${event.data.incidentId}`),
  referencesRule<IncidentState, IncidentEvent, IncidentRuleFacts>(["incident.ci_linked", "incident.problem_linked", "incident.change_linked"], referencesOfIncident, (event) => `incident ${event.data.incidentId}`),
];

/**
 * Incident management, described once: `incident.*` commands on `incident-<incidentId>`
 * streams, the incident lifecycle, and its rules (`incidentRules`). Its decider needs no
 * facts from other processes: the command context is enough (the policy's priority matrix).
 */
export const incidentProcess = defineProcess({
  name: "incident",
  title: "Incident management",
  commandPrefix: "incident",
  streamPrefix: "incident",
  idField: "incidentId",
  commandSchema: IncidentCommand,
  catalogue: incidentCatalogue,
  decider: incidentDecider,
  lifecycles: [{ name: "incident", table: incidentLifecycle }],
  statusOf: (state) => state.status,
  groups: { open: ["new", "assigned", "in_progress", "on_hold"], finished: ["closed", "cancelled"] },
  facts: {},
  rules: incidentRules,
});
