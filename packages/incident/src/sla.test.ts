import { defaultSlaPolicy } from "@handover/itil";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { incidentDecider } from "./decider.js";
import type { IncidentEvent } from "./events.js";
import { history, minute, on } from "./fixtures/incident-fixtures.js";
import { slaStatus } from "./sla.js";

const stateOf = (events: readonly IncidentEvent[]) =>
  produce(incidentDecider.initialState, (draft) => {
    for (const event of events) incidentDecider.evolve(draft, event);
  });

describe("slaStatus", () => {
  it("measures time to own and time to resolve minus the pause on hold", () => {
    const state = stateOf([history.logged(), history.assigned(5), history.workStarted(10), history.onHold(20), history.resumed(30), history.resolved(40)]);
    const sla = slaStatus(state, defaultSlaPolicy, minute(999));
    expect(sla.response).toEqual({ targetMinutes: 240, elapsedMinutes: 5, stopped: true, breached: false });
    expect(sla.resolution).toMatchObject({ targetMinutes: 1440, elapsedMinutes: 30, pausedMinutes: 10, stopped: true, paused: false, breached: false });
  });

  it("keeps the clock running on hold for a reason the policy does not pause for", () => {
    const state = stateOf([history.logged(), history.assigned(5), history.workStarted(10), history.onHold(20), history.resumed(30), history.resolved(40)]);
    const sla = slaStatus(state, { ...defaultSlaPolicy, pausingReasons: ["awaiting_vendor"] }, minute(999));
    expect(sla.resolution).toMatchObject({ elapsedMinutes: 40, pausedMinutes: 0 });
  });

  it("reads open clocks as of now, and says when the clock stands still", () => {
    const state = stateOf([history.logged(), history.assigned(5), history.workStarted(10), history.onHold(20)]);
    const sla = slaStatus(state, defaultSlaPolicy, minute(100));
    expect(sla.resolution).toMatchObject({ elapsedMinutes: 20, pausedMinutes: 80, paused: true, stopped: false });
  });

  it("breaches the response target of a major incident owned too late", () => {
    const state = stateOf([history.logged(0, 1, 1, 1), history.assigned(20)]);
    const sla = slaStatus(state, defaultSlaPolicy, minute(30));
    expect(sla.response).toMatchObject({ targetMinutes: 15, elapsedMinutes: 20, breached: true });
    expect(sla.breached).toBe(true);
  });

  it("breaches the resolution target of an open incident as time passes, never before", () => {
    const state = stateOf([history.logged(0, 1, 1, 1), history.assigned(5), history.workStarted(6)]);
    expect(slaStatus(state, defaultSlaPolicy, minute(240)).resolution.breached).toBe(false);
    expect(slaStatus(state, defaultSlaPolicy, minute(241)).resolution.breached).toBe(true);
  });

  it("does not count the time resolved before a reopen", () => {
    const state = stateOf([history.logged(), history.assigned(5), history.workStarted(10), history.onHold(20), history.resumed(30), history.resolved(40), history.reopened(50), history.resolved(70)]);
    expect(slaStatus(state, defaultSlaPolicy, minute(999)).resolution).toMatchObject({ elapsedMinutes: 50, pausedMinutes: 20 });
  });

  it("never counts a negative pause when imported times run backwards", () => {
    const state = stateOf([history.logged(0), history.onHold(30), { type: "incident.resumed", data: on(10) }, history.resolved(40)]);
    const sla = slaStatus(state, defaultSlaPolicy, minute(999));
    expect(sla.resolution.pausedMinutes).toBe(0);
    expect(sla.resolution.elapsedMinutes).toBe(40);
  });

  it("has no clock before the incident is logged", () => {
    expect(slaStatus(incidentDecider.initialState, defaultSlaPolicy, minute(0)).breached).toBe(false);
  });
});
