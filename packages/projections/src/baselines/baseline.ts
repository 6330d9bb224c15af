import { domainError, type DomainError, type RecordedEvent } from "@handover/core";
import type { ProjectEventOf } from "@handover/project";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { applyToCmdb } from "../cmdb/apply.js";
import { createCmdbState, type CmdbState } from "../cmdb/state.js";
import { deepFreeze } from "../freeze.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { compareText, itemOf, type BaselineContents, type BaselineItem } from "./contents.js";

/** Options of `baseline`: which project's baseline (when the log holds several), and where in the log to look. */
export interface BaselineOptions extends ReadOptions {
  readonly projectId?: string;
}

type BaselineTaken = RecordedEvent<ProjectEventOf<"project.baseline_taken">>;

/**
 * A baseline's contents as the log stood at its `project.baseline_taken` event: each CI it
 * names with its type, name, owner, status, attributes and stored relationships, for
 * project and production baselines alike. Reads the log only up to that event. A name the
 * log does not hold is refused with the names it does hold.
 */
export function baseline<L extends Log>(log: L, name: string, options: BaselineOptions = {}): Answer<L, Either<DomainError, BaselineContents>> {
  const state = createCmdbState();
  let found: BaselineContents | undefined;
  const visit = (event: RecordedEvent): boolean => {
    applyToCmdb(state, event);
    if (event.type !== "project.baseline_taken") return true;
    const taken = event as BaselineTaken;
    if (taken.data.name !== name || (options.projectId !== undefined && taken.data.projectId !== options.projectId)) return true;
    found = contentsAt(state, taken);
    return false;
  };
  return scanLog(log, logRangeOf(options), visit, () => (found === undefined ? left(notFound(state, name, options.projectId)) : right(found)));
}

function contentsAt(state: CmdbState, event: BaselineTaken): BaselineContents {
  const { data } = event;
  const cis: BaselineItem[] = [];
  const unresolved: string[] = [];
  for (const listed of data.cis) {
    const ci = state.cis.get(listed.ciId);
    if (ci === undefined) unresolved.push(listed.ciId);
    else cis.push(itemOf(ci, listed.version));
  }
  cis.sort((a, b) => compareText(a.ciId, b.ciId));
  return deepFreeze({
    name: data.name,
    projectId: data.projectId,
    kind: data.kind,
    scope: data.scope,
    at: data.at,
    position: event.position,
    recordedAt: event.recordedAt,
    cis,
    unresolved,
  });
}

function notFound(state: CmdbState, name: string, projectId: string | undefined): DomainError {
  const known = state.baselines.filter((taken) => projectId === undefined || taken.projectId === projectId).map((taken) => `"${taken.name}"`);
  const of = projectId === undefined ? "" : ` of project ${projectId}`;
  const holds = known.length === 0 ? "it holds none" : `it holds ${known.join(", ")}`;
  return domainError("baseline_unknown", `no baseline "${name}"${of} in the log read; ${holds}`, { name, ...(projectId === undefined ? {} : { projectId }) });
}
