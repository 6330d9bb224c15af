import type { Relationship } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import type { ProjectEventOf } from "@handover/project";
import { storedTypeOf } from "../relationship-names.js";
import type { ReadinessState } from "./state.js";

function setOrDelete(map: Map<string, number>, key: string, present: boolean, position: number): void {
  if (present) map.set(key, position);
  else map.delete(key);
}

/** Re-judges one stored relationship: broken when its source is in service and its target unknown or retired. */
function judgeRelationship(state: ReadinessState, source: string, relationship: Relationship, present: boolean): void {
  const key = `${source}|${relationship.type}|${relationship.targetCiId}`;
  const from = state.history.cmdb.cis.get(source);
  const to = state.history.cmdb.cis.get(relationship.targetCiId);
  const reason = to === undefined ? "unknown" : to.status === "retired" ? "retired" : undefined;
  if (!present || from === undefined || from.status === "retired" || reason === undefined) {
    state.broken.delete(key);
    return;
  }
  const position = Math.max(from.lastChange.position, to?.lastChange.position ?? 0);
  state.broken.set(key, { source, type: relationship.type, target: relationship.targetCiId, reason, position });
}

/** Re-judges every relationship from and to a CI (after it was registered, or changed status). */
function judgeRelationshipsOf(state: ReadinessState, ciId: string): void {
  const ci = state.history.cmdb.cis.get(ciId);
  if (ci === undefined) return;
  for (const relationship of ci.relationships) judgeRelationship(state, ciId, relationship, true);
  for (const inverse of ci.inverses) judgeRelationship(state, inverse.ciId, { type: storedTypeOf(inverse.type), targetCiId: ciId as Relationship["targetCiId"] }, true);
}

/** Files a CI in service under its type (and out of the type it had); a CI out of service under none. */
function fileByType(state: ReadinessState, ciId: string, ciType: string | undefined): void {
  const previous = state.typeOfCi.get(ciId);
  if (previous === ciType) return;
  if (previous !== undefined) state.cisByType.get(previous)?.delete(ciId);
  if (ciType === undefined) {
    state.typeOfCi.delete(ciId);
    return;
  }
  state.typeOfCi.set(ciId, ciType);
  let ofType = state.cisByType.get(ciType);
  if (ofType === undefined) state.cisByType.set(ciType, (ofType = new Set()));
  ofType.add(ciId);
}

/** Re-judges a CI's place in the configuration checks: coverage by a production baseline, owner, type. */
function judgeCi(state: ReadinessState, ciId: string): void {
  const ci = state.history.cmdb.cis.get(ciId);
  if (ci === undefined || ci.status === "retired") {
    state.uncovered.delete(ciId);
    state.ownerless.delete(ciId);
    fileByType(state, ciId, undefined);
    return;
  }
  setOrDelete(state.uncovered, ciId, ci.scope === "project", ci.registered.position);
  setOrDelete(state.ownerless, ciId, ci.scope === "production" && ci.owner.trim() === "", ci.lastChange.position);
  fileByType(state, ciId, ci.ciType);
}

/**
 * After a configuration event: the CI's own entries when its registration, status or owner
 * moved (attributes touch no check), and the relationships it touched.
 */
export function updateCi(state: ReadinessState, ciId: string, event: RecordedEvent): void {
  switch (event.type) {
    case "configuration.relationship_added":
    case "configuration.relationship_removed":
      judgeRelationship(state, ciId, (event.data as { relationship: Relationship }).relationship, event.type === "configuration.relationship_added");
      return;
    case "configuration.ci_registered":
    case "configuration.ci_status_changed":
      judgeCi(state, ciId);
      judgeRelationshipsOf(state, ciId);
      return;
    case "configuration.owner_transferred":
      judgeCi(state, ciId);
      return;
    default:
      return;
  }
}

/** After a production baseline: its CIs left project scope (any other event: nothing). */
export function updateProductionBaseline(state: ReadinessState, event: RecordedEvent): void {
  if (event.type !== "project.baseline_taken") return;
  const { data } = event as RecordedEvent<ProjectEventOf<"project.baseline_taken">>;
  if (data.kind !== "production") return;
  for (const { ciId } of data.cis) judgeCi(state, ciId);
}
