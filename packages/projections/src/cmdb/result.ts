import { deepFreeze, freezeShallow } from "../freeze.js";
import type { Standing } from "../read-options.js";
import { freezeCi } from "./freeze-ci.js";
import type { CmdbState } from "./state.js";
import { StoredCiIndex } from "./stored-index.js";
import type { BaselineRecord, Cmdb, CmdbCi } from "./types.js";

/** Where a CMDB answer stands, as the read options asked (the one `Standing` of every read model). */
export type CmdbStanding = Standing;

/**
 * The CMDB as it stands in the state, frozen. Records and the index are frozen in place
 * and shared with the state, which copies them before changing them again; so this costs
 * the records changed since the last result, plus one pass to list them.
 */
export function cmdbOf(state: CmdbState, standing: CmdbStanding = {}): Cmdb {
  const byId = shareIndex(state);
  for (const baseline of state.baselines) deepFreeze(baseline);
  const baselines = Object.freeze([...state.baselines]);
  if (byId instanceof StoredCiIndex || state.storedBaselines !== undefined) return storedCmdbOf(state, standing, byId, baselines);
  return Object.freeze({ position: state.position, ...standing, cis: listOf(byId), byId, baselines });
}

/**
 * The CMDB of a state resumed from a stored snapshot: `byId` reads a record from the
 * snapshot when first asked, and `cis` and `baselines` are read whole only when first read.
 */
function storedCmdbOf(state: CmdbState, standing: CmdbStanding, byId: ReadonlyMap<string, CmdbCi>, later: readonly BaselineRecord[]): Cmdb {
  const stored = state.storedBaselines;
  let baselines: readonly BaselineRecord[] | undefined;
  return Object.freeze({
    position: state.position,
    ...standing,
    get cis() {
      return listOf(byId);
    },
    byId,
    get baselines() {
      return (baselines ??= stored === undefined ? later : Object.freeze([...stored(), ...later]));
    },
  });
}

const lists = new WeakMap<ReadonlyMap<string, CmdbCi>, readonly CmdbCi[]>();

/** The records of a shared index as a frozen list, made once per index. */
function listOf(index: ReadonlyMap<string, CmdbCi>): readonly CmdbCi[] {
  let list = lists.get(index);
  if (list === undefined) lists.set(index, (list = Object.freeze([...index.values()])));
  return list;
}

/**
 * Freezes the records created or copied since the last result and shares the index,
 * frozen, until the next write copies it: a result costs the records changed since the
 * last one, and nothing when none changed.
 */
export function shareIndex(state: CmdbState): ReadonlyMap<string, CmdbCi> {
  for (const record of state.unfrozen) freezeCi(record);
  state.unfrozen.length = 0;
  if (state.cis instanceof StoredCiIndex) state.cis.freezeDecoded();
  if (!state.cisShared) {
    freezeShallow(state.cis);
    state.cisShared = true;
  }
  return state.cis as ReadonlyMap<string, CmdbCi>;
}

/** One CI as it stands in the state, frozen (the state copies it before its next change), or undefined when not registered. */
export function cmdbCiOf(state: CmdbState, ciId: string): CmdbCi | undefined {
  const record = state.cis.get(ciId);
  return record === undefined ? undefined : freezeCi(record);
}
