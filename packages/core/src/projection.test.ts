import { buildChainedLog } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { steppingClock } from "./clock.js";
import type { RecordedEvent } from "./envelope.js";
import { sequentialIds } from "./ids.js";
import { createInMemoryEventStore } from "./in-memory-store.js";
import { project, type Projection } from "./projection.js";
import { createInMemoryCheckpointStore, createProjectionRunner } from "./projection-runner.js";

const countByType: Projection<Map<string, number>, Record<string, number>> = {
  name: "count-by-type",
  init: () => new Map(),
  apply: (counts, event) => {
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  },
  result: (counts) => Object.fromEntries(counts),
};

const at = (occurredAt: string, recordedAt: string, type = "thing.changed") => ({ streamId: "thing-1", type, data: {}, meta: { actor: "u-1", occurredAt }, recordedAt });
const log = buildChainedLog([
  at("2026-03-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "thing.created"),
  at("2026-03-05T00:00:00.000Z", "2026-03-05T00:00:00.000Z"),
  at("2026-03-02T00:00:00.000Z", "2026-03-20T00:00:00.000Z"),
]);

describe("project", () => {
  it("builds a frozen result from a log", () => {
    const result = project(log, countByType);
    expect(result).toEqual({ "thing.created": 1, "thing.changed": 2 });
    expect(Object.isFrozen(result)).toBe(true);
  });

  it("answers as of a business time, as of what the log knew, and both", () => {
    expect(project(log, countByType, { until: "2026-03-03T00:00:00Z" })).toEqual({ "thing.created": 1, "thing.changed": 1 });
    expect(project(log, countByType, { recordedUntil: "2026-03-10T00:00:00Z" })).toEqual({ "thing.created": 1, "thing.changed": 1 });
    expect(project(log, countByType, { until: "2026-03-03T00:00:00Z", recordedUntil: "2026-03-10T00:00:00Z" })).toEqual({ "thing.created": 1 });
    expect(project(log, countByType, { toPosition: 1 })).toEqual({ "thing.created": 1 });
  });

  it("reads async logs the same way", async () => {
    async function* stream() {
      yield* log;
    }
    expect(await project(stream(), countByType, { toPosition: 2 })).toEqual(project(log, countByType, { toPosition: 2 }));
  });
});

describe("projection runner", () => {
  it("catches handlers up from their checkpoints and resumes where it stopped", async () => {
    const store = createInMemoryEventStore({ clock: steppingClock("2026-01-01T00:00:00Z"), ids: sequentialIds() });
    const meta = { actor: "u-1", occurredAt: "2026-01-01T00:00:00Z" };
    const append = (count: number) => store.appendToStream("thing-1", Array.from({ length: count }, () => ({ type: "thing.changed", data: {} })), { expectedVersion: "any", meta });
    const seen: number[] = [];
    const handler = { name: "seen", handle: (event: RecordedEvent) => void seen.push(event.position) };
    const checkpoints = createInMemoryCheckpointStore();
    const runner = createProjectionRunner({ store, checkpoints, handlers: [handler], checkpointEvery: 2 });
    await append(5);
    expect((await runner.runOnce()).get("seen")).toBe(5);
    await append(3);
    expect((await runner.runOnce()).get("seen")).toBe(3);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await checkpoints.load("seen")).toBe(8);
    expect((await runner.runOnce()).get("seen")).toBe(0);
  });
});
