import { canonicalJson, quoteJsonString } from "./canonical-json.js";
import type { RecordedEvent } from "./envelope.js";

/** A recorded event without its hash (what the hash covers). */
type Unhashed = Omit<RecordedEvent, "hash">;

/**
 * The canonical text of a recorded event cut where its `hash` member goes: `head` is
 * `{"data":…,"eventId":…` and `tail` is `,"meta":…,"version":…}`. The hash covers
 * `prevHash + head + tail`; the line is `head + ,"hash":"…" + tail`.
 */
export interface EnvelopeParts {
  readonly head: string;
  readonly tail: string;
}

/**
 * Where a reader keeps, on an event it hands out, the canonical parts it checked: a
 * non-enumerable symbol member, invisible to JSON, keys, spreads and equality, that lives
 * and dies with the event. (A WeakMap did the same at a high price: a million live
 * entries made every garbage collection walk them, 30% of an audit replay's time.)
 */
const CHECKED_PARTS = Symbol("handover.checkedParts");

/** Remembers the canonical parts a reader checked for an event it hands out (see `envelopeParts`). */
export function rememberEnvelopeParts(event: object, parts: EnvelopeParts): void {
  if (Object.isExtensible(event)) Object.defineProperty(event, CHECKED_PARTS, { value: parts, enumerable: false, writable: false, configurable: false });
}

/**
 * Writes an event's canonical parts (RFC 8785: keys sorted, no whitespace), or returns the
 * ones a reader remembered for this very object. Throws `CanonicalJsonError` for data or
 * meta that have no canonical form (too deep, unsafe numbers, not JSON).
 */
export function envelopeParts(event: Unhashed): EnvelopeParts {
  const remembered = (event as { [CHECKED_PARTS]?: EnvelopeParts })[CHECKED_PARTS];
  if (remembered !== undefined) return remembered;
  return writeParts(event, canonicalJson(event.data), canonicalJson(event.meta));
}

/** A scalar field as `JSON.stringify` writes it; strings through the cheaper quoting. */
const json = (value: unknown): string | undefined => (typeof value === "string" ? quoteJsonString(value) : JSON.stringify(value));

/** The parts, given the canonical JSON of data and meta (a store's stored columns, already checked). */
export function writeParts(event: Unhashed, dataJson: string, metaJson: string): EnvelopeParts {
  return {
    head: `{"data":${dataJson},"eventId":${json(event.eventId)}`,
    tail:
      `,"meta":${metaJson}` +
      `,"position":${event.position}` +
      `,"prevHash":${json(event.prevHash)}` +
      `,"recordedAt":${json(event.recordedAt)}` +
      `,"schemaVersion":${event.schemaVersion}` +
      `,"streamId":${json(event.streamId)}` +
      `,"type":${json(event.type)}` +
      `,"version":${event.version}}`,
  };
}

/** The line joined from its parts and the hash. */
export function joinLine(parts: EnvelopeParts, hash: string): string {
  return `${parts.head},"hash":${quoteJsonString(hash)}${parts.tail}`;
}

/**
 * The one canonical line of a recorded event: its RFC 8785 canonical JSON (every member,
 * the hash included, keys sorted by UTF-16 code units, no whitespace), without the
 * newline. A JSONL log is these lines, each ended by `\n`; a reader refuses any other bytes.
 */
export function canonicalLine(event: RecordedEvent): string {
  return joinLine(envelopeParts(event), event.hash);
}
