import { domainError, type DomainError } from "@handover/core";
import { DEPENDENCY_TYPES, inverseOf, type InverseRelationshipType, type RelationshipType } from "@handover/itil";
import { storedTypeOf } from "../relationship-names.js";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { deepFreeze } from "../freeze.js";
import type { Cmdb, CmdbCi } from "../cmdb/types.js";

/** Which way impact runs: upstream finds the CIs that depend on a CI, downstream the CIs it depends on. */
export type ImpactDirection = "upstream" | "downstream";

/** Options of `impactOf`. */
export interface ImpactOptions {
  readonly direction: ImpactDirection;
  /** How many hops to follow (1: direct neighbours only); default: all. */
  readonly depth?: number;
  /** The relationship types along which impact travels; default itil's DEPENDENCY_TYPES. */
  readonly relationshipTypes?: readonly RelationshipType[];
}

/** One hop of a path, named from the CI it leaves: `crm-db used_by crm-app`. */
export interface ImpactStep {
  readonly from: string;
  readonly type: RelationshipType | InverseRelationshipType;
  readonly to: string;
}

/** A CI reached: how far, by which shortest path, and whether the CMDB knows it (a relationship may point at an unknown CI). */
export interface ImpactedCi {
  readonly ciId: string;
  readonly distance: number;
  readonly path: readonly ImpactStep[];
  readonly known: boolean;
}

/** The CIs a CI's change or failure reaches, nearest first. */
export interface Impact {
  readonly ciId: string;
  readonly direction: ImpactDirection;
  readonly depth: number;
  readonly cis: readonly ImpactedCi[];
}

/** The neighbours of a CI one hop away in a direction, along the given types (connects_to runs both ways). */
function neighbours(ci: CmdbCi, direction: ImpactDirection, types: ReadonlySet<string>): ImpactStep[] {
  const steps: ImpactStep[] = [];
  for (const relationship of ci.relationships) {
    if (!types.has(relationship.type)) continue;
    if (direction === "downstream" || inverseOf(relationship.type) === relationship.type) steps.push({ from: ci.ciId, type: relationship.type, to: relationship.targetCiId });
  }
  for (const inverse of ci.inverses) {
    const stored = storedTypeOf(inverse.type);
    if (!types.has(stored)) continue;
    if (direction === "upstream" || inverseOf(stored) === stored) steps.push({ from: ci.ciId, type: inverse.type, to: inverse.ciId });
  }
  return steps;
}


/**
 * Impact analysis over a CMDB: breadth first from a CI, upstream (who depends on it) or
 * downstream (what it depends on), each CI reached once by a shortest path; a visited set
 * ends every cycle. A CI the CMDB does not hold is refused.
 */
export function impactOf(cmdb: Cmdb, ciId: string, options: ImpactOptions): Either<DomainError, Impact> {
  const start = cmdb.byId.get(ciId);
  if (start === undefined) return left(domainError("ci_unknown", `impact of ${ciId}: no such CI in the CMDB at position ${cmdb.position}`, { ciId }));
  const depth = options.depth ?? Number.POSITIVE_INFINITY;
  const types = new Set<string>(options.relationshipTypes ?? DEPENDENCY_TYPES);
  const reached = new Map<string, ImpactedCi>([[ciId, { ciId, distance: 0, path: [], known: true }]]);
  let frontier: ImpactedCi[] = [{ ciId, distance: 0, path: [], known: true }];
  const found: ImpactedCi[] = [];
  while (frontier.length > 0 && (frontier[0]?.distance ?? depth) < depth) {
    const next: ImpactedCi[] = [];
    for (const from of frontier) {
      const ci = cmdb.byId.get(from.ciId);
      if (ci === undefined) continue;
      for (const step of neighbours(ci, options.direction, types)) {
        if (reached.has(step.to)) continue;
        const impacted = { ciId: step.to, distance: from.distance + 1, path: [...from.path, step], known: cmdb.byId.has(step.to) };
        reached.set(step.to, impacted);
        next.push(impacted);
        found.push(impacted);
      }
    }
    frontier = next;
  }
  return right(deepFreeze({ ciId, direction: options.direction, depth, cis: found }));
}
