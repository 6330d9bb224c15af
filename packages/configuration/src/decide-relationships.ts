import { inverseOf, type RelationshipType } from "@handover/itil";
import { left, right } from "fp-ts/lib/Either.js";
import type { ConfigurationCommandOf } from "./commands.js";
import type { Decision } from "./decide-ci.js";
import { ciLabel, configurationError } from "./errors.js";
import type { ConfigurationFacts } from "./facts.js";
import { sameRelationship, type CiState } from "./state.js";
import type { Relationship } from "./values.js";

/** True when a relationship type reads the same from both ends (connects_to). */
export function isSymmetric(type: RelationshipType): boolean {
  return inverseOf(type) === type;
}

/**
 * Adding a relationship: refused to the CI itself, when the same relationship exists
 * (for a symmetric type, also when the target stores it towards this CI), and when the
 * target is not registered or is retired.
 */
export function decideRelationshipAdded(command: ConfigurationCommandOf<"ci.add_relationship">, state: CiState, facts: ConfigurationFacts): Decision {
  const { ciId, targetCiId } = command;
  const relationship: Relationship = { type: command.relationship, targetCiId };
  const label = `${ciLabel(ciId)} ${relationship.type} ${targetCiId}`;
  const details = { ciId, relationship };
  if (targetCiId === ciId) return left(configurationError("relationship_to_itself", `${label}: a CI cannot be related to itself; name another CI as the target`, details));
  if (state.relationships.some((existing) => sameRelationship(existing, relationship))) {
    return left(configurationError("duplicate_relationship", `${label}: this relationship exists already`, details));
  }
  const target = facts.relationshipTarget;
  if (target?.ciId !== targetCiId) {
    return left(configurationError("missing_fact", `${label}: the engine must supply facts.relationshipTarget for ${targetCiId} (its status and relationships)`, details));
  }
  if (target.status === "none") return left(configurationError("relationship_target_unknown", `${label}: ${targetCiId} is not a registered CI; register it first`, details));
  if (target.status === "retired") return left(configurationError("relationship_target_retired", `${label}: ${targetCiId} is retired; relate ${ciId} to a CI in service instead`, details));
  const mirrored: Relationship = { type: relationship.type, targetCiId: ciId };
  if (isSymmetric(relationship.type) && target.relationships.some((existing) => sameRelationship(existing, mirrored))) {
    return left(configurationError("duplicate_relationship", `${label}: this relationship exists already, stored on ${targetCiId} as ${targetCiId} ${relationship.type} ${ciId}`, details));
  }
  return right((common) => ({ type: "configuration.relationship_added", data: { ...common, relationship } }));
}

/** Removing a relationship: refused when this CI does not store it. */
export function decideRelationshipRemoved(command: ConfigurationCommandOf<"ci.remove_relationship">, state: CiState): Decision {
  const relationship: Relationship = { type: command.relationship, targetCiId: command.targetCiId };
  if (!state.relationships.some((existing) => sameRelationship(existing, relationship))) {
    const stored = state.relationships.map((existing) => `${existing.type} ${existing.targetCiId}`);
    const has = stored.length === 0 ? "it stores none" : `it stores: ${stored.join(", ")}`;
    return left(
      configurationError("relationship_not_found", `${ciLabel(command.ciId)} ${relationship.type} ${relationship.targetCiId}: no such relationship to remove; ${has}`, {
        ciId: command.ciId,
        relationship,
      }),
    );
  }
  return right((common) => ({ type: "configuration.relationship_removed", data: { ...common, relationship } }));
}
