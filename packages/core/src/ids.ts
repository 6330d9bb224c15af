import { randomUUID } from "node:crypto";

/** A source of fresh unique ids. Injected, so replays and tests are deterministic. */
export type IdGenerator = () => string;

/** Random UUIDs (v4): the default at the edge of an application. */
export const randomIds: IdGenerator = () => randomUUID();

/** Ids `prefix-1`, `prefix-2`, ...: deterministic, for tests and examples. */
export function sequentialIds(prefix = "id"): IdGenerator {
  let next = 0;
  return () => `${prefix}-${++next}`;
}
