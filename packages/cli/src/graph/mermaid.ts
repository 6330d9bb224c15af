import type { CiGraph } from "./ci-graph.js";

/** Text inside a quoted Mermaid label: `#`, `&`, quotes and angle brackets as Mermaid entity codes, so nothing reads as markup. */
export function mermaidText(text: string): string {
  return text.replace(/#/g, "#35;").replace(/&/g, "#amp;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/[\r\n]+/g, " ");
}

/**
 * The CI graph as Mermaid flowchart source (left to right): nodes get generated ids
 * (`ci1`, `ci2`, ...) so any CI id is safe, labels carry the id, name and type, unknown
 * CIs are drawn dashed, and each edge is labelled with its relationship type.
 */
export function renderMermaid(graph: CiGraph): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.ciId, `ci${index + 1}`]));
  const lines = ["graph LR"];
  for (const node of graph.nodes) {
    const parts = node.known ? [mermaidText(node.ciId), mermaidText(node.name), `<i>${mermaidText(`${node.ciType}, ${node.status}`)}</i>`] : [mermaidText(node.ciId), "<i>not in the CMDB</i>"];
    lines.push(`  ${ids.get(node.ciId) ?? ""}["${parts.join("<br/>")}"]`);
  }
  for (const edge of graph.edges) lines.push(`  ${ids.get(edge.from) ?? ""} -->|${mermaidText(edge.type)}| ${ids.get(edge.to) ?? ""}`);
  const unknown = graph.nodes.filter((node) => !node.known).map((node) => ids.get(node.ciId) ?? "");
  const production = graph.nodes.filter((node) => node.scope === "production").map((node) => ids.get(node.ciId) ?? "");
  if (production.length > 0) lines.push("  classDef production stroke-width:3px", `  class ${production.join(",")} production`);
  if (unknown.length > 0) lines.push("  classDef unknown stroke-dasharray:4 3", `  class ${unknown.join(",")} unknown`);
  return `${lines.join("\n")}\n`;
}
