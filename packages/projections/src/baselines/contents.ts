import type { AttributeValue, Relationship } from "@handover/configuration";
import type { CiStatus } from "@handover/itil";
import type { BaselineKind, BaselineScope } from "@handover/project";
import type { CmdbCi } from "../cmdb/types.js";

/** One CI as a baseline holds it: what it was, its attributes and the relationships stored on it. */
export interface BaselineItem {
  readonly ciId: string;
  readonly ciType: string;
  readonly name: string;
  readonly owner: string;
  readonly status: CiStatus;
  /** The version of the CI's stream the item shows. */
  readonly version: number;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** Sorted by type, then target. */
  readonly relationships: readonly Relationship[];
}

/** A baseline's contents: what it is, where it was taken, and its CIs sorted by id. */
export interface BaselineContents {
  readonly name: string;
  readonly projectId: string;
  readonly kind: BaselineKind;
  readonly scope: BaselineScope;
  /** Business time the baseline was taken. */
  readonly at: string;
  /** Position of the `project.baseline_taken` event. */
  readonly position: number;
  readonly recordedAt: string;
  readonly cis: readonly BaselineItem[];
  /** CIs the baseline names that the log did not hold at that point (a log cut by time, or imported history). */
  readonly unresolved: readonly string[];
}

/** Orders relationships by type, then target, so two baselines compare item by item. */
export function sortRelationships(relationships: readonly Relationship[]): Relationship[] {
  return [...relationships].sort((a, b) => compareText(a.type, b.type) || compareText(a.targetCiId, b.targetCiId));
}

/** Compares two strings by code unit, for deterministic order. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A CMDB record as a baseline item (at a given stream version). */
export function itemOf(ci: CmdbCi, version: number = ci.version): BaselineItem {
  return {
    ciId: ci.ciId,
    ciType: ci.ciType,
    name: ci.name,
    owner: ci.owner,
    status: ci.status,
    version,
    attributes: { ...ci.attributes },
    relationships: sortRelationships(ci.relationships),
  };
}

/** True when a CI falls inside a baseline's scope (for `cis`, when it is listed). */
export function inBaselineScope(scope: BaselineScope, ci: { readonly ciId: string; readonly ciType: string }): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "types") return scope.ciTypes.includes(ci.ciType);
  return scope.ciIds.includes(ci.ciId as (typeof scope.ciIds)[number]);
}
