import { RELATIONSHIP_PAIRS, type InverseRelationshipType, type RelationshipType } from "@handover/itil";

const STORED_OF_INVERSE = new Map<string, RelationshipType>(Object.entries(RELATIONSHIP_PAIRS).map(([stored, inverse]) => [inverse, stored as RelationshipType]));

/** The stored name of a relationship seen from its target: used_by → depends_on (connects_to stays connects_to). */
export function storedTypeOf(inverse: InverseRelationshipType): RelationshipType {
  return STORED_OF_INVERSE.get(inverse) ?? (inverse as RelationshipType);
}
