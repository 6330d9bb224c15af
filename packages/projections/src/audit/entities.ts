import { wiringOfStream } from "../event-kinds.js";

/** The id of the aggregate a stream holds: `ci-crm-db` → `crm-db`; a stream of no known process keeps its whole id. */
export function entityOfStream(streamId: string): string {
  return wiringOfStream(streamId)?.id ?? streamId;
}

const isIdKey = (key: string): boolean => key.endsWith("Id") || key.endsWith("Ids") || key === "affectedCis";

function collect(value: unknown, idKey: boolean, found: Set<string>, depth: number): void {
  if (typeof value === "string") {
    if (idKey) found.add(value);
    return;
  }
  if (depth > 4 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, idKey, found, depth + 1);
    return;
  }
  for (const [key, member] of Object.entries(value)) collect(member, isIdKey(key), found, depth + 1);
}

/** Every id an event's data names under an id field (`ciId`, `changeIds`, `relationship.targetCiId`, `affectedCis`, ...). */
export function idsMentioned(data: unknown): ReadonlySet<string> {
  const found = new Set<string>();
  collect(data, false, found, 0);
  return found;
}
