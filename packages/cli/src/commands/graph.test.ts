import type { RecordedEvent } from "@handover/core";
import { beforeAll, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[];
beforeAll(async () => {
  story = await projectStory();
});

describeEachSource("handover graph", (_kind, write) => {
  it("prints Mermaid source with every CI and relationship, markup escaped, and the view in a comment", async () => {
    const source = await write("graph", story);
    const run = await cli("graph", source);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^%% CI graph of .* at position 65; view: latest/);
    expect(lines[1]).toBe("graph LR");
    expect(lines.filter((line) => /^ {2}ci\d+\[/.test(line))).toHaveLength(5);
    expect(lines.filter((line) => line.includes("-->|"))).toEqual(["  ci1 -->|depends_on| ci2", "  ci1 -->|runs_on| ci3", "  ci1 -->|connects_to| ci5", "  ci4 -->|depends_on| ci1"]);
    expect(run.stdout).toContain('ci1["crm-app<br/>CRM #lt;app#gt; #amp; portal<br/><i>application, in_test</i>"]');
    expect(run.stdout).not.toContain("<app>");
  });

  it("prints Graphviz DOT as of a time, and the nodes and edges as JSON", async () => {
    const source = await write("graph_dot", story);
    const dot = await cli("graph", source, "--format", "dot", "--as-of", "2026-03-02T10:32:00Z");
    expect(dot.stdout).toContain("view: as of 2026-03-02T10:32:00.000Z");
    expect(dot.stdout).toContain('"crm-app" -> "crm-db" [label="depends_on"];');
    expect(dot.stdout).not.toContain('"crm-app" -> "app-server"');
    const json = JSON.parse((await cli("graph", source, "--json")).stdout) as { nodes: unknown[]; edges: unknown[] };
    expect(json.nodes).toHaveLength(5);
    expect(json.edges).toContainEqual({ from: "crm-service", to: "crm-app", type: "depends_on" });
  });

  it("refuses an unknown format with exit 2", async () => {
    const source = await write("graph_bad", story);
    expect(await cli("graph", source, "--format", "png")).toMatchObject({ code: 2, stderr: "handover graph: --format png: expected mermaid or dot\n" });
  });
});
