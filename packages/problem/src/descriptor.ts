import { defineProcess } from "@handover/itil";
import { ProblemCommand } from "./commands.js";
import { problemDecider } from "./decider.js";
import { problemCatalogue } from "./events.js";
import { problemLifecycle } from "./lifecycle.js";
import { problemRules } from "./rules.js";

/**
 * Problem management, described once: `problem.*` commands on `problem-<problemId>` streams,
 * the problem lifecycle, and its rules (`problemRules`: the phase gate, and a resolution by a
 * change implemented successfully, which reads the change from change management).
 */
export const problemProcess = defineProcess({
  name: "problem",
  title: "Problem management",
  commandPrefix: "problem",
  streamPrefix: "problem",
  idField: "problemId",
  commandSchema: ProblemCommand,
  catalogue: problemCatalogue,
  decider: problemDecider,
  lifecycles: [{ name: "problem", table: problemLifecycle }],
  statusOf: (state) => state.status,
  groups: { open: ["logged", "under_investigation", "root_cause_identified", "known_error", "resolved"], finished: ["closed"] },
  facts: { resolvingChange: "for the rules: the change a resolution names, its status and whether it was implemented successfully" },
  rules: problemRules,
});
