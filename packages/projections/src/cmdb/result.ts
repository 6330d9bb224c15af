import { deepFreeze } from "../freeze.js";
import type { CmdbState } from "./state.js";
import type { Cmdb, CmdbCi } from "./types.js";

/** Where the answer stands, as the read options asked. */
export interface CmdbStanding {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/**
 * The CMDB as it stands in the state, frozen. Records are frozen in place and shared with
 * the state, which copies a record before changing it again; so this costs the records
 * changed since the last result, plus one pass to list them.
 */
export function cmdbOf(state: CmdbState, standing: CmdbStanding = {}): Cmdb {
  const cis: CmdbCi[] = [];
  for (const record of state.cis.values()) cis.push(Object.isFrozen(record) ? record : deepFreeze(record));
  const byId = new Map<string, CmdbCi>();
  for (const ci of cis) byId.set(ci.ciId, ci);
  for (const baseline of state.baselines) deepFreeze(baseline);
  return deepFreeze({ position: state.position, ...standing, cis, byId, baselines: [...state.baselines] });
}

/** One CI as it stands in the state, frozen (the state copies it before its next change), or undefined when not registered. */
export function cmdbCiOf(state: CmdbState, ciId: string): CmdbCi | undefined {
  const record = state.cis.get(ciId);
  return record === undefined ? undefined : deepFreeze(record);
}
