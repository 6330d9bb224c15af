import { deepFreeze } from "../freeze.js";
import { createCmdbState, type CmdbState } from "./state.js";
import type { BaselineRecord, CmdbCi, InverseRelationship, ProductionEntry } from "./types.js";

/** The revision of the snapshot format; a snapshot of another revision is refused. */
export const CMDB_SNAPSHOT_REVISION = 1;

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
  readonly production: readonly (readonly [string, ProductionEntry])[];
  readonly baselines: readonly BaselineRecord[];
}

/** Takes a snapshot of a CMDB state: freezes its records in place (the state copies a record before changing it again) and lists them. */
export function snapshotCmdb(state: CmdbState): CmdbSnapshot {
  const cis: CmdbCi[] = [];
  for (const record of state.cis.values()) cis.push(deepFreeze(record));
  const pendingInverses = [...state.pendingInverses].map(([ciId, inverses]) => [ciId, [...inverses]] as const);
  return deepFreeze({
    revision: CMDB_SNAPSHOT_REVISION,
    position: state.position,
    occurredUntil: state.occurredUntil,
    recordedUntil: state.recordedUntil,
    cis,
    pendingInverses,
    production: [...state.production],
    baselines: [...state.baselines],
  });
}

/**
 * A CMDB state resumed from a snapshot. The snapshot's records are shared, frozen, and
 * copied one at a time as events change them, so resuming costs one pass over the ids.
 * A snapshot read back from JSON is frozen first.
 */
export function restoreCmdb(snapshot: CmdbSnapshot): CmdbState {
  if (snapshot.revision !== CMDB_SNAPSHOT_REVISION) {
    throw new RangeError(`restoreCmdb: snapshot revision ${snapshot.revision} is not ${CMDB_SNAPSHOT_REVISION}; take a new snapshot`);
  }
  const frozen = deepFreeze(snapshot);
  const state = createCmdbState();
  for (const ci of frozen.cis) state.cis.set(ci.ciId, ci);
  for (const [ciId, inverses] of frozen.pendingInverses) state.pendingInverses.set(ciId, [...inverses]);
  for (const [ciId, entry] of frozen.production) state.production.set(ciId, entry);
  state.baselines.push(...frozen.baselines);
  state.position = frozen.position;
  state.occurredUntil = frozen.occurredUntil;
  state.recordedUntil = frozen.recordedUntil;
  return state;
}
