import type { Relationship } from "@handover/configuration";
import { inverseOf } from "@handover/itil";
import { ownCi, ownInverses, type CmdbState } from "./state.js";
import type { InverseRelationship } from "./types.js";

/** Records the inverse of a relationship on its target, or as pending while the target is not registered. */
export function addInverse(state: CmdbState, sourceCiId: string, relationship: Relationship): void {
  const inverse: InverseRelationship = { type: inverseOf(relationship.type), ciId: sourceCiId };
  const target = ownCi(state, relationship.targetCiId);
  if (target !== undefined) {
    ownInverses(target).push(inverse);
    return;
  }
  const pending = state.pendingInverses.get(relationship.targetCiId);
  if (pending === undefined) state.pendingInverses.set(relationship.targetCiId, [inverse]);
  else pending.push(inverse);
}

/** Removes the inverse of a relationship from its target (or from the pending inverses). */
export function removeInverse(state: CmdbState, sourceCiId: string, relationship: Relationship): void {
  const type = inverseOf(relationship.type);
  const targetCiId = relationship.targetCiId;
  const matches = (inverse: InverseRelationship) => inverse.type === type && inverse.ciId === sourceCiId;
  const current = state.cis.get(targetCiId);
  if (current !== undefined) {
    // Found first on the record as it stands, so a record without that inverse is not copied.
    const index = current.inverses.findIndex(matches);
    const record = index < 0 ? undefined : ownCi(state, targetCiId);
    if (record !== undefined) ownInverses(record).splice(index, 1);
    return;
  }
  const pending = state.pendingInverses.get(targetCiId);
  if (pending === undefined) return;
  const index = pending.findIndex(matches);
  if (index >= 0) pending.splice(index, 1);
  if (pending.length === 0) state.pendingInverses.delete(targetCiId);
}

/** The inverses waiting for a CI that is being registered, taken out of the pending ones. */
export function takePendingInverses(state: CmdbState, ciId: string): InverseRelationship[] {
  const pending = state.pendingInverses.get(ciId) ?? [];
  state.pendingInverses.delete(ciId);
  return pending;
}
