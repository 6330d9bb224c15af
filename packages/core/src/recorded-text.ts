import { canonicalJson, CanonicalJsonError } from "./canonical-json.js";
import { envelopeParts, type EnvelopeParts } from "./canonical-line.js";
import type { RecordedEvent } from "./envelope.js";
import { INPUT_LIMITS, lineBytesOverLimit } from "./input-rules.js";
import { jsonValueProblem } from "./json-value-rule.js";

/**
 * The canonical parts of a recorded event (what its hash covers), or why the event breaks
 * the input rules every append applies, so a log verifies only if each event could have
 * been appended and can be kept by every store: its data and meta have a canonical form
 * (nested at most 64 levels, safe numbers), its strings are well-formed Unicode, and its
 * line fits the 1 MiB a JSONL reader reads. A lone surrogate shows in canonical JSON as a
 * `\ud…` escape, so only text holding one is walked.
 */
export function checkedParts(event: RecordedEvent): EnvelopeParts | string {
  let parts: EnvelopeParts;
  try {
    parts = envelopeParts(event);
  } catch (error) {
    const field = hasCanonicalForm(event.data) ? "meta" : "data";
    if (error instanceof CanonicalJsonError) return error.message.replace("canonicalJson: $", field);
    return `${field}: has no canonical JSON (${error instanceof Error ? error.message : "an unreadable value"})`;
  }
  const bytes = lineBytesOverLimit(parts.head, parts.tail);
  if (bytes !== undefined) return `the event's line takes ${bytes} bytes, more than the ${INPUT_LIMITS.eventBytes} (1 MiB) one event may take`;
  if (parts.head.includes("\\ud") || parts.tail.includes("\\ud")) {
    const malformed = jsonValueProblem(event.data, "data") ?? jsonValueProblem(event.meta, "meta");
    if (malformed !== undefined) return malformed.message;
  }
  return parts;
}

function hasCanonicalForm(value: unknown): boolean {
  try {
    canonicalJson(value);
    return true;
  } catch {
    return false;
  }
}
