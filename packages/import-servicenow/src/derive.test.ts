import { incidentRegister, type IncidentEvent } from "@handover/incident";
import { describe, expect, it } from "vitest";
import { csvOf, updates, type Row } from "./fixtures/csv-builder.js";
import { importServiceNow, type ServiceNowImport } from "./index.js";

function run(rows: readonly Row[]): ServiceNowImport {
  const result = importServiceNow(csvOf(rows), { source: "test.csv", recordedAt: "2026-06-01T00:00:00.000Z" });
  if (result._tag === "Left") throw new Error(result.left.message);
  return result.right;
}
const typesOf = (imported: ServiceNowImport) => imported.events.map((event) => event.type);
const only = (imported: ServiceNowImport) => incidentRegister(imported.events)[0];

describe("deriving events from snapshots", () => {
  it("logs on the first row and follows the lifecycle without deviations", () => {
    const imported = run(
      updates("INC1", [
        { incident_state: "New" },
        { incident_state: "New", assignment_group: "Group 1" },
        { incident_state: "Active", assignment_group: "Group 1", assigned_to: "Resolver 1" },
        { incident_state: "Awaiting Vendor", assignment_group: "Group 1", assigned_to: "Resolver 1" },
        { incident_state: "Active", assignment_group: "Group 1", assigned_to: "Resolver 1" },
        { incident_state: "Resolved", assignment_group: "Group 1", assigned_to: "Resolver 1", closed_code: "code 6" },
        { incident_state: "Closed", assignment_group: "Group 1", assigned_to: "Resolver 1", closed_code: "code 6", active: "FALSE" },
      ]),
    );
    expect(typesOf(imported)).toEqual([
      "incident.logged",
      "incident.assigned",
      "incident.assigned",
      "incident.work_started",
      "incident.put_on_hold",
      "incident.resumed",
      "incident.resolved",
      "incident.closed",
    ]);
    expect(imported.events[4]?.data).toMatchObject({ reason: "awaiting_vendor" });
    expect(imported.events[6]?.data).toMatchObject({ resolutionCode: "code 6", resolutionNotes: "" });
    expect(imported.events.map((event) => event.data.by)).toEqual(Array(8).fill("Updated by 1"));
    expect(imported.summary).toMatchObject({ lifecycleDeviations: 0, priorityDeviations: 0, events: 8 });
    expect(only(imported)).toMatchObject({ state: "closed", reassignmentCount: 0 });
  });

  it.each([
    ["Awaiting User Info", "awaiting_caller"],
    ["Awaiting Problem", "awaiting_problem"],
    ["Awaiting Vendor", "awaiting_vendor"],
    ["Awaiting Evidence", "awaiting_evidence"],
  ])("maps %s onto on hold, %s", (state, reason) => {
    const imported = run(updates("INC1", [{ incident_state: "Active", assignment_group: "G" }, { incident_state: state, assignment_group: "G" }]));
    expect(imported.events.at(-1)).toMatchObject({ type: "incident.put_on_hold", data: { reason } });
  });

  it("imports a jump our lifecycle refuses (New → Resolved) as a fact, and reports it", () => {
    const imported = run(updates("INC1", [{ incident_state: "New" }, { incident_state: "Resolved" }]));
    expect(typesOf(imported)).toEqual(["incident.logged", "incident.resolved"]);
    expect(imported.lifecycleDeviations).toEqual([
      { number: "INC1", line: 3, eventType: "incident.resolved", from: "new", message: expect.stringContaining('incident INC1: cannot "resolve" while "new"') },
    ]);
    expect(imported.events[1]?.data.source?.deviation).toContain('cannot "resolve" while "new"');
    expect(only(imported)?.state).toBe("resolved");
  });

  it("counts a rise in reassignment_count as that many reassignments, and a group change without it as an assignment", () => {
    const imported = run(
      updates("INC1", [
        { incident_state: "Active", assignment_group: "G1" },
        { incident_state: "Active", assignment_group: "G2", reassignment_count: "2" },
        { incident_state: "Active", assignment_group: "G3", reassignment_count: "2" },
      ]),
    );
    expect(typesOf(imported)).toEqual(["incident.logged", "incident.assigned", "incident.work_started", "incident.reassigned", "incident.reassigned", "incident.assigned"]);
    expect(only(imported)).toMatchObject({ reassignmentCount: 2 });
  });

  it("never lets counts fall on a stale snapshot, and ends at the source's count", () => {
    const imported = run(
      updates("INC1", [
        { incident_state: "Active", assignment_group: "G2", reassignment_count: "1" },
        { incident_state: "New", assignment_group: "G1", reassignment_count: "0" },
        { incident_state: "Active", assignment_group: "G2", reassignment_count: "1" },
      ]),
    );
    expect(only(imported)).toMatchObject({ reassignmentCount: 1, state: "in_progress" });
    expect(typesOf(imported)).toContain("incident.returned_to_new");
  });

  it("counts a rise in reopen_count as a reopen; Resolved → Active without it is a reported deviation", () => {
    const reopened = run(updates("INC1", [{ incident_state: "Active", assignment_group: "G" }, { incident_state: "Resolved", assignment_group: "G" }, { incident_state: "Active", assignment_group: "G", reopen_count: "1" }]));
    expect(typesOf(reopened).slice(-2)).toEqual(["incident.resolved", "incident.reopened"]);
    expect(reopened.summary.lifecycleDeviations).toBe(0);
    expect(only(reopened)?.reopenCount).toBe(1);
    const uncounted = run(updates("INC1", [{ incident_state: "Active", assignment_group: "G" }, { incident_state: "Resolved", assignment_group: "G" }, { incident_state: "Active", assignment_group: "G" }]));
    expect(uncounted.lifecycleDeviations.map((deviation) => deviation.message)).toEqual([expect.stringContaining('cannot "start_work" while "resolved"')]);
    expect(only(uncounted)?.reopenCount).toBe(0);
  });

  it("links the problem, the changes (rfc resolves, caused_by caused) and the CI, once each, verbatim", () => {
    const imported = run(
      updates("INC1", [
        { problem_id: "Problem ID  2", cmdb_ci: "CI 9" },
        { problem_id: "Problem ID  2", rfc: "CHG0000132", caused_by: "CHG0000132", cmdb_ci: "CI 9" },
      ]),
    );
    const links = imported.events.filter((event) => event.type.endsWith("_linked")).map((event) => event.data as Record<string, unknown>);
    expect(links).toEqual([
      expect.objectContaining({ problemId: "Problem ID  2" }),
      expect.objectContaining({ ciId: "CI 9" }),
      expect.objectContaining({ changeId: "CHG0000132", relation: "resolved_by" }),
      expect.objectContaining({ changeId: "CHG0000132", relation: "caused_by" }),
    ]);
    expect(only(imported)).toMatchObject({ problemIds: ["Problem ID  2"], changeIds: ["CHG0000132"], ciIds: ["CI 9"] });
  });

  it("reprioritises on an impact or urgency change, and reports rows whose priority differs from the matrix", () => {
    const imported = run(updates("INC1", [{}, { impact: "3 - Low", urgency: "3 - Low", priority: "4 - Low" }]));
    expect(imported.events[1]).toMatchObject({ type: "incident.reprioritised", data: { impact: 3, urgency: 3, priority: 5, source: { priority: 4 } } });
    expect(imported.priorityDeviations).toEqual([{ number: "INC1", line: 3, impact: 3, urgency: 3, sourcePriority: 4, matrixPriority: 5 }]);
    expect(only(imported)?.priority).toBe(4);
  });

  it("records a change of the source's own verdict that changes nothing else", () => {
    const imported = run(updates("INC1", [{}, { made_sla: "FALSE" }, { made_sla: "FALSE" }]));
    expect(typesOf(imported)).toEqual(["incident.logged", "incident.source_facts_recorded"]);
    expect(only(imported)?.madeSla).toBe(false);
  });

  it("drops exact duplicate rows and counts them; orders by sys_mod_count, then sys_updated_at, then file order", () => {
    const rows = updates("INC1", [{ incident_state: "New" }, { incident_state: "Active", assignment_group: "G" }, { incident_state: "Resolved", assignment_group: "G" }]);
    const [logged, active, resolved] = rows as [Row, Row, Row];
    const imported = run([resolved, logged, active, active, { ...active, sys_updated_at: "01-03-2016 08:59", assignment_group: "G0" }]);
    expect(imported.summary).toMatchObject({ rows: 5, duplicateRows: 1, outOfOrderRows: 2 });
    expect(imported.events.map((event) => event.data.source?.line)).toEqual([3, 6, 6, 4, 2]);
    expect(only(imported)).toMatchObject({ state: "resolved" });
  });

  it("keeps each incident's events in its own order in one log ordered by time", () => {
    const imported = run([
      ...updates("INC1", [{ sys_updated_at: "01-03-2016 10:00" }, { incident_state: "Active", assignment_group: "G", sys_updated_at: "01-03-2016 12:00" }]),
      ...updates("INC2", [{ sys_updated_at: "01-03-2016 11:00" }]),
    ]);
    expect(imported.events.map((event) => [event.streamId, event.position, event.version])).toEqual([
      ["incident-INC1", 1, 1],
      ["incident-INC2", 2, 1],
      ["incident-INC1", 3, 2],
      ["incident-INC1", 4, 3],
    ]);
    expect((imported.events as readonly IncidentEvent[]).length).toBe(imported.summary.events);
  });
});
