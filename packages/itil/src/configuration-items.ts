import { z } from "zod";

/** The built-in configuration item types; a policy may add its own. */
export const CI_TYPES = ["application", "service", "server", "database", "network", "interface", "document", "requirement"] as const;
/** A CI type: a built-in one or a custom type the policy declares (checked against the policy, not here). */
export const CiType = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a lowercase CI type such as application");
/** A CI type. */
export type CiType = z.infer<typeof CiType>;

/** The status of a CI, in lifecycle order. */
export const CI_STATUSES = ["planned", "in_development", "in_test", "in_production", "retired"] as const;
/** The status of a CI. */
export const CiStatus = z.enum(CI_STATUSES);
/** The status of a CI. */
export type CiStatus = z.infer<typeof CiStatus>;

/** Relationship types as named pairs: the type stored on the source CI, and its derived inverse. */
export const RELATIONSHIP_PAIRS = {
  depends_on: "used_by",
  runs_on: "runs",
  hosted_on: "hosts",
  contains: "contained_by",
  connects_to: "connects_to",
  documents: "documented_by",
} as const;
/** A relationship type as stored on its source CI. */
export const RelationshipType = z.enum(Object.keys(RELATIONSHIP_PAIRS) as [keyof typeof RELATIONSHIP_PAIRS, ...(keyof typeof RELATIONSHIP_PAIRS)[]]);
/** A relationship type as stored on its source CI. */
export type RelationshipType = z.infer<typeof RelationshipType>;
/** A relationship type as seen from the target CI. */
export type InverseRelationshipType = (typeof RELATIONSHIP_PAIRS)[RelationshipType];

/** The name of a relationship seen from its target: depends_on → used_by. */
export function inverseOf(type: RelationshipType): InverseRelationshipType {
  return RELATIONSHIP_PAIRS[type];
}

/** Relationship types along which a change or failure propagates (for impact and schedule conflicts). */
export const DEPENDENCY_TYPES: readonly RelationshipType[] = ["depends_on", "runs_on", "hosted_on", "connects_to"];

/** Risk of a change, lowest first. */
export const RISKS = ["low", "medium", "high"] as const;
/** Risk of a change. */
export const Risk = z.enum(RISKS);
/** Risk of a change. */
export type Risk = z.infer<typeof Risk>;

/** True when `risk` is at least `threshold` (medium is at least low). */
export function riskAtLeast(risk: Risk, threshold: Risk): boolean {
  return RISKS.indexOf(risk) >= RISKS.indexOf(threshold);
}
