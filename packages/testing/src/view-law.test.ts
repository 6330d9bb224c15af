import { describe, expect, it } from "vitest";
import { buildChainedLog } from "./chain-builder.js";
import { beyondView, cutToView } from "./view-law.js";

const entry = (occurredAt: string, recordedAt: string) => ({ streamId: "thing-1", type: "thing.changed", data: { at: occurredAt }, meta: { actor: "u-1", occurredAt }, recordedAt });

describe("the view law's helpers", () => {
  const log = buildChainedLog([entry("2026-03-01T09:00:00.000Z", "2026-03-01T09:00:00.000Z"), entry("2026-02-27T09:00:00.000Z", "2026-03-02T09:00:00.000Z"), entry("2026-03-03T09:00:00.000Z", "2026-03-03T09:00:00.000Z")]);

  it("cuts a log by business time, recorded time and position, backdated events included where they belong", () => {
    expect(cutToView(log, { asOf: "2026-02-28T00:00:00.000Z" }).map((event) => event.position)).toEqual([2]);
    expect(cutToView(log, { knownAt: "2026-03-01T12:00:00.000Z" }).map((event) => event.position)).toEqual([1]);
    expect(cutToView(log, { toPosition: 2, asOf: "2026-03-02T00:00:00.000Z" }).map((event) => event.position)).toEqual([1, 2]);
  });

  it("names every business time after asOf, any time after knownAt and any position after toPosition", () => {
    const answer = { asOf: "2026-03-05T00:00:00.000Z", position: 3, entries: [{ at: "2026-03-04T00:00:00Z", recordedAt: "2026-03-06T00:00:00.000Z", evidence: [1, 4] }], byId: new Map([["a", { closedAt: "2026-03-07T00:00:00.000Z" }]]) };
    expect(beyondView(answer, { asOf: "2026-03-03T00:00:00.000Z", toPosition: 3 })).toEqual([
      { path: "entries[0].at", value: "2026-03-04T00:00:00Z", bound: "asOf" },
      { path: "entries[0].evidence[1]", value: 4, bound: "toPosition" },
      { path: "byId.get(a).closedAt", value: "2026-03-07T00:00:00.000Z", bound: "asOf" },
    ]);
    expect(beyondView(answer, { knownAt: "2026-03-05T12:00:00.000Z" })).toEqual([
      { path: "entries[0].recordedAt", value: "2026-03-06T00:00:00.000Z", bound: "knownAt" },
      { path: "byId.get(a).closedAt", value: "2026-03-07T00:00:00.000Z", bound: "knownAt" },
    ]);
  });

  it("leaves planned spans and the view's own bounds alone", () => {
    expect(beyondView({ knownAt: "2030-01-01T00:00:00.000Z", window: { start: "2030-01-01T00:00:00.000Z", end: "2030-01-02T00:00:00.000Z" } }, { asOf: "2026-01-01T00:00:00.000Z", knownAt: "2026-01-01T00:00:00.000Z" })).toEqual([]);
  });
});
