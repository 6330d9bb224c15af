import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serializeRecordedEvent, verifyChain } from "@handover/core";
import { buildChainedLog } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { itilCatalogue } from "./catalogue.js";
import { itilLogEntries } from "./itil-log.js";
import { writeItilLog } from "./log-file.js";

const size = { streams: 20, perStream: 100 };

describe("the seeded ITIL log of W3 and W4", () => {
  const entries = [...itilLogEntries(size, 11)];

  it("has exactly streams × per stream events, every CI registered, every process present", () => {
    expect(entries).toHaveLength(2_000);
    expect(entries.filter((entry) => entry.type === "configuration.ci_registered")).toHaveLength(20);
    const processes = new Set(entries.map((entry) => entry.type.split(".")[0]));
    expect([...processes].sort()).toEqual(["change", "configuration", "incident", "problem", "project", "release"]);
  });

  it("describes a world that does not grow with the log: at most four relationships per CI, and only the problems and releases in progress open at the end", () => {
    for (const perStream of [100, 800]) {
      const relationships = new Map<string, number>();
      const open = { problem: new Set<string>(), release: new Set<string>() };
      let most = 0;
      for (const entry of itilLogEntries({ streams: 20, perStream }, 11)) {
        const change = entry.type === "configuration.relationship_added" ? 1 : entry.type === "configuration.relationship_removed" ? -1 : 0;
        const held = (relationships.get(entry.streamId) ?? 0) + change;
        relationships.set(entry.streamId, held);
        most = Math.max(most, held);
        const [process, what] = entry.type.split(".");
        if (process !== "problem" && process !== "release") continue;
        if (what === "logged" || what === "planned") open[process].add(entry.streamId);
        if (what === "closed") open[process].delete(entry.streamId);
      }
      expect(most).toBe(4);
      // One script of each runs at a time in a world of 20 CIs (the pools' size), so at most one is open when the log stops.
      expect(open.problem.size).toBeLessThanOrEqual(1);
      expect(open.release.size).toBeLessThanOrEqual(1);
    }
  });

  it("holds only events that pass their process's catalogue", () => {
    for (const entry of entries) expect(itilCatalogue.validate({ type: entry.type, data: entry.data })).toMatchObject({ _tag: "Right" });
  });

  it("is the same log for the same seed and another for another seed", () => {
    expect(JSON.stringify([...itilLogEntries(size, 11)])).toBe(JSON.stringify(entries));
    expect(JSON.stringify([...itilLogEntries(size, 12)])).not.toBe(JSON.stringify(entries));
  });

  it("is written as the JSONL of buildChainedLog's chain of the same entries, and the chain verifies", () => {
    const path = join(tmpdir(), `handover-bench-test-${process.pid}.jsonl`);
    writeItilLog(path, size, 11);
    const chained = buildChainedLog(entries);
    const written = readFileSync(path, "utf8");
    rmSync(path, { force: true });
    expect(written).toBe(chained.map((event) => `${serializeRecordedEvent(event)}\n`).join(""));
    expect(verifyChain(chained)).toMatchObject({ ok: true });
  });
});
