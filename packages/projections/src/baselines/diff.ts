import { canonicalJson } from "@handover/core";
import type { AttributeValue, Relationship } from "@handover/configuration";
import { deepFreeze } from "../freeze.js";
import { compareText, sortRelationships, type BaselineItem } from "./contents.js";

/** The fields of a CI besides its attributes and relationships. */
export const CI_FIELDS = ["ciType", "name", "owner", "status", "version"] as const;
/** A field of a CI besides its attributes and relationships. */
export type CiField = (typeof CI_FIELDS)[number];

/** A field that differs: its value before and after. */
export interface FieldChange {
  readonly field: CiField;
  readonly oldValue: string | number;
  readonly newValue: string | number;
}

/** An attribute that differs; an absent side means the attribute was not set there. */
export interface AttributeChange {
  readonly name: string;
  readonly oldValue?: AttributeValue;
  readonly newValue?: AttributeValue;
}

/** One CI present on both sides whose fields or attributes differ. */
export interface CiChange {
  readonly ciId: string;
  readonly fields: readonly FieldChange[];
  readonly attributes: readonly AttributeChange[];
}

/** A relationship stored on a CI present on both sides, added or removed. */
export interface RelationshipChange extends Relationship {
  readonly ciId: string;
}

/** What differs between two sets of baseline items: every difference, with no cap. */
export interface BaselineDiff {
  readonly added: readonly BaselineItem[];
  readonly removed: readonly BaselineItem[];
  readonly changed: readonly CiChange[];
  readonly relationshipsAdded: readonly RelationshipChange[];
  readonly relationshipsRemoved: readonly RelationshipChange[];
}

/** Anything that holds baseline items: a baseline's contents, or items derived from the CMDB now. */
export interface HasItems {
  readonly cis: readonly BaselineItem[];
}

const sameValue = (a: AttributeValue | undefined, b: AttributeValue | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

function attributeChanges(before: BaselineItem, after: BaselineItem): AttributeChange[] {
  const names = [...new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])].sort(compareText);
  const changes: AttributeChange[] = [];
  for (const name of names) {
    const oldValue = Object.hasOwn(before.attributes, name) ? before.attributes[name] : undefined;
    const newValue = Object.hasOwn(after.attributes, name) ? after.attributes[name] : undefined;
    if (sameValue(oldValue, newValue)) continue;
    changes.push({ name, ...(oldValue === undefined ? {} : { oldValue }), ...(newValue === undefined ? {} : { newValue }) });
  }
  return changes;
}

const relationshipKey = (relationship: Relationship): string => `${relationship.type} ${relationship.targetCiId}`;

function relationshipsOnlyIn(side: BaselineItem, other: BaselineItem): RelationshipChange[] {
  const others = new Set(other.relationships.map(relationshipKey));
  return side.relationships.filter((relationship) => !others.has(relationshipKey(relationship))).map((relationship) => ({ ciId: side.ciId, ...relationship }));
}

/**
 * Compares two baselines (or any two sets of baseline items): CIs added and removed (with
 * their full contents), CIs whose fields or attributes changed (old → new), and
 * relationships added and removed on CIs both sides hold. Sorted by CI id; nothing capped.
 */
export function diffBaselines(from: HasItems, to: HasItems): BaselineDiff {
  const before = new Map(from.cis.map((item) => [item.ciId, item]));
  const after = new Map(to.cis.map((item) => [item.ciId, item]));
  const diff = { added: [] as BaselineItem[], removed: [] as BaselineItem[], changed: [] as CiChange[], relationshipsAdded: [] as RelationshipChange[], relationshipsRemoved: [] as RelationshipChange[] };
  for (const item of from.cis) if (!after.has(item.ciId)) diff.removed.push(item);
  for (const item of to.cis) {
    const old = before.get(item.ciId);
    if (old === undefined) {
      diff.added.push(item);
      continue;
    }
    const fields = CI_FIELDS.filter((field) => old[field] !== item[field]).map((field) => ({ field, oldValue: old[field], newValue: item[field] }));
    const attributes = attributeChanges(old, item);
    if (fields.length > 0 || attributes.length > 0) diff.changed.push({ ciId: item.ciId, fields, attributes });
    diff.relationshipsAdded.push(...relationshipsOnlyIn(item, old));
    diff.relationshipsRemoved.push(...relationshipsOnlyIn(old, item));
  }
  const byCi = (a: { ciId: string }, b: { ciId: string }) => compareText(a.ciId, b.ciId);
  for (const list of Object.values(diff)) (list as { ciId: string }[]).sort(byCi);
  return deepFreeze(diff);
}

/** True when a diff holds no difference at all. */
export function isEmptyDiff(diff: BaselineDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.relationshipsAdded.length + diff.relationshipsRemoved.length === 0;
}

function applyToItem(item: BaselineItem, diff: BaselineDiff, change: CiChange | undefined): BaselineItem {
  const attributes: Record<string, AttributeValue> = { ...item.attributes };
  for (const attribute of change?.attributes ?? []) {
    if (attribute.newValue === undefined) delete attributes[attribute.name];
    else attributes[attribute.name] = attribute.newValue;
  }
  const fields: Record<string, string | number> = {};
  for (const field of change?.fields ?? []) fields[field.field] = field.newValue;
  const removed = new Set(diff.relationshipsRemoved.filter((each) => each.ciId === item.ciId).map(relationshipKey));
  const added = diff.relationshipsAdded.filter((each) => each.ciId === item.ciId).map(({ type, targetCiId }) => ({ type, targetCiId }));
  const relationships = sortRelationships([...item.relationships.filter((relationship) => !removed.has(relationshipKey(relationship))), ...added]);
  return { ...item, ...fields, attributes, relationships } as BaselineItem;
}

/** Applies a diff to a set of baseline items: what `diffBaselines(a, b)` applied to `a` gives is `b`'s items. */
export function applyBaselineDiff(from: HasItems, diff: BaselineDiff): readonly BaselineItem[] {
  const removed = new Set(diff.removed.map((item) => item.ciId));
  const changes = new Map(diff.changed.map((change) => [change.ciId, change]));
  const kept = from.cis.filter((item) => !removed.has(item.ciId)).map((item) => applyToItem(item, diff, changes.get(item.ciId)));
  return deepFreeze([...kept, ...diff.added].sort((a, b) => compareText(a.ciId, b.ciId)));
}
