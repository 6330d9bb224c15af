import type { RecordedEvent } from "@handover/core";
import { applyToCmdb } from "../cmdb/apply.js";
import { createCmdbState, type CmdbState } from "../cmdb/state.js";
import { isConfigurationEvent } from "../event-kinds.js";
import { deepFreeze } from "../freeze.js";
import { applyToAggregates, createAggregates } from "../history/aggregates.js";
import { judgeCiChange } from "../history/authorisation.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { compareText, inBaselineScope, itemOf, type BaselineContents, type BaselineItem } from "./contents.js";
import { diffBaselines, type BaselineDiff } from "./diff.js";
import { Touches, type DriftEvidence } from "./touches.js";

/** What a difference is about. */
export type DriftSubject =
  | { readonly kind: "ci_added"; readonly item: BaselineItem }
  | { readonly kind: "ci_removed"; readonly item: BaselineItem }
  | { readonly kind: "field_changed"; readonly field: string; readonly oldValue: string | number; readonly newValue: string | number }
  | { readonly kind: "attribute_changed"; readonly name: string; readonly oldValue?: unknown; readonly newValue?: unknown }
  | { readonly kind: "relationship_added" | "relationship_removed"; readonly type: string; readonly targetCiId: string };

/**
 * One difference between a baseline and the CMDB now, tagged authorised when every event
 * that made it was made under an authorised change that names the CI, inside its window.
 */
export type DriftDifference = DriftSubject & {
  readonly ciId: string;
  readonly authorised: boolean;
  /** The events after the baseline that made the difference, in log order. */
  readonly evidence: readonly DriftEvidence[];
};

/** How far the CMDB has moved from a baseline: every difference (no cap), with counts. */
export interface Drift {
  readonly baseline: { readonly name: string; readonly projectId: string; readonly position: number };
  /** The last log position read. */
  readonly position: number;
  readonly differences: readonly DriftDifference[];
  readonly authorised: number;
  readonly unauthorised: number;
}

/** The CMDB's items a baseline is compared with: the CIs it holds, and CIs in its scope that are not retired. */
function currentItems(state: CmdbState, contents: BaselineContents): BaselineItem[] {
  const held = new Set(contents.cis.map((item) => item.ciId));
  const items: BaselineItem[] = [];
  for (const ci of state.cis.values()) {
    if (held.has(ci.ciId) || (ci.status !== "retired" && inBaselineScope(contents.scope, ci))) items.push(itemOf(ci));
  }
  return items.sort((a, b) => compareText(a.ciId, b.ciId));
}

function tagged(ciId: string, subject: DriftSubject, evidence: readonly DriftEvidence[]): DriftDifference {
  return { ...subject, ciId, authorised: evidence.length > 0 && evidence.every((each) => each.authorised), evidence };
}

function differencesOf(diff: BaselineDiff, touches: Touches): DriftDifference[] {
  const differences: DriftDifference[] = [];
  for (const item of diff.added) differences.push(tagged(item.ciId, { kind: "ci_added", item }, touches.allOf(item.ciId)));
  for (const item of diff.removed) differences.push(tagged(item.ciId, { kind: "ci_removed", item }, touches.of(item.ciId, "ci")));
  for (const change of diff.changed) {
    for (const field of change.fields) {
      if (field.field === "version") continue;
      const aspect = field.field === "status" || field.field === "owner" ? `field:${field.field}` : "ci";
      differences.push(tagged(change.ciId, { kind: "field_changed", ...field }, touches.of(change.ciId, aspect)));
    }
    for (const attribute of change.attributes) differences.push(tagged(change.ciId, { kind: "attribute_changed", ...attribute }, touches.of(change.ciId, `attr:${attribute.name}`)));
  }
  for (const [kind, list] of [["relationship_added", diff.relationshipsAdded], ["relationship_removed", diff.relationshipsRemoved]] as const) {
    for (const { ciId, type, targetCiId } of list) differences.push(tagged(ciId, { kind, type, targetCiId }, touches.of(ciId, `rel:${type} ${targetCiId}`)));
  }
  return differences.sort((a, b) => compareText(a.ciId, b.ciId) || (a.evidence[0]?.position ?? 0) - (b.evidence[0]?.position ?? 0));
}

/**
 * Drift of the CMDB from a baseline, as of a time, a recorded time or a position: every CI
 * added or removed, field and attribute changed (old → new), relationship added or removed,
 * each with the events after the baseline that made it as evidence, each judged against the
 * change it names as that change stood at the time (change management's `changeAuthorises`).
 */
export function drift<L extends Log>(contents: BaselineContents, log: L, options: ReadOptions = {}): Answer<L, Drift> {
  const cmdb = createCmdbState();
  const aggregates = createAggregates();
  const touches = new Touches();
  const visit = (event: RecordedEvent): void => {
    if (event.position > contents.position && isConfigurationEvent(event)) touches.add(event, judgeCiChange(event, aggregates.changes));
    applyToAggregates(aggregates, event);
    applyToCmdb(cmdb, event);
  };
  const finish = (): Drift => {
    const differences = differencesOf(diffBaselines(contents, { cis: currentItems(cmdb, contents) }), touches);
    const authorised = differences.filter((difference) => difference.authorised).length;
    const baseline = { name: contents.name, projectId: contents.projectId, position: contents.position };
    return deepFreeze({ baseline, position: cmdb.position, differences, authorised, unauthorised: differences.length - authorised });
  };
  return scanLog(log, logRangeOf(options), visit, finish);
}
