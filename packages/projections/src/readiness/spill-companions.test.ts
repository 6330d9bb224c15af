import { createInMemorySpillStore, type RecordedEvent } from "@handover/core";
import { describe, expect, it } from "vitest";
import { auditReplay } from "../audit/audit-replay.js";
import { countingSpill } from "../fixtures/counting-spill.js";
import { startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, t, type Scenario } from "../fixtures/scenario.js";

/** The readiness verdict on open incidents without a workaround, and its offenders' evidence, at the end of a replay with or without spilling every finished item at once. */
function workaroundCheck(log: readonly RecordedEvent[], spilling: boolean) {
  const spill = createInMemorySpillStore();
  const { view } = auditReplay(log, "crm", spilling ? { spill, spillKeepsRecent: 0 } : {});
  return { check: view.readiness.checks.find((check) => check.name === "incident_workarounds"), spilled: spill.size() };
}

/** Appends an event as imported history holds it: a copy of one of the log's events, changed. */
function recordAgain(s: Scenario, event: RecordedEvent, changes: Partial<RecordedEvent> & { readonly data?: unknown }, at: string): void {
  s.record({ streamId: changes.streamId ?? event.streamId, type: event.type, data: changes.data ?? event.data, meta: { ...event.meta, occurredAt: at } });
}

/** The workaround check passes on the log, and says the same when every finished item was spilled (some were). */
function expectWorkaroundPassesSpilled(log: readonly RecordedEvent[]): void {
  const kept = workaroundCheck(log, false);
  expect(kept.check?.status).toBe("pass");
  const spilled = workaroundCheck(log, true);
  expect(spilled.spilled).toBeGreaterThan(0);
  expect(spilled.check).toEqual(kept.check);
}

/** INC1 assigned, worked, resolved with a workaround, and (when `reopened`) reopened and resolved again, then closed at 15:00 on day 2. */
function workAndCloseIncident(s: Scenario, reopened: boolean): void {
  s.incident(people.desk, t(2, "12:00"), { type: "incident.assign", incidentId: "INC1", group: "crm" });
  s.incident(people.desk, t(2, "12:10"), { type: "incident.start_work", incidentId: "INC1" });
  s.incident(people.desk, t(2, "13:00"), { type: "incident.resolve", incidentId: "INC1", resolutionCode: "workaround", resolutionNotes: "n" });
  if (reopened) {
    s.incident(people.desk, t(2, "13:30"), { type: "incident.reopen", incidentId: "INC1", reason: "again" });
    s.incident(people.desk, t(2, "14:00"), { type: "incident.resolve", incidentId: "INC1", resolutionCode: "workaround", resolutionNotes: "n" });
  }
  s.incident(people.desk, t(2, "15:00"), { type: "incident.close", incidentId: "INC1" });
}

const eventOf = (s: Scenario, type: string, problemId?: string) => s.log().find((event) => event.type === type && (problemId === undefined || (event.data as { problemId?: string }).problemId === problemId)) as RecordedEvent;

describe("readiness's entries of spilled work items", () => {
  it("an incident's links to problems leave with the incident and come back with it: reopened past its close, it still has its problem's workaround", () => {
    const s = createScenario();
    startCrm(s);
    s.incident(people.desk, t(2, "09:00"), { type: "incident.log", incidentId: "INC1", title: "slow search", impact: 2, urgency: 2 });
    s.problem(people.pbm, t(2, "10:00"), { type: "problem.log", problemId: "PRB1", title: "slow search", ciIds: [] });
    s.incident(people.desk, t(2, "10:05"), { type: "incident.link_problem", incidentId: "INC1", problemId: "PRB1" });
    s.problem(people.pbm, t(2, "11:00"), { type: "problem.record_known_error", problemId: "PRB1", symptom: "slow", workaround: "search by number", ciIds: [] });
    workAndCloseIncident(s, true);
    // Imported history past the close: the incident reopened again; its problem's workaround still holds.
    recordAgain(s, eventOf(s, "incident.reopened"), {}, t(3));
    expectWorkaroundPassesSpilled(s.log());
  });

  it("a problem's links to incidents leave with the problem and come back with it: a known error recorded past its close gives its open incident the workaround", () => {
    const s = createScenario();
    startCrm(s);
    s.incident(people.desk, t(2, "09:00"), { type: "incident.log", incidentId: "INC1", title: "slow search", impact: 2, urgency: 2 });
    s.problem(people.pbm, t(2, "10:00"), { type: "problem.log", problemId: "PRB1", title: "slow search", ciIds: [] });
    s.problem(people.pbm, t(2, "10:05"), { type: "problem.link_incident", problemId: "PRB1", incidentId: "INC1" });
    s.problem(people.pbm, t(2, "10:30"), { type: "problem.log", problemId: "PRB2", title: "slow search, again", ciIds: [] });
    s.problem(people.pbm, t(2, "10:40"), { type: "problem.close", problemId: "PRB1", code: "duplicate", duplicateOf: "PRB2" });
    s.problem(people.pbm, t(2, "11:00"), { type: "problem.record_known_error", problemId: "PRB2", symptom: "slow", workaround: "search by number", ciIds: [] });
    // Imported history past PRB1's close: its known error, as PRB2's was recorded.
    const known = eventOf(s, "problem.known_error_recorded", "PRB2");
    recordAgain(s, known, { streamId: eventOf(s, "problem.logged", "PRB1").streamId, data: { ...(known.data as object), problemId: "PRB1" } }, t(3));
    expectWorkaroundPassesSpilled(s.log());
  });

  it("links made while an item was read back go out with it again: a problem linked to a closed incident gives it the workaround when it reopens", () => {
    const s = createScenario();
    startCrm(s);
    s.incident(people.desk, t(2, "09:00"), { type: "incident.log", incidentId: "INC1", title: "slow search", impact: 2, urgency: 2 });
    workAndCloseIncident(s, true);
    // After the close, a problem links the incident (made while it is spilled, the link waits for it: it is merged in when the incident is read back), then records a known error.
    s.problem(people.pbm, t(3, "10:00"), { type: "problem.log", problemId: "PRB1", title: "slow search", ciIds: [] });
    s.problem(people.pbm, t(3, "10:05"), { type: "problem.link_incident", problemId: "PRB1", incidentId: "INC1" });
    s.problem(people.pbm, t(3, "11:00"), { type: "problem.record_known_error", problemId: "PRB1", symptom: "slow", workaround: "search by number", ciIds: [] });
    recordAgain(s, eventOf(s, "incident.reopened"), {}, t(4));
    expectWorkaroundPassesSpilled(s.log());
  });

  it("a problem's events leave the closed incidents linked to it in the spill: only open incidents can gain or lose a workaround by them", () => {
    const s = createScenario();
    startCrm(s);
    s.incident(people.desk, t(2, "09:00"), { type: "incident.log", incidentId: "INC1", title: "slow search", impact: 2, urgency: 2 });
    s.problem(people.pbm, t(2, "10:00"), { type: "problem.log", problemId: "PRB1", title: "slow search", ciIds: [] });
    s.problem(people.pbm, t(2, "10:05"), { type: "problem.link_incident", problemId: "PRB1", incidentId: "INC1" });
    workAndCloseIncident(s, false);
    const closed = s.log().length;
    s.problem(people.pbm, t(3, "10:00"), { type: "problem.investigate", problemId: "PRB1", investigator: people.pbm });
    s.problem(people.pbm, t(3, "11:00"), { type: "problem.identify_root_cause", problemId: "PRB1", rootCause: "an index dropped" });
    s.problem(people.pbm, t(3, "12:00"), { type: "problem.record_known_error", problemId: "PRB1", symptom: "slow", workaround: "search by number", ciIds: [] });
    const readBack = (log: readonly RecordedEvent[]) => {
      const spill = countingSpill();
      auditReplay(log, "crm", { spill, spillKeepsRecent: 0 });
      return spill.counts.readBackOf.get("incident:INC1") ?? 0;
    };
    expect(s.log().length).toBe(closed + 3);
    // Three problem events after the incident was spilled read it back no more often than the log without them does.
    expect(readBack(s.log())).toBe(readBack(s.log().slice(0, closed)));
    // And the view is the one a replay that keeps every item answers.
    expect(auditReplay(s.log(), "crm", { spill: countingSpill(), spillKeepsRecent: 0 })).toEqual(auditReplay(s.log(), "crm"));
  });
});
