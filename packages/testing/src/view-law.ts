import { inLogRange, type LogRange, type RecordedEvent } from "@handover/core";

/**
 * A view of a log as the law checks it, in canonical UTC: `asOf` by business time,
 * `knownAt` by recorded time, `toPosition` by position; absent means unbounded.
 */
export interface ViewBounds {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly toPosition?: number;
}

/** A field of an answer that holds more than its view: where it is, what it holds, and which bound it passes. */
export interface BeyondView {
  readonly path: string;
  readonly value: string | number;
  readonly bound: "asOf" | "knownAt" | "toPosition";
}

/** The log cut to a view: the events with business time at or before `asOf`, recorded at or before `knownAt`, up to `toPosition`, in log order. */
export function cutToView(log: readonly RecordedEvent[], view: ViewBounds): RecordedEvent[] {
  const range: LogRange = {
    ...(view.asOf === undefined ? {} : { until: view.asOf }),
    ...(view.knownAt === undefined ? {} : { recordedUntil: view.knownAt }),
    ...(view.toPosition === undefined ? {} : { toPosition: view.toPosition }),
  };
  return log.filter((event) => inLogRange(event, range));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Keys that name the view itself (the bounds an answer repeats), not a fact in it. */
const VIEW_KEYS = new Set(["asOf", "knownAt", "until", "recordedUntil", "toPosition"]);
/** Keys of planned spans (a change's window, a freeze): a plan may lie after the view; it is not a fact that happened. */
const PLANNED_KEYS = new Set(["start", "end", "window"]);
/** Keys of recorded times: bounded by `knownAt` only (an event that occurred before `asOf` may be recorded after it). */
const RECORDED_KEYS = new Set(["recordedAt"]);
/** Keys whose numbers (or arrays of numbers) are log positions. */
const POSITION_KEYS = new Set(["position", "lastPosition", "firstReady", "evidence", "positions", "toPosition"]);

function beyondTime(path: string, key: string, value: string, view: ViewBounds): BeyondView | undefined {
  const instant = new Date(value).toISOString();
  if (view.knownAt !== undefined && instant > view.knownAt) return { path, value, bound: "knownAt" };
  if (!RECORDED_KEYS.has(key) && view.asOf !== undefined && instant > view.asOf) return { path, value, bound: "asOf" };
  return undefined;
}

function walkLeaf(value: string | number, path: string, key: string, positional: boolean, view: ViewBounds, found: BeyondView[]): void {
  if (typeof value === "string") {
    const beyond = INSTANT.test(value) ? beyondTime(path, key, value, view) : undefined;
    if (beyond !== undefined) found.push(beyond);
  } else if (positional && view.toPosition !== undefined && value > view.toPosition) found.push({ path, value, bound: "toPosition" });
}

function walk(value: unknown, path: string, key: string, positional: boolean, view: ViewBounds, found: BeyondView[]): void {
  if (VIEW_KEYS.has(key) || PLANNED_KEYS.has(key)) return;
  if (typeof value === "string" || typeof value === "number") walkLeaf(value, path, key, positional, view, found);
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`, key, positional, view, found));
  else if (value instanceof Map) for (const [entryKey, entry] of value) walk(entry, `${path}.get(${String(entryKey)})`, String(entryKey), false, view, found);
  else if (value !== null && typeof value === "object") {
    for (const [entryKey, entry] of Object.entries(value)) {
      const named = fieldName(value as Record<string, unknown>, entryKey);
      walk(entry, path === "" ? entryKey : `${path}.${entryKey}`, named, POSITION_KEYS.has(named), view, found);
    }
  }
}

/** The field a value stands for: its key, or in a `{ name, value }` pair (an exported attribute, `handover:recordedAt`) the name after its prefix. */
function fieldName(record: Record<string, unknown>, key: string): string {
  return key === "value" && typeof record.name === "string" ? (record.name.split(":").pop() ?? key) : key;
}

/**
 * Every field of an answer that holds more than its view: a business time after `asOf`,
 * any time after `knownAt`, a position after `toPosition`. Skipped: the view's own bounds
 * when an answer repeats them (`asOf`, `knownAt`), and planned spans (`window`, `start`,
 * `end`), which may lie ahead of any view. Walks objects, arrays and maps; a `{ name,
 * value }` pair counts as the field its name says.
 */
export function beyondView(answer: unknown, view: ViewBounds): BeyondView[] {
  const found: BeyondView[] = [];
  walk(answer, "", "", false, view, found);
  return found;
}
