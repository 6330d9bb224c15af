import { acceptedCommands, lifecycleTable, reachableStates } from "@handover/core";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { incidentDecider } from "./decider.js";
import { EDGE_MINUTE, edges, factsAt, historyTo } from "./fixtures/incident-fixtures.js";
import { INCIDENT_STATUSES, incidentLifecycle, statusAfter, stimulusOfEvent, type IncidentStatus, type IncidentStimulus } from "./lifecycle.js";

const spec = deciderSpec(incidentDecider);
const stimuli = Object.keys(edges) as Exclude<IncidentStimulus, "return_to_new">[];
const row = (status: IncidentStatus): Partial<Record<IncidentStimulus, IncidentStatus>> => incidentLifecycle[status];

describe("the incident lifecycle, edge by edge", () => {
  for (const status of INCIDENT_STATUSES) {
    for (const stimulus of stimuli) {
      const next = row(status)[stimulus];
      const { command, event } = edges[stimulus];
      if (next !== undefined) {
        it(`given an incident ${status}, when ${command.type}, then ${event.type} and it is ${next}`, () => {
          const state = spec.given(historyTo[status]).when(command, factsAt(EDGE_MINUTE)).then([event]);
          expect(state.status).toBe(next);
        });
      } else {
        it(`given an incident ${status}, when ${command.type}, then it is refused naming the state and what it accepts`, () => {
          const accepts = acceptedCommands(incidentLifecycle, status);
          const expected = accepts.length === 0 ? `"${status}" is final` : `"${status}" accepts: ${accepts.join(", ")}`;
          spec.given(historyTo[status]).when(command, factsAt(EDGE_MINUTE)).thenError("invalid_transition", `incident INC-1: cannot "${stimulus}" while "${status}"; ${expected}`);
        });
      }
    }
  }
});

describe("the lifecycle table", () => {
  it("has the issue's shape: new → assigned → in_progress ⇄ on_hold → … resolved → closed, reopen, cancel from new or assigned", () => {
    expect(row("new").assign).toBe("assigned");
    expect(row("assigned").start_work).toBe("in_progress");
    expect(row("in_progress").put_on_hold).toBe("on_hold");
    expect(row("on_hold").resume).toBe("in_progress");
    expect(row("in_progress").resolve).toBe("resolved");
    expect(row("resolved").close).toBe("closed");
    expect(row("resolved").reopen).toBe("in_progress");
    expect(INCIDENT_STATUSES.filter((status) => row(status).cancel === "cancelled")).toEqual(["new", "assigned"]);
    expect(acceptedCommands(incidentLifecycle, "closed")).toEqual([]);
    expect(acceptedCommands(incidentLifecycle, "cancelled")).toEqual([]);
  });

  it("reaches every state from none, and nothing leaves closed or cancelled", () => {
    expect([...reachableStates(incidentLifecycle, "none")].sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect([...reachableStates(incidentLifecycle, "closed")]).toEqual(["closed"]);
  });

  it("never accepts return_to_new: only imported history holds it", () => {
    expect(INCIDENT_STATUSES.filter((status) => row(status).return_to_new !== undefined)).toEqual([]);
  });

  it("prints as a Markdown table for the docs", () => {
    const table = lifecycleTable(incidentLifecycle);
    expect(table).toContain("| resolved | reopen | in_progress |");
    expect(table).toContain("| closed | (final) | |");
  });

  it("is what evolve follows: every accepted edge lands where the table says", () => {
    for (const status of INCIDENT_STATUSES) {
      for (const stimulus of stimuli) {
        const next = row(status)[stimulus];
        const { event } = edges[stimulus];
        expect(stimulusOfEvent(event.type)).toBe(stimulus);
        if (next !== undefined) expect(statusAfter(status, event.type)).toBe(next);
      }
    }
  });

  it("lands refused (imported) events where the event says", () => {
    expect(statusAfter("new", "incident.resolved")).toBe("resolved");
    expect(statusAfter("assigned", "incident.closed")).toBe("closed");
    expect(statusAfter("new", "incident.reassigned")).toBe("assigned");
    expect(statusAfter("in_progress", "incident.returned_to_new")).toBe("new");
    expect(statusAfter("resolved", "incident.work_started")).toBe("in_progress");
    expect(statusAfter("closed", "incident.ci_linked")).toBe("closed");
    expect(statusAfter("on_hold", "incident.source_facts_recorded")).toBe("on_hold");
  });
});
