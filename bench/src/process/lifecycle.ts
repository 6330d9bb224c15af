import type { Lifecycle } from "@handover/core";
import type { IncidentCommandName } from "./commands.js";
import type { IncidentStatus } from "./state.js";

/** The incident lifecycle as data: for each status, the commands it accepts and where each leads. */
export const incidentLifecycle = {
  none: { log: "logged" },
  logged: { assign: "assigned", add_work_note: "logged", reprioritise: "logged", link_ci: "logged" },
  assigned: { start: "in_progress", assign: "assigned", add_work_note: "assigned", reprioritise: "assigned", link_ci: "assigned" },
  in_progress: {
    hold: "on_hold",
    resolve: "resolved",
    assign: "in_progress",
    add_work_note: "in_progress",
    reprioritise: "in_progress",
    link_ci: "in_progress",
  },
  on_hold: { resume: "in_progress", add_work_note: "on_hold", reprioritise: "on_hold" },
  resolved: { close: "closed", reopen: "in_progress" },
  closed: {},
} as const satisfies Lifecycle<IncidentStatus, IncidentCommandName>;
