import { defineProcess } from "@handover/itil";
import { configurationRules } from "./change-control.js";
import { ConfigurationCommand } from "./commands.js";
import { configurationDecider } from "./decider.js";
import { configurationCatalogue } from "./events.js";
import { ciLifecycle } from "./lifecycle.js";

/**
 * Configuration management, described once: `ci.*` commands on `ci-<ciId>` streams, the CI
 * lifecycle, the facts the engine supplies (change control for the CI, a relationship's
 * target) and the rules every configuration event is judged by (`configurationRules`).
 */
export const configurationProcess = defineProcess({
  name: "configuration",
  title: "Configuration management",
  commandPrefix: "ci",
  streamPrefix: "ci",
  idField: "ciId",
  commandSchema: ConfigurationCommand,
  catalogue: configurationCatalogue,
  decider: configurationDecider,
  lifecycles: [{ name: "CI", table: ciLifecycle }],
  statusOf: (state) => state.status,
  groups: { open: ["planned", "in_development", "in_test", "in_production"], finished: ["retired"], inForce: ["in_production"] },
  facts: {
    changeControl: "whether change control applies to the CI now: in production scope, or once solution-level change applies (configuration's changeControlRequirement)",
    relationshipTarget: "the target CI of ci.add_relationship: its status and stored relationships",
    namedChange: "for the rules: whether the change an event names authorises the CI at the event's time (change's coverageOf)",
  },
  rules: configurationRules,
});
