import { createInMemorySpillStore } from "@handover/core";
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { defaultPolicy } from "@handover/itil";
import { initialIncidentState } from "@handover/incident";
import { countingSpill } from "../fixtures/counting-spill.js";
import { arbitraryLogsPastFinish } from "../fixtures/random-handover-log.js";
import { createHistory } from "../history/history.js";
import { applyToReadiness, createReadinessState } from "../readiness/state.js";
import { handoverView } from "./handover-view.js";

describe("a handover view that spills finished work items", () => {
  it("answers the same CMDB and readiness as one that keeps them, whole log or cut, whatever it keeps of the recently finished", () => {
    const totals = { put: 0, readBack: 0 };
    const property = fc.property(arbitraryLogsPastFinish.chain((log) => fc.tuple(fc.constant(log), fc.nat({ max: log.length }), fc.nat({ max: 3 }))), ([log, cut, keepRecent]) => {
      for (const toPosition of [undefined, cut]) {
        const spill = countingSpill();
        const range = toPosition === undefined ? {} : { toPosition };
        expect(handoverView(log, "crm", { ...range, spill, spillKeepsRecent: keepRecent })).toEqual(handoverView(log, "crm", range));
        totals.put += spill.counts.put;
        totals.readBack += spill.counts.readBack;
      }
    });
    fc.assert(property, { numRuns: 60 });
    fc.assert(property, { numRuns: 20, seed: 20261204 });
    // Trimmed items must have been spilled and some read back (an event past an item's final state), or the equality proves nothing.
    expect(totals.put).toBeGreaterThan(0);
    expect(totals.readBack).toBeGreaterThan(0);
  });

  it("reads a trimmed item back as it was trimmed: its kept fields, every other field as the initial state has it", () => {
    const log = fc.sample(arbitraryLogsPastFinish, { numRuns: 40, seed: 7 }).find((events) => events.some((event) => event.type === "incident.closed")) ?? [];
    const spill = countingSpill();
    const spilling = createReadinessState(createHistory(defaultPolicy, "crm", { retention: "readiness", spill: { store: spill, keepRecent: 0 } }));
    const trimmed = createReadinessState(createHistory(defaultPolicy, "crm", "readiness"));
    for (const event of log) {
      applyToReadiness(spilling, event);
      spilling.history.aggregates.spillFinished();
      applyToReadiness(trimmed, event);
    }
    expect(spill.counts.put).toBeGreaterThan(0);
    const incidents = trimmed.history.aggregates.of("incident");
    expect([...incidents.values()].some((tracked) => tracked.trimmed)).toBe(true);
    for (const [incidentId, tracked] of incidents) {
      const back = spilling.history.aggregates.of("incident").get(incidentId)?.state as unknown as Record<string, unknown>;
      for (const field of Object.keys(initialIncidentState)) expect(back[field], `${incidentId}.${field}`).toEqual((tracked.state as unknown as Record<string, unknown>)[field]);
    }
    expect(spill.counts.readBack).toBeGreaterThan(0);
  });

  it("refuses a count of recently finished items to keep that is not a whole number from 0", () => {
    expect(() => handoverView([], "crm", { spill: createInMemorySpillStore(), spillKeepsRecent: -1 })).toThrow(RangeError);
  });
});
