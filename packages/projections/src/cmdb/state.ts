import { StoredCiIndex } from "./stored-index.js";
import type { CmdbCi, BaselineRecord, InverseRelationship, ProductionEntry } from "./types.js";

/**
 * A CI record while the CMDB owns it: the same shape as `CmdbCi`, writable at the top; its
 * attributes, relationships and inverses may still be shared (frozen) with the record it
 * was copied from, so write them through `ownAttributes`, `ownRelationships`, `ownInverses`.
 */
export type MutableCi = { -readonly [K in keyof CmdbCi]: CmdbCi[K] } & {
  attributes: Record<string, CmdbCi["attributes"][string]>;
  relationships: CmdbCi["relationships"][number][];
  inverses: InverseRelationship[];
};

/**
 * The CMDB's mutable state during a replay. Records are plain objects, changed in place
 * while the replay owns them; once handed out they are frozen, and the next change to a
 * frozen record copies that one record first (copy on write, and of its parts only the
 * one the event changes), so an inline CMDB stays
 * cheap per event and every result handed out stays as it was. The index of records is
 * handed out the same way: a result (or snapshot) shares it frozen, and the next
 * registration or record copy copies the index first.
 */
export interface CmdbState {
  /** Every record by CI id, in registration order; read it freely, write it only through `writableIndex`. */
  cis: Map<string, CmdbCi | MutableCi>;
  /** True while `cis` is shared with a result or snapshot (frozen): the next write copies it. */
  cisShared: boolean;
  /** Records created or copied since the last result: the ones to freeze when it is handed out. */
  readonly unfrozen: MutableCi[];
  /** Inverses of relationships whose target is not registered (yet), by target id. */
  readonly pendingInverses: Map<string, InverseRelationship[]>;
  /** Production baselines that named a CI not registered (yet) in this view of the log: it enters production scope on registration. */
  readonly pendingProduction: Map<string, ProductionEntry>;
  /** The baselines taken so far, in log order; after a stored snapshot, those taken after it (see `storedBaselines`). */
  readonly baselines: BaselineRecord[];
  /** The baselines a stored snapshot holds, read when first asked (absent unless resumed from a stored snapshot). */
  storedBaselines?: () => readonly BaselineRecord[];
  position: number;
  /** The latest `occurredAt` and `recordedAt` read, so a snapshot knows which ranges it may answer. */
  occurredUntil: string;
  recordedUntil: string;
}

/** An empty CMDB state. */
export function createCmdbState(): CmdbState {
  return { cis: new Map(), cisShared: false, unfrozen: [], pendingInverses: new Map(), pendingProduction: new Map(), baselines: [], position: 0, occurredUntil: "", recordedUntil: "" };
}

/** The index of records, writable: copied first when a result or snapshot shares it. */
export function writableIndex(state: CmdbState): Map<string, CmdbCi | MutableCi> {
  if (state.cisShared) {
    state.cis = copyOfIndex(state.cis);
    state.cisShared = false;
  }
  return state.cis;
}

/** A writable copy of an index: an index resumed from a stored snapshot copies what it read so far and shares the snapshot. */
function copyOfIndex(index: Map<string, CmdbCi | MutableCi>): Map<string, CmdbCi | MutableCi> {
  if (index instanceof StoredCiIndex) return index.copy();
  // forEach and set: faster than new Map(shared), which goes through the iterator protocol.
  const copy = new Map<string, CmdbCi | MutableCi>();
  index.forEach((record, ciId) => copy.set(ciId, record));
  return copy;
}

/** Puts a record the state owns into the index. */
export function putCi(state: CmdbState, record: MutableCi): void {
  writableIndex(state).set(record.ciId, record);
  state.unfrozen.push(record);
}

/**
 * The record of a CI, writable: copied first when it has been handed out (frozen). The copy
 * is shallow: its attributes, relationships and inverses stay shared and frozen until
 * `ownAttributes`, `ownRelationships` or `ownInverses` copies the one about to change.
 */
export function ownCi(state: CmdbState, ciId: string): MutableCi | undefined {
  const record = state.cis.get(ciId);
  if (record === undefined || !Object.isFrozen(record)) return record as MutableCi | undefined;
  const copy = copyOfRecord(record);
  putCi(state, copy);
  return copy;
}

/** A shallow copy of a record, field by field (an object literal of one shape copies several times faster than a spread of a frozen record). */
function copyOfRecord(record: CmdbCi): MutableCi {
  const { ciId, ciType, name, owner, status, scope, productionSince, version, registered, lastChange } = record;
  const { attributes, relationships, inverses } = record as MutableCi;
  return { ciId, ciType, name, owner, status, attributes, scope, productionSince, version, relationships, inverses, registered, lastChange };
}

/** The attributes of an owned record, writable: copied first when still shared with a frozen record. */
export function ownAttributes(record: MutableCi): MutableCi["attributes"] {
  if (!Object.isFrozen(record.attributes)) return record.attributes;
  // Key by key: faster here than a spread for the many shapes attributes come in.
  const shared = record.attributes;
  const copy: MutableCi["attributes"] = {};
  for (const name of Object.keys(shared)) copy[name] = shared[name] as MutableCi["attributes"][string];
  return (record.attributes = copy);
}

/** The relationships of an owned record, writable: copied first when still shared with a frozen record. */
export function ownRelationships(record: MutableCi): MutableCi["relationships"] {
  if (Object.isFrozen(record.relationships)) record.relationships = [...record.relationships];
  return record.relationships;
}

/** The inverses of an owned record, writable: copied first when still shared with a frozen record. */
export function ownInverses(record: MutableCi): MutableCi["inverses"] {
  if (Object.isFrozen(record.inverses)) record.inverses = [...record.inverses];
  return record.inverses;
}
