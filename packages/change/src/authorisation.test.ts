import { describe, expect, it } from "vitest";
import { fold } from "@handover/core";
import { awaitsRetrospectiveReview, changeAuthorises, changeCoverage, isAuthorisationInForce, isChangeAuthorised } from "./authorisation.js";
import { changeDecider } from "./decide.js";
import type { ChangeEvent } from "./events.js";
import { at, C17, ci, emergencyAuthorised, ev, history, people, window } from "./fixtures/change-fixtures.js";

const stateOf = (events: readonly ChangeEvent[]) => fold(changeDecider, events);
const cancelled: ChangeEvent = { type: "change.cancelled", data: { changeId: C17, at: at("13:00"), by: people.requester, reason: "no longer needed" } };

describe("what a change authorises", () => {
  it("is authorised once authorised, until cancelled; a closed change was authorised", () => {
    expect(["raised", "assessed", "rejected"].map((status) => isChangeAuthorised(stateOf(history[status as "raised"]())))).toEqual([false, false, false]);
    expect(["authorised", "scheduled", "implementing", "closed"].map((status) => isChangeAuthorised(stateOf(history[status as "raised"]())))).toEqual([true, true, true, true]);
    expect(isChangeAuthorised(stateOf([...history.scheduled(), cancelled]))).toBe(false);
    expect(isChangeAuthorised(stateOf([...history.rejected(), ev.revised()]))).toBe(false);
  });

  it("holds its authorisation in force from authorised to implemented, not once reviewed", () => {
    const inForce = (["authorised", "scheduled", "implementing", "implemented", "reviewed", "closed"] as const).map((status) => isAuthorisationInForce(stateOf(history[status]())));
    expect(inForce).toEqual([true, true, true, true, false, false]);
  });

  it("covers its target CIs and the assessment's affected CIs, with its window once scheduled", () => {
    expect(changeCoverage(stateOf([]))).toBeUndefined();
    const assessed = [ev.raised(), ev.assessed("low", { affectedCis: [ci.app, ci.db] })];
    expect(changeCoverage(stateOf(assessed))).toEqual({ changeId: C17, changeType: "normal", status: "assessed", authorised: false, ciIds: [ci.db, ci.app] });
    expect(changeCoverage(stateOf(history.scheduled()))).toEqual({ changeId: C17, changeType: "normal", status: "scheduled", authorised: true, ciIds: [ci.db], window });
  });

  it("authorises changing a covered CI inside the window of a scheduled change, and nothing else", () => {
    const scheduled = stateOf(history.scheduled());
    expect(changeAuthorises(scheduled, ci.db, at("22:30"))).toBe(true);
    expect(changeAuthorises(scheduled, ci.db, window.end)).toBe(true);
    expect(changeAuthorises(scheduled, ci.db, at("21:00"))).toBe(false);
    expect(changeAuthorises(scheduled, ci.app, at("22:30"))).toBe(false);
    expect(changeAuthorises(stateOf(history.authorised()), ci.db, at("22:30"))).toBe(false);
    expect(changeAuthorises(stateOf(history.reviewed()), ci.db, at("22:30"))).toBe(false);
    expect(changeAuthorises(stateOf(history.assessed()), ci.db, at("22:30"))).toBe(false);
  });

  it("lets an unscheduled emergency authorise its CIs from its authorisation on", () => {
    const emergency = stateOf([...emergencyAuthorised(), ev.started(at("11:30"))]);
    expect(changeAuthorises(emergency, ci.db, at("11:30"))).toBe(true);
    expect(changeAuthorises(emergency, ci.db, at("10:59"))).toBe(false);
  });

  it("tells which emergency changes still await their retrospective review", () => {
    expect(awaitsRetrospectiveReview(stateOf(emergencyAuthorised()))).toBe(true);
    expect(awaitsRetrospectiveReview(stateOf([...emergencyAuthorised(), ev.retrospective("endorsed", [people.cab1, people.cab2])]))).toBe(false);
    expect(awaitsRetrospectiveReview(stateOf(history.authorised()))).toBe(false);
    expect(awaitsRetrospectiveReview(stateOf([...emergencyAuthorised(), cancelled]))).toBe(false);
  });
});
