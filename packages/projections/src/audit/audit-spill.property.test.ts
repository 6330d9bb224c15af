import { createInMemorySpillStore, type SpillStore } from "@handover/core";
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { countingSpill } from "../fixtures/counting-spill.js";
import { arbitraryLogsPastFinish, randomLogPolicy } from "../fixtures/random-handover-log.js";
import { SpillingMap } from "../history/spilling-map.js";
import { auditReplay } from "./audit-replay.js";
import { auditScan } from "./findings.js";
import type { AuditFinding } from "./finding.js";

/** A seed whose first 20 logs spill items and read some back on their own. */
const FIXED_SEED = 20261204;

describe("an audit that spills finished work items", () => {
  it("finds the same findings, CMDB and readiness as one that keeps them, whatever it keeps of the recently finished, and spills and reads back on the way", () => {
    const totals = { put: 0, get: 0, linksPut: 0, verdictsPut: 0, takenBack: 0 };
    const property = fc.property(arbitraryLogsPastFinish, fc.nat({ max: 3 }), (log, keepRecent) => {
      const policy = randomLogPolicy("record");
      const spill = countingSpill();
      const spilled: AuditFinding[] = [];
      const kept: AuditFinding[] = [];
      const withSpill = auditReplay(log, "crm", { policy, spill, spillKeepsRecent: keepRecent, onFinding: (finding) => spilled.push(finding) });
      const whole = auditReplay(log, "crm", { policy, onFinding: (finding) => kept.push(finding) });
      expect(spilled).toEqual(kept);
      expect(withSpill).toEqual(whole);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += spill.counts[key];
    });
    fc.assert(property, { numRuns: 60 });
    // Then 20 of a fixed seed that spills and reads back on its own, so the coverage check below never rests on chance.
    fc.assert(property, { numRuns: 20, seed: FIXED_SEED });
    // The runs must have spilled items and read some back (a later event on a closed item), or the equality above proves nothing.
    expect(totals.put).toBeGreaterThan(0);
    expect(totals.get).toBeGreaterThan(0);
    // And readiness's entries must have gone out with their items and come back with them.
    expect(totals.verdictsPut).toBeGreaterThan(0);
    expect(totals.linksPut).toBeGreaterThan(0);
    expect(totals.takenBack).toBeGreaterThan(0);
  });

  it("keeps nothing of a spilled item in memory, not even its id, and reads it back whole when asked for or listed", () => {
    const log = fc.sample(arbitraryLogsPastFinish, { numRuns: 40, seed: 7 }).find((events) => events.some((event) => event.type === "incident.closed")) ?? [];
    expect(log.length).toBeGreaterThan(0);
    const spill = createInMemorySpillStore();
    const spilling = auditScan(randomLogPolicy("record"), { projectId: "crm", spill, spillKeepsRecent: 0 });
    const keeping = auditScan(randomLogPolicy("record"), { projectId: "crm" });
    for (const event of log) {
      spilling.visit(event);
      keeping.visit(event);
    }
    const incidents = spilling.model.history.aggregates.of("incident");
    expect(incidents).toBeInstanceOf(SpillingMap);
    const spilledCount = (incidents as unknown as SpillingMap).spilledCount();
    expect(spilledCount).toBeGreaterThan(0);
    expect(spill.size()).toBeGreaterThan(0);
    const whole = keeping.model.history.aggregates.of("incident");
    // Only the items not spilled are in the Map itself; its size still counts every item.
    expect([...(Map.prototype.keys.call(incidents) as MapIterator<string>)].length).toBe(whole.size - spilledCount);
    expect(incidents.size).toBe(whole.size);
    // Listing reads them back, in the order they first appeared, as the Map that kept them lists them.
    expect([...incidents.keys()]).toEqual([...whole.keys()]);
    expect(new Map(incidents)).toEqual(new Map(whole));
    expect((incidents as unknown as SpillingMap).spilledCount()).toBe(0);
  });

  it("says so when the spill store lost an item it was given, rather than listing the rest", () => {
    const log = fc.sample(arbitraryLogsPastFinish, { numRuns: 40, seed: 7 }).find((events) => events.some((event) => event.type === "incident.closed")) ?? [];
    const inner = createInMemorySpillStore();
    const forgetful: SpillStore = { put: (key, text) => (key.startsWith("incident:") ? undefined : inner.put(key, text)), get: (key) => inner.get(key), entries: (prefix) => inner.entries(prefix) };
    const spilling = auditScan(randomLogPolicy("record"), { projectId: "crm", spill: forgetful, spillKeepsRecent: 0 });
    for (const event of log) spilling.visit(event);
    const incidents = spilling.model.history.aggregates.of("incident");
    expect((incidents as unknown as SpillingMap).spilledCount()).toBeGreaterThan(0);
    expect(() => [...incidents.values()]).toThrow(/spilled items were lost/);
  });

  it("refuses a count of recently finished items to keep that is not a whole number from 0, before reading any event", () => {
    for (const spillKeepsRecent of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => auditScan(randomLogPolicy("record"), { spill: createInMemorySpillStore(), spillKeepsRecent })).toThrow(new RangeError(`spillKeepsRecent: expected a whole number of items from 0 up, got ${String(spillKeepsRecent)}`));
    }
    expect(() => auditScan(randomLogPolicy("record"), { spill: createInMemorySpillStore(), spillKeepsRecent: 0 })).not.toThrow();
  });
});
