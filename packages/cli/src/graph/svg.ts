import { escapeHtml } from "../report/escape.js";
import type { CiGraph } from "./ci-graph.js";
import { layoutGraph, type GraphLayout, type PlacedNode } from "./layout.js";

const clip = (text: string, length: number): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function nodeClass(placed: PlacedNode): string {
  if (!placed.node.known) return "ci unknown";
  if (placed.node.status === "retired") return "ci retired";
  return placed.node.scope === "production" ? "ci production" : "ci project";
}

function nodeSvg(placed: PlacedNode, layout: GraphLayout): string {
  const { node, x, y } = placed;
  const detail = node.known ? `${node.ciType} · ${node.status}` : "not in the CMDB";
  const tip = node.known ? `${node.ciId}: ${node.name} (${node.ciType}, ${node.status}, ${node.scope} scope)` : `${node.ciId}: named by a relationship, not in the CMDB`;
  return [
    `<g class="${nodeClass(placed)}" data-ci="${escapeHtml(node.ciId)}"><title>${escapeHtml(tip)}</title>`,
    `<rect x="${x}" y="${y}" width="${layout.nodeWidth}" height="${layout.nodeHeight}" rx="6"/>`,
    `<text x="${x + 8}" y="${y + 17}" class="id">${escapeHtml(clip(node.ciId, 26))}</text>`,
    `<text x="${x + 8}" y="${y + 31}" class="name">${escapeHtml(clip(node.name, 30))}</text>`,
    `<text x="${x + 8}" y="${y + 43}" class="detail">${escapeHtml(clip(detail, 32))}</text></g>`,
  ].join("");
}

function edgeSvg(edge: GraphLayout["edges"][number], layout: GraphLayout): string {
  const from = layout.nodes[edge.from];
  const to = layout.nodes[edge.to];
  if (from === undefined || to === undefined) return "";
  const half = layout.nodeHeight / 2;
  const start = { x: from.x + layout.nodeWidth, y: from.y + half };
  const end = { x: to.x, y: to.y + half };
  let path: string;
  if (to.layer > from.layer) {
    const bend = (end.x - start.x) / 2;
    path = `M${start.x},${start.y} C${start.x + bend},${start.y} ${end.x - bend},${end.y} ${end.x},${end.y}`;
  } else {
    const loop = Math.max(40, Math.abs(end.y - start.y) / 2);
    path = `M${start.x},${start.y} C${start.x + loop},${start.y - loop} ${end.x - loop},${end.y - loop} ${end.x},${end.y}`;
  }
  const title = `${from.node.ciId} ${edge.type} ${to.node.ciId}`;
  const adjacent = to.layer === from.layer + 1;
  const label = adjacent ? `<text x="${(start.x + end.x) / 2}" y="${(start.y + end.y) / 2 - 3}">${escapeHtml(edge.type)}</text>` : "";
  return `<g class="rel${adjacent ? "" : " long"}"><title>${escapeHtml(title)}</title><path d="${path}" marker-end="url(#arrow)"/>${label}</g>`;
}

/**
 * The CI graph as one inline SVG, laid out by `layoutGraph`: a box per CI (production
 * scope, project scope, retired and unknown CIs styled apart), an arrow per relationship
 * (labelled with its type between neighbouring columns; longer ones drawn lighter, their
 * type in the tooltip), tooltips with the full names. Every text is escaped; nothing is
 * fetched when it is viewed.
 */
export function renderGraphSvg(graph: CiGraph): string {
  const layout = layoutGraph(graph);
  const defs = '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>';
  const edges = layout.edges.map((edge) => edgeSvg(edge, layout)).join("");
  const nodes = layout.nodes.map((placed) => nodeSvg(placed, layout)).join("");
  return `<svg class="ci-graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="CI graph: ${graph.nodes.length} CIs, ${graph.edges.length} relationships">${defs}${edges}${nodes}</svg>`;
}
