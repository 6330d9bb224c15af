import { asId, type ActorId, type CiId, type CiType } from "@handover/itil";
import type { CiLifecycleState } from "./lifecycle.js";
import type { Attributes, Relationship } from "./values.js";

/** A configuration item as its events make it. Scope is not here: it is derived from baselines. */
export interface CiState {
  readonly status: CiLifecycleState;
  readonly ciId: CiId;
  readonly ciType: CiType;
  readonly name: string;
  readonly owner: ActorId;
  readonly attributes: Attributes;
  /** The relationships stored on this CI as their source, in the order they were added. */
  readonly relationships: readonly Relationship[];
}

/** The state of a CI that is not registered yet. */
export const initialCiState: CiState = Object.freeze({
  status: "none",
  ciId: asId.ci(""),
  ciType: "",
  name: "",
  owner: asId.actor(""),
  attributes: Object.freeze({}),
  relationships: Object.freeze([]),
});

/** True when two relationships have the same type and target. */
export function sameRelationship(a: Relationship, b: Relationship): boolean {
  return a.type === b.type && a.targetCiId === b.targetCiId;
}
