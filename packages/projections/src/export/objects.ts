import { WIRED, wiringOfStream, type ProcessName } from "../event-kinds.js";

/** A kind of object: a process's stream prefix (`ci` for configuration's CIs, the process's own name for the others). */
export type ObjectKind = Exclude<ProcessName, "configuration"> | "ci";

/** The kinds of object a process-mining export holds, one per process of the one list: the project, its CIs, changes, incidents, problems and releases. */
export const OBJECT_KINDS: readonly ObjectKind[] = WIRED.map((wiring) => wiring.descriptor.streamPrefix as ObjectKind);

/** The object an exported id names: `change:CHG-001` is change CHG-001 (the kind keeps ids of different kinds apart). */
export function objectId(kind: ObjectKind, id: string): string {
  return `${kind}:${id}`;
}

/** The kind and own id of the aggregate a stream holds, or undefined for a stream of no known process. */
export function objectOfStream(streamId: string): { readonly kind: ObjectKind; readonly id: string } | undefined {
  const found = wiringOfStream(streamId);
  return found === undefined ? undefined : { kind: found.wiring.descriptor.streamPrefix as ObjectKind, id: found.id };
}
