import * as crypto from "node:crypto";
import { canonicalJson, quoteJsonString } from "./canonical-json.js";
import type { RecordedEvent } from "./envelope.js";

/** A recorded event before its hash is known. */
export type UnhashedEvent = Omit<RecordedEvent, "hash">;

const oneShotHash = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

/** sha256 of a UTF-8 string, hex-encoded. */
export function sha256Hex(text: string): string {
  if (oneShotHash !== undefined) return oneShotHash("sha256", text);
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** A field as `JSON.stringify` writes it; strings through the cheaper quoting. */
const json = (value: unknown): string | undefined => (typeof value === "string" ? quoteJsonString(value) : JSON.stringify(value));

/**
 * The canonical JSON of a recorded event without its hash. Written field by field in
 * sorted order, so only `data` and `meta` need the general canonicaliser.
 */
export function canonicalEnvelope(event: UnhashedEvent): string {
  return (
    `{"data":${canonicalJson(event.data)}` +
    `,"eventId":${json(event.eventId)}` +
    `,"meta":${canonicalJson(event.meta)}` +
    `,"position":${event.position}` +
    `,"prevHash":${json(event.prevHash)}` +
    `,"recordedAt":${json(event.recordedAt)}` +
    `,"schemaVersion":${event.schemaVersion}` +
    `,"streamId":${json(event.streamId)}` +
    `,"type":${json(event.type)}` +
    `,"version":${event.version}}`
  );
}

/** `sha256(prevHash + canonical JSON of the event without hash)`, as DESIGN.md defines the chain. */
export function hashEvent(event: UnhashedEvent): string {
  return sha256Hex(event.prevHash + canonicalEnvelope(event));
}
