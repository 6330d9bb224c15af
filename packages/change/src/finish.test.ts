import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "./events.js";
import { at, C17, cmd, emergencyAuthorised, ev, factsFor, history, people, spec, standardAuthorised } from "./fixtures/change-fixtures.js";

const cancelled = (when = at("13:00")): ChangeEvent => ({ type: "change.cancelled", data: { changeId: C17, at: when, by: people.requester, reason: "no longer needed" } });

describe("implementation, review and closing", () => {
  it("records each implementation outcome (implementing → implemented)", () => {
    for (const outcome of ["successful", "failed", "backed_out"] as const) {
      const state = spec.given(history.implementing()).when(cmd.complete(outcome), factsFor(people.developer, at("23:00"))).then([ev.implemented(outcome)]);
      expect(state).toMatchObject({ status: "implemented", implementation: { startedAt: at("22:00"), completedAt: at("23:00"), outcome } });
    }
  });

  it("keeps the implementer's notes", () => {
    spec
      .given(history.implementing())
      .when({ ...cmd.complete("backed_out"), notes: "replication lag; restored the snapshot" }, factsFor(people.developer, at("23:00")))
      .then([{ type: "change.implemented", data: { changeId: C17, at: at("23:00"), by: people.developer, outcome: "backed_out", notes: "replication lag; restored the snapshot" } }]);
  });

  it("records the post-implementation review (implemented → reviewed)", () => {
    const state = spec.given(history.implemented()).when(cmd.review(), factsFor(people.assessor, at("10:00", 3))).then([ev.reviewed()]);
    expect(state.review).toEqual({ result: "successful", lessons: "take the snapshot earlier", at: at("10:00", 3), by: people.assessor });
  });

  it("refuses to close before the post-implementation review", () => {
    spec.given(history.implemented()).when(cmd.close(), factsFor(people.assessor)).thenError("invalid_transition", 'change C-17: cannot "close" while "implemented" (normal change); "implemented" accepts: review');
  });

  it("closes a reviewed change (reviewed → closed), after which the change is final", () => {
    const state = spec.given(history.reviewed()).when(cmd.close(), factsFor(people.assessor, at("11:00", 3))).then(history.closed().slice(-1));
    expect(state).toMatchObject({ status: "closed", closedAt: at("11:00", 3) });
    spec.given(history.closed()).when(cmd.cancel(), factsFor(people.requester)).thenError("invalid_transition", '"closed" is final');
  });
});

describe("cancelling a change", () => {
  const before: [string, ChangeEvent[]][] = [
    ["raised", history.raised()],
    ["assessed", history.assessed()],
    ["rejected", history.rejected()],
    ["authorised", history.authorised()],
    ["scheduled", history.scheduled()],
    ["authorised (standard)", standardAuthorised()],
    ["scheduled (standard)", [...standardAuthorised(), ev.scheduled(at("22:00"), at("23:00"))]],
    ["authorised (emergency)", emergencyAuthorised()],
  ];

  it.each(before)("cancels a change that is %s (→ cancelled)", (_status, given) => {
    const state = spec.given(given).when(cmd.cancel(), factsFor(people.requester, at("13:00"))).then([cancelled()]);
    expect(state).toMatchObject({ status: "cancelled", cancellation: { reason: "no longer needed", by: people.requester } });
  });

  it("refuses to cancel once implementation started", () => {
    spec.given(history.implementing()).when(cmd.cancel(), factsFor(people.requester)).thenError("invalid_transition", '"implementing" accepts: complete');
    spec.given(history.implemented()).when(cmd.cancel(), factsFor(people.requester)).thenError("invalid_transition");
    spec.given([...emergencyAuthorised(), ev.started(at("11:30"))]).when(cmd.cancel(), factsFor(people.requester)).thenError("invalid_transition", '"implementing" accepts: vote, answer, complete');
  });

  it("is final", () => {
    spec.given(history.cancelled()).when(cmd.revise(), factsFor(people.requester)).thenError("invalid_transition", '"cancelled" is final');
  });
});
