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
