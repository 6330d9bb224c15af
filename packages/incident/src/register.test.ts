import { describe, expect, it } from "vitest";
import type { IncidentEvent } from "./events.js";
import { history, minute, on } from "./fixtures/incident-fixtures.js";
import { incidentRegister } from "./register.js";

const other = (incidentId: string, offset: number) => ({ ...on(offset), incidentId }) as ReturnType<typeof on>;
const source = { system: "servicenow", line: 7, revision: 3, priority: 4, madeSla: false, openedAt: minute(-10), resolvedAt: minute(41), closedAt: null };

describe("incidentRegister", () => {
  it("gives one entry per incident, in order of first appearance, from its events alone", () => {
    const events: IncidentEvent[] = [
      { type: "incident.logged", data: { ...other("INC-2", 0), impact: 1, urgency: 1, priority: 1, major: true } },
      history.logged(1),
      history.assigned(5),
      { type: "incident.change_linked", data: { ...on(6), changeId: "C-9", relation: "caused_by" } } as IncidentEvent,
      { type: "incident.change_linked", data: { ...on(6), changeId: "C-9", relation: "resolved_by" } } as IncidentEvent,
      { type: "incident.problem_linked", data: { ...on(7), problemId: "PRB-1" } } as IncidentEvent,
      history.workStarted(10),
      history.reassigned(11),
      history.resolved(40),
      history.reopened(50),
      history.resolved(60),
      history.closed(70),
    ];
    const [first, second] = incidentRegister(events);
    expect(first).toMatchObject({ number: "INC-2", state: "new", priority: 1, madeSla: false, openedAt: minute(0), resolvedAt: null, closedAt: null });
    expect(second).toEqual({
      number: "INC-1",
      state: "closed",
      impact: 2,
      urgency: 2,
      priority: 3,
      reopenCount: 1,
      reassignmentCount: 1,
      madeSla: true,
      openedAt: minute(1),
      resolvedAt: minute(60),
      closedAt: minute(70),
      problemIds: ["PRB-1"],
      changeIds: ["C-9"],
      ciIds: [],
    });
  });

  it("judges our own SLA as of the latest event, or as of a given time", () => {
    const events = [history.logged(0, 1, 1, 1), history.assigned(5), history.workStarted(6)];
    expect(incidentRegister(events)[0]?.madeSla).toBe(true);
    expect(incidentRegister(events, { asOf: minute(300) })[0]?.madeSla).toBe(false);
  });

  it("takes an imported incident's priority, SLA verdict and times from its source, as the source recorded them last", () => {
    const events: IncidentEvent[] = [
      { type: "incident.logged", data: { ...on(0), impact: 3, urgency: 3, priority: 5, major: false, source: { ...source, madeSla: true } } },
      { type: "incident.resolved", data: { ...on(40), resolutionCode: "code 6", resolutionNotes: "", source: { ...source, deviation: "…" } } },
      { type: "incident.source_facts_recorded", data: { ...on(45), source } },
    ];
    expect(incidentRegister(events)[0]).toMatchObject({ state: "resolved", priority: 4, madeSla: false, openedAt: minute(-10), resolvedAt: minute(41), closedAt: null });
  });

  it("skips other processes' events and reads an async log", async () => {
    async function* log() {
      yield { type: "change.raised", data: { changeId: "C-1" } };
      yield history.logged(0);
    }
    expect((await incidentRegister(log())).map((entry) => entry.number)).toEqual(["INC-1"]);
  });
});
