import type { RecordedEvent } from "@handover/core";
import { objectId, objectOfStream, type ObjectKind } from "./objects.js";

/** An event's relation to an object, as OCEL 2.0 qualifies it. */
export interface Link {
  readonly objectId: string;
  readonly qualifier: string;
}

/** How an id field of event data relates its event to an object: the object's kind and the qualifier. */
interface FieldLink {
  readonly kind: ObjectKind;
  readonly qualifier: string;
}

/** The id fields of event data, by name, with the kind of object they name and the default qualifier. */
const FIELDS: Readonly<Record<string, FieldLink>> = {
  ciId: { kind: "ci", qualifier: "ci" },
  ciIds: { kind: "ci", qualifier: "affects" },
  affectedCis: { kind: "ci", qualifier: "affects" },
  changeId: { kind: "change", qualifier: "change" },
  changeIds: { kind: "change", qualifier: "bundles" },
  incidentId: { kind: "incident", qualifier: "incident" },
  incidentIds: { kind: "incident", qualifier: "raised incident" },
  problemId: { kind: "problem", qualifier: "problem" },
  duplicateOf: { kind: "problem", qualifier: "duplicate of" },
};

/** Qualifiers that say more than the field's default, by `<event type>.<field>`. */
const QUALIFIERS: Readonly<Record<string, string>> = {
  "change.scheduled.ciIds": "scheduled on",
  "incident.problem_linked.problemId": "caused by problem",
  "problem.resolved.changeId": "resolved by",
  "problem.incident_linked.incidentId": "causes",
  "release.test_iteration_failed.incidentIds": "raised incident",
};

function push(links: Link[], kind: ObjectKind, id: unknown, qualifier: string): void {
  if (typeof id !== "string" || id === "") return;
  const link = { objectId: objectId(kind, id), qualifier };
  if (!links.some((each) => each.objectId === link.objectId && each.qualifier === link.qualifier)) links.push(link);
}

function linkField(event: RecordedEvent, key: string, value: unknown, links: Link[]): void {
  const field = FIELDS[key];
  if (field === undefined) return;
  let qualifier = QUALIFIERS[`${event.type}.${key}`] ?? field.qualifier;
  if (event.type === "incident.change_linked" && key === "changeId") qualifier = String((event.data as { relation?: unknown }).relation ?? "change").replace("_", " ");
  for (const id of Array.isArray(value) ? value : [value]) push(links, field.kind, id, qualifier);
}

/** The objects nested records name: a relationship's target, the change a CI change was made under, the CIs a release ships or a baseline holds, the services given levels. */
function linkNested(event: RecordedEvent, data: Record<string, unknown>, links: Link[]): void {
  const relationship = data.relationship as { type?: unknown; targetCiId?: unknown } | undefined;
  if (relationship !== undefined) push(links, "ci", relationship.targetCiId, `${String(relationship.type)} target`);
  push(links, "change", (data.changeControl as { changeId?: unknown } | undefined)?.changeId, "under change");
  const qualifier = event.type === "release.planned" ? "ships" : "baselined";
  for (const ci of Array.isArray(data.cis) ? (data.cis as { ciId?: unknown }[]) : []) push(links, "ci", ci.ciId, qualifier);
  for (const level of Array.isArray(data.serviceLevels) ? (data.serviceLevels as { service?: unknown }[]) : []) push(links, "ci", level.service, "service level for");
  const scope = data.scope as { ciIds?: unknown } | undefined;
  for (const ciId of Array.isArray(scope?.ciIds) ? (scope.ciIds as unknown[]) : []) push(links, "ci", ciId, "affects");
}

/**
 * The objects an event relates to, with OCEL 2.0 qualifiers: its own aggregate first
 * (qualified by its kind), then every object its data names: CIs a change affects or is
 * scheduled on, the changes a release bundles and the CIs it ships, the change a CI change
 * was made under, a relationship's target, an incident's problem and changes (caused by,
 * resolved by), a problem's incidents and CIs, the CIs of a baseline.
 */
export function linksOf(event: RecordedEvent): Link[] {
  const links: Link[] = [];
  const own = objectOfStream(event.streamId);
  if (own !== undefined) push(links, own.kind, own.id, own.kind);
  const data = (event.data ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) linkField(event, key, value, links);
  linkNested(event, data, links);
  return links;
}
