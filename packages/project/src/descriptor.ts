import { defineProcess } from "@handover/itil";
import { ProjectCommand } from "./commands.js";
import { projectDecider } from "./decider.js";
import { projectCatalogue } from "./events.js";
import { projectLifecycle } from "./lifecycle.js";
import { projectRules } from "./rules.js";

/**
 * The project, described once: `project.*` commands on `project-<projectId>` streams (one
 * project a log), its handover lifecycle, the facts the engine supplies (every CI for a
 * baseline, readiness for a sign-off) and its rules (`projectRules`).
 */
export const projectProcess = defineProcess({
  name: "project",
  title: "The project",
  commandPrefix: "project",
  streamPrefix: "project",
  idField: "projectId",
  commandSchema: ProjectCommand,
  catalogue: projectCatalogue,
  decider: projectDecider,
  lifecycles: [{ name: "project", table: projectLifecycle }],
  statusOf: (state) => state.status,
  groups: { open: ["active", "transition_requested", "signed_off", "early_life_support"], finished: ["handed_over", "closed"] },
  facts: {
    cis: "every CI of the project with its type, status and stream version (project.take_baseline)",
    readiness: "transition readiness just before the command (project.sign_off_transition; the engine's own unless told otherwise)",
  },
  rules: projectRules,
});
