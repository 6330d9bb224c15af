import { deepFreeze } from "../freeze.js";
import { freezeCi } from "./freeze-ci.js";
import { shareIndex } from "./result.js";
import { createCmdbState, type CmdbState } from "./state.js";
import { StoredCiIndex } from "./stored-index.js";
import type { StoredCmdbSnapshot } from "./stored-snapshot.js";
import type { BaselineRecord, CmdbCi, InverseRelationship, ProductionEntry } from "./types.js";

/** The revision of the snapshot format; a snapshot of another revision is refused. */
export const CMDB_SNAPSHOT_REVISION = 2;

/**
 * The CMDB's state at a position, as plain JSON-ready data: take it with `snapshotCmdb`,
 * keep it (in memory, or serialised), and resume with `restoreCmdb` or `cmdbAsOf({ snapshot })`.
 */
export interface CmdbSnapshot {
  readonly revision: number;
  readonly position: number;
  readonly occurredUntil: string;
  readonly recordedUntil: string;
  readonly cis: readonly CmdbCi[];
  readonly pendingInverses: readonly (readonly [string, readonly InverseRelationship[]])[];
  readonly pendingProduction: readonly (readonly [string, ProductionEntry])[];
  readonly baselines: readonly BaselineRecord[];
}

/** Takes a snapshot of a CMDB state: freezes its records in place (the state copies a record before changing it again) and lists them. */
export function snapshotCmdb(state: CmdbState): CmdbSnapshot {
  const index = shareIndex(state);
  const cis = [...index.values()];
  const pendingInverses = [...state.pendingInverses].map(([ciId, inverses]) => [ciId, [...inverses]] as const);
  const snapshot = freezeSnapshot({
    revision: CMDB_SNAPSHOT_REVISION,
    position: state.position,
    occurredUntil: state.occurredUntil,
    recordedUntil: state.recordedUntil,
    cis,
    pendingInverses,
    pendingProduction: [...state.pendingProduction],
    baselines: [...state.baselines],
  });
  indexes.set(snapshot, index);
  return snapshot;
}

/** Freezes a snapshot in place, each CI with `freezeCi` (a taken snapshot is frozen already; one read back from JSON is not). */
function freezeSnapshot(snapshot: CmdbSnapshot): CmdbSnapshot {
  if (Object.isFrozen(snapshot)) return snapshot;
  for (const ci of snapshot.cis) freezeCi(ci);
  Object.freeze(snapshot.cis);
  deepFreeze(snapshot.pendingInverses);
  deepFreeze(snapshot.pendingProduction);
  deepFreeze(snapshot.baselines);
  return Object.freeze(snapshot);
}

/** The index each in-memory snapshot was taken from, so resuming from it shares the index instead of rebuilding it. */
const indexes = new WeakMap<CmdbSnapshot, ReadonlyMap<string, CmdbCi>>();

/**
 * A CMDB state resumed from a snapshot. The snapshot's records are shared, frozen, and
 * copied one at a time as events change them. Resuming from a snapshot taken in this
 * process shares its index too (copied at the first write); one read back from JSON is
 * frozen and indexed first. Resuming from a stored snapshot (`loadCmdbSnapshot`) reads
 * each record from the store when first asked for.
 */
export function restoreCmdb(snapshot: CmdbSnapshot | StoredCmdbSnapshot): CmdbState {
  if (snapshot.revision !== CMDB_SNAPSHOT_REVISION) {
    throw new RangeError(`restoreCmdb: snapshot revision ${snapshot.revision} is not ${CMDB_SNAPSHOT_REVISION}; take a new snapshot`);
  }
  if ("storedCis" in snapshot) return restoreStoredCmdb(snapshot);
  const frozen = freezeSnapshot(snapshot);
  const state = createCmdbState();
  const index = indexes.get(frozen);
  if (index === undefined) {
    for (const ci of frozen.cis) state.cis.set(ci.ciId, ci);
  } else {
    state.cis = index as Map<string, CmdbCi>;
    state.cisShared = true;
  }
  state.baselines.push(...frozen.baselines);
  return resumeAt(state, frozen);
}

/** Puts what every snapshot holds beside its records into a state: pending inverses and production entries, and where it stands. */
function resumeAt(state: CmdbState, snapshot: CmdbSnapshot | StoredCmdbSnapshot): CmdbState {
  for (const [ciId, inverses] of snapshot.pendingInverses) state.pendingInverses.set(ciId, [...inverses]);
  for (const [ciId, entry] of snapshot.pendingProduction) state.pendingProduction.set(ciId, entry);
  state.position = snapshot.position;
  state.occurredUntil = snapshot.occurredUntil;
  state.recordedUntil = snapshot.recordedUntil;
  return state;
}

/** A CMDB state resumed from a stored snapshot: its index reads records from the store as they are asked for. */
function restoreStoredCmdb(snapshot: StoredCmdbSnapshot): CmdbState {
  const state = createCmdbState();
  // The index is the state's own (no answer holds it yet): records it decodes are changed in place until one does.
  state.cis = new StoredCiIndex(snapshot.storedCis);
  state.cisShared = false;
  state.storedBaselines = snapshot.storedBaselines;
  return resumeAt(state, snapshot);
}
