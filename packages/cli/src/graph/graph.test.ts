import { cmdbAsOf } from "@handover/projections";
import { buildChainedLog, type LogEntry } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { ciGraph } from "./ci-graph.js";
import { renderDot } from "./dot.js";
import { layoutGraph, LAYOUT } from "./layout.js";
import { renderMermaid } from "./mermaid.js";
import { renderGraphSvg } from "./svg.js";

const at = (minute: number) => `2026-03-02T10:${String(minute).padStart(2, "0")}:00.000Z`;
const control = { required: false };

function register(ciId: string, name: string, minute: number): LogEntry {
  const data = { ciId, at: at(minute), by: "cm", changeControl: control, ciType: "application", name, owner: "cm", attributes: {} };
  return { streamId: `ci-${ciId}`, type: "configuration.ci_registered", data, meta: { actor: "cm", occurredAt: at(minute) } };
}

function relate(ciId: string, type: string, targetCiId: string, minute: number): LogEntry {
  const data = { ciId, at: at(minute), by: "cm", changeControl: control, relationship: { type, targetCiId } };
  return { streamId: `ci-${ciId}`, type: "configuration.relationship_added", data, meta: { actor: "cm", occurredAt: at(minute) } };
}

/** History as an import may hold it: a relationship to a CI never registered, and a dependency cycle. */
const cmdb = cmdbAsOf(
  buildChainedLog([
    register("web", 'Web "front" <b>', 1),
    register("api", "API", 2),
    register("db", "DB", 3),
    relate("web", "depends_on", "api", 4),
    relate("api", "depends_on", "db", 5),
    relate("db", "depends_on", "api", 6),
    relate("api", "connects_to", "ghost", 7),
  ]),
);

describe("the CI graph", () => {
  it("draws every CI and stored relationship, and a CI it does not hold as unknown", () => {
    const graph = ciGraph(cmdb);
    expect(graph.nodes.map((node) => [node.ciId, node.known])).toEqual([["web", true], ["api", true], ["db", true], ["ghost", false]]);
    expect(graph.edges).toHaveLength(4);
  });

  it("lays a cyclic graph out in finite layers, dependents left of what they depend on, boxes apart", () => {
    const layout = layoutGraph(ciGraph(cmdb));
    const layer = new Map(layout.nodes.map((placed) => [placed.node.ciId, placed.layer]));
    expect((layer.get("web") ?? 0) < (layer.get("api") ?? 0)).toBe(true);
    expect((layer.get("api") ?? 0) < (layer.get("db") ?? 0)).toBe(true);
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart = Math.abs(a.x - b.x) >= LAYOUT.nodeWidth || Math.abs(a.y - b.y) >= LAYOUT.nodeHeight;
        expect(apart, `${a.node.ciId} and ${b.node.ciId} overlap`).toBe(true);
      }
    }
    expect(layout.nodes.every((placed) => placed.x + LAYOUT.nodeWidth <= layout.width && placed.y + LAYOUT.nodeHeight <= layout.height)).toBe(true);
    expect(layoutGraph(ciGraph(cmdb))).toEqual(layout);
  });

  it("escapes names in SVG, Mermaid and DOT alike", () => {
    const graph = ciGraph(cmdb);
    const svg = renderGraphSvg(graph);
    expect(svg).toContain("Web &quot;front&quot; &lt;b&gt;");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain('class="ci unknown" data-ci="ghost"');
    expect(renderMermaid(graph)).toContain('ci1["web<br/>Web #quot;front#quot; #lt;b#gt;<br/><i>application, planned</i>"]');
    expect(renderMermaid(graph)).toContain("class ci4 unknown");
    expect(renderDot(graph)).toContain('"web" [label="web\\nWeb \\"front\\" <b>\\napplication, planned"];');
    expect(renderDot(graph)).toContain('"ghost" [label="ghost\\nnot in the CMDB", style=dashed];');
  });
});
