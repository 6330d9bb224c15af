import * as crypto from "node:crypto";
import { envelopeParts } from "./canonical-line.js";
import type { RecordedEvent } from "./envelope.js";

/** A recorded event before its hash is known. */
export type UnhashedEvent = Omit<RecordedEvent, "hash">;

const oneShotHash = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

/** sha256 of a UTF-8 string, hex-encoded. */
export function sha256Hex(text: string): string {
  if (oneShotHash !== undefined) return oneShotHash("sha256", text);
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * The canonical JSON of a recorded event without its hash (RFC 8785: keys sorted, no
 * whitespace). Written field by field in sorted order, so only `data` and `meta` need the
 * general canonicaliser; a reader that checked a line hands its text on instead.
 */
export function canonicalEnvelope(event: UnhashedEvent): string {
  const { head, tail } = envelopeParts(event);
  return head + tail;
}

/** `sha256(prevHash + canonical JSON of the event without hash)`, as docs/concepts.md describes the chain. */
export function hashEvent(event: UnhashedEvent): string {
  const { head, tail } = envelopeParts(event);
  return sha256Hex(event.prevHash + head + tail);
}
