/** The kinds of object a process-mining export holds: the project, its CIs, changes, incidents, problems and releases. */
export const OBJECT_KINDS = ["project", "ci", "change", "incident", "problem", "release"] as const;
/** A kind of object. */
export type ObjectKind = (typeof OBJECT_KINDS)[number];

const STREAM_KINDS: readonly (readonly [string, ObjectKind])[] = [
  ["project-", "project"],
  ["ci-", "ci"],
  ["change-", "change"],
  ["incident-", "incident"],
  ["problem-", "problem"],
  ["release-", "release"],
];

/** The object an exported id names: `change:CHG-001` is change CHG-001 (the kind keeps ids of different kinds apart). */
export function objectId(kind: ObjectKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and own id of the aggregate a stream holds, or undefined for a stream of no known process. */
export function objectOfStream(streamId: string): { readonly kind: ObjectKind; readonly id: string } | undefined {
  const found = STREAM_KINDS.find(([prefix]) => streamId.startsWith(prefix));
  return found === undefined ? undefined : { kind: found[1], id: streamId.slice(found[0].length) };
}
