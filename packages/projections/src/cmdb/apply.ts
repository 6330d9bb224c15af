import type { RecordedEvent } from "@handover/core";
import { evolveCi, type CiState, type ConfigurationEvent } from "@handover/configuration";
import type { ProjectEventOf } from "@handover/project";
import type { Draft } from "immer";
import { isConfigurationEvent } from "../event-kinds.js";
import { addInverse, removeInverse, takePendingInverses } from "./inverses.js";
import { ownAttributes, ownCi, ownRelationships, putCi, type CmdbState, type MutableCi } from "./state.js";
import type { EventStamp, LastChange } from "./types.js";

/**
 * Applies one log event to the CMDB state (`configuration`: whether it is a configuration
 * event, when the caller has looked it up): configuration events change their CI (through
 * configuration's own `evolveCi`), production baselines move CIs into production scope;
 * every event moves the state's position. Events on a CI that is not registered in this
 * view of the log (cut by time) are skipped.
 */
export function applyToCmdb(state: CmdbState, event: RecordedEvent, configuration: boolean = isConfigurationEvent(event)): void {
  if (configuration) applyConfigurationEvent(state, event as RecordedEvent<ConfigurationEvent>);
  else if (event.type === "project.baseline_taken") recordBaseline(state, event as RecordedEvent<ProjectEventOf<"project.baseline_taken">>);
  state.position = event.position;
  if (event.meta.occurredAt > state.occurredUntil) state.occurredUntil = event.meta.occurredAt;
  if (event.recordedAt > state.recordedUntil) state.recordedUntil = event.recordedAt;
}

function stampOf(event: RecordedEvent): EventStamp {
  return { position: event.position, at: event.meta.occurredAt, recordedAt: event.recordedAt };
}

function applyConfigurationEvent(state: CmdbState, event: RecordedEvent<ConfigurationEvent>): void {
  const ciId = event.data.ciId;
  const record = event.type === "configuration.ci_registered" ? register(state, event) : ownCi(state, ciId);
  if (record === undefined) return;
  ownPartsChangedBy(record, event.type);
  evolveCi(record as unknown as Draft<CiState>, event);
  if (event.type === "configuration.relationship_added") addInverse(state, ciId, event.data.relationship);
  if (event.type === "configuration.relationship_removed") removeInverse(state, ciId, event.data.relationship);
  record.version = event.version;
  const last = record.lastChange as { -readonly [K in keyof LastChange]: LastChange[K] };
  if (Object.isFrozen(last)) {
    record.lastChange = lastChangeOf(event);
    return;
  }
  // The record owns its last change (it has not been handed out since): update it in place, allocating nothing.
  last.position = event.position;
  last.at = event.meta.occurredAt;
  last.recordedAt = event.recordedAt;
  last.type = event.type;
  last.actor = event.meta.actor;
}

/** Copies the part of a record that configuration's `evolveCi` changes in place for this event, if it is still shared (frozen). */
function ownPartsChangedBy(record: MutableCi, type: ConfigurationEvent["type"]): void {
  if (type === "configuration.attribute_set" || type === "configuration.attribute_unset") ownAttributes(record);
  else if (type === "configuration.relationship_added") ownRelationships(record);
}

function lastChangeOf(event: RecordedEvent): LastChange {
  return { position: event.position, at: event.meta.occurredAt, recordedAt: event.recordedAt, type: event.type, actor: event.meta.actor };
}

/** A fresh record for a registration; a CI registered again (imported history) first drops the inverses of its old relationships. */
function register(state: CmdbState, event: RecordedEvent<ConfigurationEvent & { type: "configuration.ci_registered" }>): MutableCi {
  const ciId = event.data.ciId;
  const existing = ownCi(state, ciId);
  if (existing !== undefined) {
    for (const relationship of existing.relationships) removeInverse(state, ciId, relationship);
    return existing;
  }
  const production = state.pendingProduction.get(ciId) ?? null;
  state.pendingProduction.delete(ciId);
  const record: MutableCi = {
    ciId,
    ciType: event.data.ciType,
    name: event.data.name,
    owner: event.data.owner,
    status: "planned",
    attributes: {},
    scope: production === null ? "project" : "production",
    productionSince: production,
    version: event.version,
    relationships: [],
    inverses: takePendingInverses(state, ciId),
    registered: stampOf(event),
    lastChange: lastChangeOf(event),
  };
  putCi(state, record);
  return record;
}

function recordBaseline(state: CmdbState, event: RecordedEvent<ProjectEventOf<"project.baseline_taken">>): void {
  const { data } = event;
  const stamp = stampOf(event);
  state.baselines.push({ ...stamp, projectId: data.projectId, name: data.name, kind: data.kind, scope: data.scope, cis: data.cis });
  if (data.kind !== "production") return;
  const entry = { ...stamp, baseline: data.name };
  for (const { ciId } of data.cis) {
    const current = state.cis.get(ciId);
    if (current === undefined) {
      if (!state.pendingProduction.has(ciId)) state.pendingProduction.set(ciId, entry);
      continue;
    }
    if (current.productionSince !== null) continue;
    const record = ownCi(state, ciId);
    if (record === undefined) continue;
    record.scope = "production";
    record.productionSince = entry;
  }
}
