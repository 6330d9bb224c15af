import type { CmdbCi, BaselineRecord, InverseRelationship, ProductionEntry } from "./types.js";

/** A CI record while the CMDB owns it: the same shape as `CmdbCi`, writable. */
export type MutableCi = { -readonly [K in keyof CmdbCi]: CmdbCi[K] } & {
  attributes: Record<string, CmdbCi["attributes"][string]>;
  relationships: CmdbCi["relationships"][number][];
  inverses: InverseRelationship[];
};

/**
 * The CMDB's mutable state during a replay. Records are plain objects, changed in place
 * while the replay owns them; once handed out they are frozen, and the next change to a
 * frozen record copies that one record first (copy on write), so an inline CMDB stays
 * cheap per event and every result handed out stays as it was.
 */
export interface CmdbState {
  readonly cis: Map<string, CmdbCi | MutableCi>;
  /** Inverses of relationships whose target is not registered (yet), by target id. */
  readonly pendingInverses: Map<string, InverseRelationship[]>;
  /** When each CI entered production scope (kept for CIs registered after their baseline too). */
  readonly production: Map<string, ProductionEntry>;
  readonly baselines: BaselineRecord[];
  position: number;
  /** The latest `occurredAt` and `recordedAt` read, so a snapshot knows which ranges it may answer. */
  occurredUntil: string;
  recordedUntil: string;
}

/** An empty CMDB state. */
export function createCmdbState(): CmdbState {
  return { cis: new Map(), pendingInverses: new Map(), production: new Map(), baselines: [], position: 0, occurredUntil: "", recordedUntil: "" };
}

/** The record of a CI, writable: copied first when it has been handed out (frozen). */
export function ownCi(state: CmdbState, ciId: string): MutableCi | undefined {
  const record = state.cis.get(ciId);
  if (record === undefined || !Object.isFrozen(record)) return record as MutableCi | undefined;
  const copy: MutableCi = {
    ...record,
    attributes: { ...record.attributes },
    relationships: [...record.relationships],
    inverses: [...record.inverses],
  };
  state.cis.set(ciId, copy);
  return copy;
}
