import { compareText, type BaselineItem } from "./contents.js";
import type { BaselineDiff } from "./diff.js";
import type { DriftEvidence, Touches } from "./touches.js";

/** What a difference is about. */
export type DriftSubject =
  | { readonly kind: "ci_added"; readonly item: BaselineItem }
  | { readonly kind: "ci_removed"; readonly item: BaselineItem }
  | { readonly kind: "field_changed"; readonly field: string; readonly oldValue: string | number; readonly newValue: string | number }
  | { readonly kind: "attribute_changed"; readonly name: string; readonly oldValue?: unknown; readonly newValue?: unknown }
  | { readonly kind: "relationship_added" | "relationship_removed"; readonly type: string; readonly targetCiId: string };

/**
 * One difference between a baseline and the CMDB (or a later baseline), tagged authorised when every event
 * that made it was made under an authorised change that names the CI, inside its window.
 */
export type DriftDifference = DriftSubject & {
  readonly ciId: string;
  readonly authorised: boolean;
  /** The events after the (earlier) baseline that made the difference, in log order. */
  readonly evidence: readonly DriftEvidence[];
};

function tagged(ciId: string, subject: DriftSubject, evidence: readonly DriftEvidence[]): DriftDifference {
  return { ...subject, ciId, authorised: evidence.length > 0 && evidence.every((each) => each.authorised), evidence };
}

/** Every difference of a diff as a tagged difference, with the evidence the touches hold, sorted by CI and first evidence. */
export function differencesOf(diff: BaselineDiff, touches: Touches): DriftDifference[] {
  const differences: DriftDifference[] = [];
  for (const item of diff.added) differences.push(tagged(item.ciId, { kind: "ci_added", item }, touches.allOf(item.ciId)));
  // A CI leaves a baseline when it is retired or withdrawn: the status moves are the evidence, with any registration since.
  for (const item of diff.removed) differences.push(tagged(item.ciId, { kind: "ci_removed", item }, [...touches.of(item.ciId, "ci"), ...touches.of(item.ciId, "field:status")].sort((a, b) => a.position - b.position)));
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

