import { defineProcess } from "@handover/itil";
import { AUTHORISATION_IN_FORCE } from "./authorisation.js";
import { ChangeCommand } from "./commands.js";
import { changeDecider } from "./decide.js";
import { changeCatalogue } from "./events.js";
import { emergencyChangeLifecycle, normalChangeLifecycle, standardChangeLifecycle } from "./lifecycle.js";
import { changeRules } from "./rules.js";

/**
 * Change management, described once: `change.*` commands on `change-<changeId>` streams, the
 * lifecycle of each type of change, the facts the engine supplies (the calendar, the CI graph
 * and types) and the rules every change event is judged by (`changeRules`).
 */
export const changeProcess = defineProcess({
  name: "change",
  title: "Change management",
  commandPrefix: "change",
  streamPrefix: "change",
  idField: "changeId",
  commandSchema: ChangeCommand,
  catalogue: changeCatalogue,
  decider: changeDecider,
  lifecycles: [
    { name: "standard change", table: standardChangeLifecycle },
    { name: "normal change", table: normalChangeLifecycle },
    { name: "emergency change", table: emergencyChangeLifecycle },
  ],
  statusOf: (state) => state.status,
  groups: {
    open: ["raised", "assessed", "rejected", "authorised", "scheduled", "implementing", "implemented", "reviewed"],
    finished: ["closed", "cancelled"],
    inForce: AUTHORISATION_IN_FORCE,
  },
  facts: {
    scheduledChanges: "every change with a window that is scheduled or being implemented (change.schedule looks for conflicts)",
    relationships: "the CI relationships along which a change propagates (change.schedule)",
    ciTypes: "the type of each CI (change.raise of a standard change whose template limits CI types)",
  },
  rules: changeRules,
});
