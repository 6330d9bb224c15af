import { defineProcess, phaseGateRule, type Rule, type RuleContext } from "@handover/itil";
import { IncidentCommand } from "./commands.js";
import { incidentDecider } from "./decider.js";
import { incidentCatalogue, type IncidentEvent } from "./events.js";
import { incidentLifecycle } from "./lifecycle.js";
import type { IncidentState } from "./state.js";

/** What incident management's rules read: the rule context (its only rule is the phase gate). */
export type IncidentRuleFacts = RuleContext;

/** Incident management's rules: its phase gate. */
export const incidentRules: readonly Rule<IncidentState, IncidentEvent, IncidentRuleFacts>[] = [
  phaseGateRule<IncidentState, IncidentEvent, IncidentRuleFacts>(["incident.logged"], () => "incident", (event) => `incident ${event.data.incidentId}`),
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
