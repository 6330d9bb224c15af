import {
  ChangeCommand,
  changeCatalogue,
  changeCoverage,
  changeDecider,
  streamIdOfChange,
  type ChangeFacts,
  type CiRelationshipFact,
  type ScheduledChangeFact,
} from "@handover/change";
import type { CiType, ControlledProcess } from "@handover/itil";
import { right } from "fp-ts/lib/Either.js";
import type { EngineView } from "../engine-view.js";
import { defineProcess } from "../process-module.js";
import { changeStates, ciStates } from "../view-queries.js";

/**
 * Change management: the engine supplies the change calendar, the CI graph and CI types.
 * A project-level change is gated as project change, a solution-level one as solution change.
 */
export const changeProcess = defineProcess({
  name: "change",
  commandPrefix: "change",
  streamPrefix: "change",
  commandSchema: ChangeCommand,
  catalogue: changeCatalogue,
  decider: changeDecider,
  streamIdOf: (command) => streamIdOfChange(command.changeId),
  gatedProcess: (command, view) => levelGate(command, view),
  facts: ({ context, view }) => right<never, ChangeFacts>({ ...context, ...calendarAndGraph(view) }),
});

function levelGate(command: ChangeCommand, view: EngineView): ControlledProcess {
  const level = command.type === "change.raise" ? command.scope.level : changeStates(view).get(command.changeId)?.scope?.level;
  return level === "project" ? "project_change" : "solution_change";
}

/** The calendar (changes with a window that are scheduled or being implemented), the CI graph and CI types. */
function calendarAndGraph(view: EngineView): Pick<ChangeFacts, "scheduledChanges" | "relationships" | "ciTypes"> {
  const scheduledChanges: ScheduledChangeFact[] = [];
  for (const state of changeStates(view).values()) {
    const coverage = changeCoverage(state);
    if (coverage?.window === undefined || !["scheduled", "implementing"].includes(coverage.status)) continue;
    scheduledChanges.push({ changeId: coverage.changeId, window: coverage.window, ciIds: coverage.ciIds });
  }
  const relationships: CiRelationshipFact[] = [];
  const ciTypes: Record<string, CiType> = {};
  for (const ci of ciStates(view).values()) {
    ciTypes[ci.ciId] = ci.ciType;
    for (const relationship of ci.relationships) relationships.push({ source: ci.ciId, type: relationship.type, target: relationship.targetCiId });
  }
  return { scheduledChanges, relationships, ciTypes };
}
