import type { CiGraph } from "./ci-graph.js";

/** A Graphviz quoted string: backslashes and quotes escaped, line breaks as `\n`. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r?\n/g, "\\n")}"`;
}

/**
 * The CI graph as Graphviz DOT (left to right): a box per CI labelled with its id, name,
 * type and status (production scope drawn bold, unknown CIs dashed), an edge per
 * relationship labelled with its type.
 */
export function renderDot(graph: CiGraph): string {
  const lines = ["digraph cmdb {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  for (const node of graph.nodes) {
    const label = node.known ? `${node.ciId}\n${node.name}\n${node.ciType}, ${node.status}` : `${node.ciId}\nnot in the CMDB`;
    const style = !node.known ? ", style=dashed" : node.scope === "production" ? ", style=bold" : "";
    lines.push(`  ${dotString(node.ciId)} [label=${dotString(label)}${style}];`);
  }
  for (const edge of graph.edges) lines.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.type)}];`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
