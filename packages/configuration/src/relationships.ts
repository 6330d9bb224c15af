import { inverseOf, type CiId, type InverseRelationshipType, type RelationshipType } from "@handover/itil";
import type { Relationship } from "./values.js";

/** The part of a CI's state relationships are derived from; a `CiState` fits it. */
export interface RelatedCi {
  readonly ciId: CiId;
  readonly relationships: readonly Relationship[];
}

/** A relationship as seen from one CI: outgoing ones are stored on it, incoming ones are derived from their source. */
export type RelationshipView =
  | { readonly direction: "outgoing"; readonly type: RelationshipType; readonly ciId: CiId }
  | { readonly direction: "incoming"; readonly type: InverseRelationshipType; readonly ciId: CiId };

/**
 * Derives the inverse relationships of a set of CIs: for each target, the relationships
 * that point at it, named from its side (`crm-app depends_on crm-db` gives `crm-db used_by
 * crm-app`), in the order of the CIs given. Targets outside the set are included too, so
 * dangling relationships stay visible. A pure function of its input.
 */
export function inverseRelationships(cis: Iterable<RelatedCi>): ReadonlyMap<CiId, readonly { readonly type: InverseRelationshipType; readonly ciId: CiId }[]> {
  const inverses = new Map<CiId, { readonly type: InverseRelationshipType; readonly ciId: CiId }[]>();
  for (const source of cis) {
    for (const relationship of source.relationships) {
      const list = inverses.get(relationship.targetCiId) ?? [];
      const inverse = { type: inverseOf(relationship.type), ciId: source.ciId };
      if (!list.some((known) => known.type === inverse.type && known.ciId === inverse.ciId)) list.push(inverse);
      inverses.set(relationship.targetCiId, list);
    }
  }
  return inverses;
}

/**
 * Every relationship of one CI, both directions: the ones it stores and the inverses of
 * the ones other CIs store towards it. For a symmetric type (connects_to) a pair stored
 * from both ends appears once.
 */
export function relationshipsOf(ciId: CiId, cis: Iterable<RelatedCi>): readonly RelationshipView[] {
  const all = [...cis];
  const outgoing: RelationshipView[] = (all.find((ci) => ci.ciId === ciId)?.relationships ?? []).map((stored) => ({
    direction: "outgoing",
    type: stored.type,
    ciId: stored.targetCiId,
  }));
  const incoming: RelationshipView[] = (inverseRelationships(all).get(ciId) ?? [])
    .filter((inverse) => !outgoing.some((out) => out.type === inverse.type && out.ciId === inverse.ciId))
    .map((inverse) => ({ direction: "incoming", type: inverse.type, ciId: inverse.ciId }));
  return [...outgoing, ...incoming];
}
