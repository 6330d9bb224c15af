import { describe, expect, it } from "vitest";
import type { ChangeFacts } from "./facts.js";
import { at, C17, C9, ci, cmd, emergencyAuthorised, ev, factsFor, history, people, policyWith, spec, standardAuthorised, window } from "./fixtures/change-fixtures.js";
import type { ScheduleConflict } from "./values.js";

const C9OnDb = { changeId: C9, window: { start: at("23:00"), end: at("23:59") }, ciIds: [ci.db] };
const planner = (overrides: Partial<ChangeFacts> = {}) => factsFor(people.assessor, at("12:00"), overrides);
const busy = planner({ scheduledChanges: [C9OnDb] });
const sameCi: ScheduleConflict = { kind: "overlapping_change", changeId: C9, ciId: ci.db, otherCiId: ci.db, relation: "same_ci", window: C9OnDb.window };

describe("scheduling a change", () => {
  it("puts an authorised change in a free window (authorised → scheduled)", () => {
    const state = spec.given(history.authorised()).when(cmd.schedule(window.start, window.end), planner()).then([ev.scheduled(window.start, window.end)]);
    expect(state).toMatchObject({ status: "scheduled", schedule: { window, ciIds: [ci.db], conflicts: [] } });
  });

  it("schedules the target CIs and the CIs the assessment names as affected", () => {
    const given = [ev.raised(), ev.assessed("low", { affectedCis: [ci.app] }), ev.vote(people.cab1), ev.authorised(people.cab1, [people.cab1])];
    spec.given(given).when(cmd.schedule(window.start, window.end), planner()).then([ev.scheduled(window.start, window.end, { ciIds: [ci.db, ci.app] })]);
  });

  it("refuses a normal change on a conflict, naming it and what would satisfy the rule", () => {
    spec
      .given(history.authorised())
      .when(cmd.schedule(window.start, window.end), busy)
      .thenError(
        "schedule_conflict",
        `change C-17: the window ${window.start} to ${window.end} conflicts: change C-9 changes crm-db too, ${C9OnDb.window.start} to ${C9OnDb.window.end}; choose another window or give an override reason`,
      );
  });

  it("accepts a normal change on a conflict with an override reason, and records both", () => {
    const state = spec
      .given(history.authorised())
      .when(cmd.schedule(window.start, window.end, "C-9 only reads the database"), busy)
      .then([ev.scheduled(window.start, window.end, { conflicts: [sameCi], overrideReason: "C-9 only reads the database" })]);
    expect(state.schedule).toMatchObject({ conflicts: [sameCi], overrideReason: "C-9 only reads the database" });
  });

  it("refuses a standard change on a conflict unless overridden", () => {
    spec.given(standardAuthorised()).when(cmd.schedule(window.start, window.end), busy).thenError("schedule_conflict", "change C-9 changes crm-db too");
    spec.given(standardAuthorised()).when(cmd.schedule(window.start, window.end, "agreed with C-9's owner"), busy).then([
      ev.scheduled(window.start, window.end, { conflicts: [sameCi], overrideReason: "agreed with C-9's owner" }),
    ]);
  });

  it("records an emergency's conflicts and proceeds without an override", () => {
    spec.given(emergencyAuthorised()).when(cmd.schedule(window.start, window.end), busy).then([ev.scheduled(window.start, window.end, { conflicts: [sameCi] })]);
  });

  it("refuses a window in a change freeze and one outside the CI's maintenance windows", () => {
    const freeze = { start: at("00:00"), end: at("00:00", 9), reason: "quarter-end freeze" };
    const frozen = planner({ policy: policyWith({ blackouts: [freeze] }) });
    spec.given(history.authorised()).when(cmd.schedule(window.start, window.end), frozen).thenError("schedule_conflict", 'the window falls in the change freeze "quarter-end freeze"');
    const maintenance = planner({ policy: policyWith({ maintenanceWindows: { [ci.db]: [{ days: [0], start: "22:00", end: "04:00" }] } }) });
    spec.given(history.authorised()).when(cmd.schedule(window.start, window.end), maintenance).thenError("schedule_conflict", "outside the maintenance windows of crm-db");
    const monday = planner({ policy: policyWith({ maintenanceWindows: { [ci.db]: [{ days: [1], start: "22:00", end: "02:00" }] } }) });
    spec.given(history.authorised()).when(cmd.schedule(window.start, window.end), monday).then([ev.scheduled(window.start, window.end)]);
  });

  it("reschedules a scheduled change, ignoring its own old slot on the calendar (scheduled → scheduled)", () => {
    const ownSlot = { changeId: C17, window, ciIds: [ci.db] };
    const later = { start: at("22:00", 3), end: at("23:00", 3) };
    const state = spec
      .given(history.scheduled())
      .when(cmd.schedule(later.start, later.end), planner({ scheduledChanges: [ownSlot] }))
      .then([ev.scheduled(later.start, later.end)]);
    expect(state.schedule?.window).toEqual(later);
  });

  it("checks only the freeze for a project-level change, which names no CIs", () => {
    const given = [ev.raised({ scope: { level: "project", target: { kind: "scope_item", id: "SCOPE-4" } } }), ...history.authorised().slice(1)];
    spec.given(given).when(cmd.schedule(window.start, window.end), busy).then([ev.scheduled(window.start, window.end, { ciIds: [] })]);
  });

  it("is refused before authorisation and after implementation started", () => {
    spec.given(history.raised()).when(cmd.schedule(window.start, window.end), planner()).thenError("invalid_transition", '"raised" accepts: assess, cancel');
    spec.given(history.implementing()).when(cmd.schedule(window.start, window.end), planner()).thenError("invalid_transition", '"implementing" accepts: complete');
  });
});

describe("starting implementation", () => {
  it("starts a scheduled change inside its window (scheduled → implementing)", () => {
    const state = spec.given(history.scheduled()).when(cmd.start(), factsFor(people.developer, at("22:00"))).then([ev.started(at("22:00"))]);
    expect(state).toMatchObject({ status: "implementing", implementation: { startedAt: at("22:00"), startedBy: people.developer } });
    spec.given(history.scheduled()).when(cmd.start(), factsFor(people.developer, window.end)).then([ev.started(window.end)]);
  });

  it("refuses to start a scheduled change outside its window", () => {
    spec
      .given(history.scheduled())
      .when(cmd.start(), factsFor(people.developer, at("21:59")))
      .thenError("outside_schedule_window", `change C-17: implementation starts inside its window ${window.start} to ${window.end}, not at ${at("21:59")}; start inside the window or reschedule`);
    spec.given(history.scheduled()).when(cmd.start(), factsFor(people.developer, at("23:31"))).thenError("outside_schedule_window");
  });

  it("lets a scheduled emergency start at once, before its window", () => {
    spec.given([...emergencyAuthorised(), ev.scheduled(window.start, window.end)]).when(cmd.start(), factsFor(people.developer, at("12:30"))).then([ev.started(at("12:30"))]);
  });
});
