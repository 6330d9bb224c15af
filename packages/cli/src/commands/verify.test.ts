import type { RecordedEvent } from "@handover/core";
import { beforeAll, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";
import { tamper } from "../fixtures/tamper.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

const oneLine = (text: string) => expect(text.trimEnd().split("\n")).toHaveLength(1);

describeEachSource("handover verify", (kind, write) => {
  it("prints the count and the head hash of a log that verifies, and which view it shows", async () => {
    const source = await write("story", story);
    const head = story[story.length - 1];
    const run = await cli("verify", source);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`verified ${kind === "postgres" ? "postgres://" : ""}`);
    expect(run.stdout).toContain(`${story.length} event(s), positions 1 to ${story.length}`);
    expect(run.stdout).toContain(`head: position ${story.length}, hash ${head?.hash}`);
    expect(run.stdout).toContain("view: latest");
  });

  it("gives the head the log had at a recorded time, as JSON", async () => {
    const source = await write("known", story);
    const run = await cli("verify", source, "--known-at", "2026-03-19", "--json");
    expect(run.code).toBe(0);
    const known = story.filter((event) => event.recordedAt <= "2026-03-19T23:59:59.999Z");
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      count: story.length,
      view: { asOf: null, knownAt: "2026-03-19T23:59:59.999Z" },
      inView: { count: known.length, lastPosition: known.length, lastHash: known[known.length - 1]?.hash },
    });
  });

  it("names the first position that does not verify and exits 1", async () => {
    const source = await write("edited", story);
    await tamper(source, 20, "edit");
    const run = await cli("verify", source, "--json");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, position: 20, reason: "hash_mismatch", verified: 19 });
    const text = await cli("verify", source);
    expect(text.stdout).toMatch(/^DOES NOT VERIFY .*position 20: stored hash .* does not match the content/);
  });

  it("refuses a source it cannot read with exit 2 and one line", async () => {
    const absent = kind === "jsonl" ? "/nonexistent/absent.jsonl" : kind === "sqlite" ? "sqlite:/nonexistent/absent.db" : (await write("present", story)).replace(/schema=[a-z0-9_]+/, "schema=no_such_log");
    const run = await cli("verify", absent);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    oneLine(run.stderr);
    expect(run.stderr).toMatch(kind === "postgres" ? /no schema "no_such_log"; logs are in: .*hc_present/ : /absent\.(jsonl|db): no such file/);
  });

  it("refuses an event that is not JSON with exit 2, naming where it is", async () => {
    const source = await write("garbled", story);
    await tamper(source, 7, "garble");
    const run = await cli("verify", source);
    expect(run.code).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(kind === "jsonl" ? /garbled\.jsonl line 7: not valid JSON/ : /position 7/);
  });
});
