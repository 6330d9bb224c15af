import { changeCoverage, changeProcess, type ChangeFacts, type ChangeState, type CiRelationshipFact, type ScheduledChangeFact } from "@handover/change";
import type { CiId, CiType } from "@handover/itil";
import type { History } from "../history/history.js";
import { changeTrimming } from "../history/retention.js";
import { updateChange } from "../readiness/update-work.js";
import type { WiringOf } from "./wiring.js";

/** The change calendar (every change with a window that is scheduled or being implemented), the CI graph and the CI types, from the history. */
export function calendarAndGraph(history: History): Pick<ChangeFacts, "scheduledChanges" | "relationships" | "ciTypes"> {
  const scheduledChanges: ScheduledChangeFact[] = [];
  for (const tracked of history.aggregates.of("change").values()) {
    const coverage = changeCoverage(tracked.state as ChangeState);
    if (coverage?.window === undefined || !["scheduled", "implementing"].includes(coverage.status)) continue;
    scheduledChanges.push({ changeId: coverage.changeId, window: coverage.window, ciIds: coverage.ciIds });
  }
  const relationships: CiRelationshipFact[] = [];
  const ciTypes: Record<string, CiType> = {};
  for (const ci of history.cmdb.cis.values()) {
    ciTypes[ci.ciId] = ci.ciType;
    for (const relationship of ci.relationships) relationships.push({ source: ci.ciId as CiId, type: relationship.type, target: relationship.targetCiId });
  }
  return { scheduledChanges, relationships, ciTypes };
}

/** Change management, wired: its decider reads the calendar and the CI graph; its rules read the context alone. */
export const changeWiring: WiringOf<typeof changeProcess> = {
  descriptor: changeProcess,
  deciderFacts: (model, _command, context) => ({ ...context, ...calendarAndGraph(model.history) }),
  ruleFacts: (_model, _event, _state, context) => context,
  readiness: (model, changeId) => updateChange(model, changeId),
  trimming: changeTrimming,
};
