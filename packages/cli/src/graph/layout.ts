import type { CiGraph, GraphNode } from "./ci-graph.js";

/** A node placed on the page: its box's top-left corner and its layer (column). */
export interface PlacedNode {
  readonly node: GraphNode;
  readonly layer: number;
  readonly x: number;
  readonly y: number;
}

/** The graph laid out: node boxes of one size, the page size, and the edges by node index. */
export interface GraphLayout {
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly { readonly from: number; readonly to: number; readonly type: string }[];
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly width: number;
  readonly height: number;
}

/** Sizes of the layout, in SVG user units. */
export const LAYOUT = { nodeWidth: 180, nodeHeight: 48, gapX: 90, gapY: 18, margin: 16 } as const;

/**
 * Layers by longest path from the CIs nothing points at, along edges that are not part of
 * a cycle (a depth-first search drops back edges), so a dependent CI stands left of what
 * it depends on and every cycle still gets a finite layering.
 */
function layersOf(count: number, edges: readonly { from: number; to: number }[]): number[] {
  const out: number[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) if (edge.from !== edge.to) out[edge.from]?.push(edge.to);
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const forward: number[][] = Array.from({ length: count }, () => []);
  const visit = (start: number): void => {
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [node, next] = top;
      const target = out[node]?.[next];
      if (target === undefined) {
        state[node] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      if (state[target] === 1) continue;
      forward[node]?.push(target);
      if (state[target] === 0) {
        state[target] = 1;
        stack.push([target, 0]);
      }
    }
  };
  for (let node = 0; node < count; node++) if (state[node] === 0) visit(node);
  const layer = new Array<number>(count).fill(0);
  const order = topologicalOrder(count, forward);
  for (const node of order) for (const target of forward[node] ?? []) layer[target] = Math.max(layer[target] ?? 0, (layer[node] ?? 0) + 1);
  return layer;
}

function topologicalOrder(count: number, forward: readonly number[][]): number[] {
  const incoming = new Array<number>(count).fill(0);
  for (const targets of forward) for (const target of targets) incoming[target] = (incoming[target] ?? 0) + 1;
  const queue = [...Array(count).keys()].filter((node) => incoming[node] === 0);
  const order: number[] = [];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    order.push(node);
    for (const target of forward[node] ?? []) {
      incoming[target] = (incoming[target] ?? 0) - 1;
      if (incoming[target] === 0) queue.push(target);
    }
  }
  return order;
}

/** Orders each layer by the mean position of its neighbours in the layer beside it (a few sweeps each way), to shorten crossing edges. */
function orderLayers(layers: number[][], neighbours: readonly number[][]): void {
  const rank = new Map<number, number>();
  const rankAll = (): void => layers.forEach((nodes) => nodes.forEach((node, index) => rank.set(node, index)));
  rankAll();
  const sweep = (indexes: readonly number[]): void => {
    for (const index of indexes) {
      const nodes = layers[index] ?? [];
      const weight = (node: number): number => {
        const ranks = (neighbours[node] ?? []).map((other) => rank.get(other) ?? 0);
        return ranks.length === 0 ? (rank.get(node) ?? 0) : ranks.reduce((sum, value) => sum + value, 0) / ranks.length;
      };
      const weights = new Map(nodes.map((node) => [node, weight(node)]));
      nodes.sort((a, b) => (weights.get(a) ?? 0) - (weights.get(b) ?? 0));
      nodes.forEach((node, position) => rank.set(node, position));
    }
  };
  const down = [...layers.keys()].slice(1);
  for (let round = 0; round < 4; round++) {
    sweep(down);
    sweep([...down].reverse().map((index) => index - 1));
  }
}

/**
 * Lays a CI graph out left to right in layers: each CI a box, dependents before what they
 * depend on, each layer centred and ordered to keep edges short. Deterministic: the same
 * graph always gives the same picture.
 */
export function layoutGraph(graph: CiGraph): GraphLayout {
  const index = new Map(graph.nodes.map((node, position) => [node.ciId, position]));
  const edges = graph.edges.flatMap((edge) => {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    return from === undefined || to === undefined ? [] : [{ from, to, type: edge.type }];
  });
  const layer = layersOf(graph.nodes.length, edges);
  const layers: number[][] = [];
  layer.forEach((value, node) => (layers[value] ??= []).push(node));
  const neighbours: number[][] = Array.from({ length: graph.nodes.length }, () => []);
  for (const edge of edges) {
    neighbours[edge.from]?.push(edge.to);
    neighbours[edge.to]?.push(edge.from);
  }
  orderLayers(layers, neighbours);
  const { nodeWidth, nodeHeight, gapX, gapY, margin } = LAYOUT;
  const tallest = layers.reduce((most, nodes) => Math.max(most, nodes.length), 1);
  const height = margin * 2 + tallest * nodeHeight + (tallest - 1) * gapY;
  const placed: PlacedNode[] = new Array<PlacedNode>(graph.nodes.length);
  layers.forEach((nodes, column) => {
    const columnHeight = nodes.length * nodeHeight + (nodes.length - 1) * gapY;
    const top = (height - columnHeight) / 2;
    nodes.forEach((node, row) => {
      const found = graph.nodes[node];
      if (found !== undefined) placed[node] = { node: found, layer: column, x: margin + column * (nodeWidth + gapX), y: top + row * (nodeHeight + gapY) };
    });
  });
  const width = margin * 2 + Math.max(1, layers.length) * nodeWidth + Math.max(0, layers.length - 1) * gapX;
  return { nodes: placed, edges, nodeWidth, nodeHeight, width, height };
}
