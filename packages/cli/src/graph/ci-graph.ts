import type { Cmdb } from "@handover/projections";

/** A CI as the graph draws it; `known` is false for a CI a relationship names that the CMDB does not hold. */
export interface GraphNode {
  readonly ciId: string;
  readonly name: string;
  readonly ciType: string;
  readonly status: string;
  readonly scope: string;
  readonly known: boolean;
}

/** A relationship as stored on its source CI: `crm-app depends_on crm-db`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly type: string;
}

/** The CI graph: every CI of the CMDB (registration order) and every stored relationship. */
export interface CiGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * The CI graph of a CMDB: a node per CI, an edge per relationship stored on a CI (the
 * inverse names are not drawn twice); a relationship to a CI the CMDB does not hold adds
 * a node marked unknown, so a dangling reference shows instead of vanishing.
 */
export function ciGraph(cmdb: Cmdb): CiGraph {
  const nodes: GraphNode[] = cmdb.cis.map((ci) => ({ ciId: ci.ciId, name: ci.name, ciType: ci.ciType, status: ci.status, scope: ci.scope, known: true }));
  const edges: GraphEdge[] = [];
  const seen = new Set(nodes.map((node) => node.ciId));
  for (const ci of cmdb.cis) {
    for (const relationship of ci.relationships) {
      edges.push({ from: ci.ciId, to: relationship.targetCiId, type: relationship.type });
      if (seen.has(relationship.targetCiId)) continue;
      seen.add(relationship.targetCiId);
      nodes.push({ ciId: relationship.targetCiId, name: relationship.targetCiId, ciType: "unknown", status: "unknown", scope: "unknown", known: false });
    }
  }
  return { nodes, edges };
}
