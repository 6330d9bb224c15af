import type { Projection } from "@handover/core";
import { projectLog, type Answer, type Log } from "../log.js";
import { logRangeOf, standingOf, type ReadOptions } from "../read-options.js";
import { applyToCmdb } from "./apply.js";
import { cmdbOf, type CmdbStanding } from "./result.js";
import { restoreCmdb, type CmdbSnapshot } from "./snapshot.js";
import type { StoredCmdbSnapshot } from "./stored-snapshot.js";
import { createCmdbState, type CmdbState } from "./state.js";
import type { Cmdb } from "./types.js";

/**
 * The CMDB as a core `Projection`: `apply` changes only the CI an event is about (cheap,
 * for an inline read model kept after each append), `result` freezes what changed since
 * the last result and lists every CI.
 */
export function cmdbProjection(standing: CmdbStanding = {}, from?: CmdbSnapshot | StoredCmdbSnapshot): Projection<CmdbState, Cmdb> {
  const after = from?.position ?? 0;
  return {
    name: "cmdb",
    init: () => (from === undefined ? createCmdbState() : restoreCmdb(from)),
    apply: (state, event) => {
      if (event.position > after) applyToCmdb(state, event);
    },
    result: (state) => cmdbOf(state, standing),
  };
}

/** Options of `cmdbAsOf`: where in the log, and optionally a snapshot to resume from. */
export interface CmdbOptions extends ReadOptions {
  /**
   * A snapshot taken earlier with `snapshotCmdb`: events up to its position are skipped,
   * so the log may start after it. It must not hold events the range leaves out. A
   * snapshot kept in a store (`loadCmdbSnapshot`) is read a record at a time.
   */
  readonly snapshot?: CmdbSnapshot | StoredCmdbSnapshot;
}

/**
 * The CMDB as of a time (`asOf`, by when events occurred), as the log knew it
 * (`knownAt`, by when they were recorded), or cut at a position: every CI with its type,
 * name, owner, status, attributes, scope, stream version, relationships both ways and its
 * last change. Synchronous for arrays, a promise for async logs.
 */
export function cmdbAsOf<L extends Log>(log: L, options: CmdbOptions = {}): Answer<L, Cmdb> {
  const range = logRangeOf(options);
  if (options.snapshot !== undefined) checkSnapshotFits(options.snapshot, range);
  const standing = standingOf(range);
  return projectLog(log, cmdbProjection(standing, options.snapshot), range);
}

function checkSnapshotFits(snapshot: CmdbSnapshot | StoredCmdbSnapshot, range: { until?: string; recordedUntil?: string; toPosition?: number }): void {
  const problems: string[] = [];
  if (range.toPosition !== undefined && snapshot.position > range.toPosition) problems.push(`it holds position ${snapshot.position}, after toPosition ${range.toPosition}`);
  if (range.until !== undefined && snapshot.occurredUntil > range.until) problems.push(`it holds events that occurred up to ${snapshot.occurredUntil}, after asOf ${range.until}`);
  if (range.recordedUntil !== undefined && snapshot.recordedUntil > range.recordedUntil) problems.push(`it holds events recorded up to ${snapshot.recordedUntil}, after knownAt ${range.recordedUntil}`);
  if (problems.length > 0) throw new RangeError(`cmdbAsOf: the snapshot does not fit the range asked: ${problems.join("; ")}; replay the log from its start instead`);
}
