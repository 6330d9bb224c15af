import type { BaselineContents, BaselineDiff, BaselineItem, Drift, DriftDifference } from "@handover/projections";
import { renderTable } from "../output/table.js";
import type { ColumnGroup, ExplainedColumn } from "./columns.js";

const shown = (value: unknown): string => (value === undefined ? "(unset)" : typeof value === "string" ? JSON.stringify(value) : JSON.stringify(value));
const minute = (at: string): string => `${at.slice(0, 16).replace("T", " ")} UTC`;

/** One line naming a baseline: its project, kind, scope, when and where it was taken. */
export function baselineTitle(contents: BaselineContents): string {
  const scope = contents.scope.kind === "all" ? "all CIs" : contents.scope.kind === "types" ? `types ${contents.scope.ciTypes.join(", ")}` : `CIs ${contents.scope.ciIds.join(", ")}`;
  return `baseline "${contents.name}" of project ${contents.projectId}: ${contents.kind}, scope ${scope}, taken ${minute(contents.at)} at position ${contents.position}`;
}

const ITEM_COLUMNS: readonly ExplainedColumn<BaselineItem>[] = [
  { heading: "CI", cell: (item) => item.ciId, meaning: "the configuration item's id" },
  { heading: "type", cell: (item) => item.ciType, meaning: "its type" },
  { heading: "name", cell: (item) => item.name, meaning: "its name when the baseline was taken" },
  { heading: "owner", cell: (item) => item.owner, meaning: "its owner then" },
  { heading: "status", cell: (item) => item.status, meaning: "its lifecycle status then" },
  { heading: "v", cell: (item) => String(item.version), align: "right", meaning: "the stream version the baseline holds it at" },
  { heading: "attributes", cell: (item) => Object.entries(item.attributes).map(([name, value]) => `${name}=${shown(value)}`).join(", ") || "-", meaning: "its attributes then, name=value" },
  { heading: "relationships", cell: (item) => item.relationships.map((each) => `${each.type} ${each.targetCiId}`).join(", ") || "-", meaning: "what it related to then (type and target CI)" },
];

/** The table `baseline` prints, as its help and the guide explain it. */
export const BASELINE_TABLES: readonly ColumnGroup[] = [{ table: "the baseline", columns: ITEM_COLUMNS }];

const DRIFT_COLUMNS: readonly ExplainedColumn<DriftDifference>[] = [
  { heading: "CI", cell: (difference) => difference.ciId, meaning: "the configuration item that differs" },
  { heading: "difference", cell: describeDifference, meaning: "what differs: a CI added or removed, a field or attribute changed (old → new), a relationship added or removed" },
  { heading: "authorised", cell: (difference) => (difference.authorised ? "yes" : "NO"), meaning: "yes when every event that made it was made under an authorised change naming the CI, inside its window" },
  { heading: "evidence", cell: describeEvidence, meaning: "the log positions of the events that made it, each with the change it named (unauthorised when it was not one)" },
];

/** The table `diff` prints, as its help and the guide explain it. */
export const DIFF_TABLES: readonly ColumnGroup[] = [{ table: "the differences", columns: DRIFT_COLUMNS }];

/** A baseline's CIs as a text table, with the CIs it named that the log could not resolve. */
export function baselineTable(contents: BaselineContents): string {
  const table = contents.cis.length === 0 ? "no CIs\n" : renderTable(contents.cis, ITEM_COLUMNS);
  return contents.unresolved.length === 0 ? table : `${table}unresolved (named by the baseline, not in the log read): ${contents.unresolved.join(", ")}\n`;
}

/** A difference of a drift in words: `attribute work_mem: "32MB" → "64MB"`. */
export function describeDifference(difference: DriftDifference): string {
  switch (difference.kind) {
    case "ci_added":
      return `CI added (${difference.item.ciType} "${difference.item.name}")`;
    case "ci_removed":
      return `CI removed (was ${difference.item.ciType} "${difference.item.name}")`;
    case "field_changed":
      return `${difference.field}: ${shown(difference.oldValue)} → ${shown(difference.newValue)}`;
    case "attribute_changed":
      return `attribute ${difference.name}: ${shown(difference.oldValue)} → ${shown(difference.newValue)}`;
    case "relationship_added":
      return `relationship added: ${difference.type} ${difference.targetCiId}`;
    case "relationship_removed":
      return `relationship removed: ${difference.type} ${difference.targetCiId}`;
  }
}

/** The evidence of a difference in words: the positions of the events that made it, and the change each named. */
export function describeEvidence(difference: DriftDifference): string {
  if (difference.evidence.length === 0) return "no event made it (the scopes differ)";
  return difference.evidence.map((each) => `@${each.position}${each.changeId === undefined ? "" : ` ${each.changeId}`}${each.authorised ? "" : " (unauthorised)"}`).join(", ");
}

/** Drift from a baseline (or a comparison of two) as a text table: each difference, authorised or not, with its evidence. */
export function driftTable(drift: Pick<Drift, "differences">, none = "no differences: the CMDB matches the baseline"): string {
  if (drift.differences.length === 0) return `${none}\n`;
  return renderTable(drift.differences, DRIFT_COLUMNS);
}

/** The lines of a diff between two baselines, grouped: added, removed, changed, relationships. */
export function diffLines(diff: BaselineDiff): string[] {
  const lines: string[] = [];
  for (const item of diff.added) lines.push(`+ ${item.ciId}: CI added (${item.ciType} "${item.name}")`);
  for (const item of diff.removed) lines.push(`- ${item.ciId}: CI removed (was ${item.ciType} "${item.name}")`);
  for (const change of diff.changed) {
    for (const field of change.fields) lines.push(`~ ${change.ciId}: ${field.field}: ${shown(field.oldValue)} → ${shown(field.newValue)}`);
    for (const attribute of change.attributes) lines.push(`~ ${change.ciId}: attribute ${attribute.name}: ${shown(attribute.oldValue)} → ${shown(attribute.newValue)}`);
  }
  for (const relationship of diff.relationshipsAdded) lines.push(`+ ${relationship.ciId}: relationship ${relationship.type} ${relationship.targetCiId}`);
  for (const relationship of diff.relationshipsRemoved) lines.push(`- ${relationship.ciId}: relationship ${relationship.type} ${relationship.targetCiId}`);
  return lines;
}
