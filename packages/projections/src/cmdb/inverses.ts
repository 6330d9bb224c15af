import type { Relationship } from "@handover/configuration";
import { inverseOf } from "@handover/itil";
import { ownCi, type CmdbState } from "./state.js";
import type { InverseRelationship } from "./types.js";

/** Records the inverse of a relationship on its target, or as pending while the target is not registered. */
export function addInverse(state: CmdbState, sourceCiId: string, relationship: Relationship): void {
  const inverse: InverseRelationship = { type: inverseOf(relationship.type), ciId: sourceCiId };
  const target = ownCi(state, relationship.targetCiId);
  if (target !== undefined) {
    target.inverses.push(inverse);
    return;
  }
  const pending = state.pendingInverses.get(relationship.targetCiId);
  if (pending === undefined) state.pendingInverses.set(relationship.targetCiId, [inverse]);
  else pending.push(inverse);
}

/** Removes the inverse of a relationship from its target (or from the pending inverses). */
export function removeInverse(state: CmdbState, sourceCiId: string, relationship: Relationship): void {
  const type = inverseOf(relationship.type);
  const target = state.cis.has(relationship.targetCiId) ? ownCi(state, relationship.targetCiId)?.inverses : state.pendingInverses.get(relationship.targetCiId);
  if (target === undefined) return;
  const index = target.findIndex((inverse) => inverse.type === type && inverse.ciId === sourceCiId);
  if (index >= 0) target.splice(index, 1);
  if (target.length === 0 && !state.cis.has(relationship.targetCiId)) state.pendingInverses.delete(relationship.targetCiId);
}

/** The inverses waiting for a CI that is being registered, taken out of the pending ones. */
export function takePendingInverses(state: CmdbState, ciId: string): InverseRelationship[] {
  const pending = state.pendingInverses.get(ciId) ?? [];
  state.pendingInverses.delete(ciId);
  return pending;
}
