import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { problemDecider } from "./decider.js";
import { command, factsAt, history, historyTo, on } from "./fixtures/problem-fixtures.js";

const spec = deciderSpec(problemDecider);

describe("known errors", () => {
  it("are recorded only with a workaround", () => {
    spec
      .given(historyTo.root_cause_identified)
      .when(command("problem.record_known_error", { symptom: "mail lost", workaround: "   ", ciIds: [] }), factsAt(20))
      .thenError("workaround_required", "problem PRB-1: becomes a known error only with a workaround");
  });

  it("carry the symptom, the root cause identified before (or a new one), the workaround and the affected CIs", () => {
    const state = spec
      .given(historyTo.root_cause_identified)
      .when(command("problem.record_known_error", { symptom: "mail lost", rootCause: "disk full", workaround: " purge queue ", ciIds: ["mail-relay", "mail-relay", "dns"] }), factsAt(20))
      .then([{ type: "problem.known_error_recorded", data: { ...on(20), symptom: "mail lost", rootCause: "disk full", workaround: "purge queue", ciIds: ["mail-relay", "dns"] } } as never]);
    expect(state.knownError).toMatchObject({ rootCause: "disk full", workaround: "purge queue", ciIds: ["mail-relay", "dns"] });
    expect(state.ciIds).toEqual(["mail-relay", "dns"]);
  });
});

describe("closing", () => {
  it("as a duplicate names another problem", () => {
    spec.given(historyTo.logged).when(command("problem.close", { code: "duplicate" }), factsAt(3)).thenError("duplicate_of_required");
    spec.given(historyTo.logged).when(command("problem.close", { code: "duplicate", duplicateOf: "PRB-1" }), factsAt(3)).thenError("duplicate_of_required");
  });

  it("keeps the change that resolved the problem", () => {
    const state = spec.given(historyTo.resolved).when(command("problem.close", { code: "fix_applied", notes: "no more lost mail" }), factsAt(30)).then([
      { type: "problem.closed", data: { ...on(30), code: "fix_applied", notes: "no more lost mail" } },
    ]);
    expect(state).toMatchObject({ status: "closed", resolvedBy: "C-17", closure: { code: "fix_applied", duplicateOf: null } });
  });
});

describe("linked incidents", () => {
  it("are linked once each, in any open state", () => {
    const given = [history.logged(), { type: "problem.incident_linked", data: { ...on(2), incidentId: "INC-9" } } as never];
    spec.given(given).when(command("problem.link_incident", { incidentId: "INC-9" }), factsAt(3)).thenNothing();
    const state = spec.given(given).when(command("problem.link_incident", { incidentId: "INC-10" }), factsAt(3)).then([
      { type: "problem.incident_linked", data: { ...on(3), incidentId: "INC-10" } } as never,
    ]);
    expect(state.incidentIds).toEqual(["INC-9", "INC-10"]);
  });
});

describe("time", () => {
  it("refuses a command dated before the problem's latest event", () => {
    spec.given(historyTo.under_investigation).when(command("problem.identify_root_cause", { rootCause: "x" }), factsAt(1)).thenError("time_runs_backwards");
  });
});
