import type { ExpectedVersion } from "./event-store.js";

/** The stream moved on since the writer read it; nothing of the batch was written. */
export interface VersionConflict {
  readonly code: "version_conflict";
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly actual: number;
  readonly message: string;
}

/** An event of the batch failed its schema or had no valid meta; nothing was written. */
export interface InvalidEvent {
  /** `invalid_clock`: the store's clock gave something that is not a time (path `recordedAt`); nothing was written. */
  readonly code: "invalid_event" | "invalid_meta" | "unknown_event_type" | "unknown_schema_version" | "invalid_clock";
  /** 0-based index of the event in the batch (or its log position for imports). */
  readonly index: number;
  readonly eventType: string;
  readonly path: string;
  readonly message: string;
}

/** The append itself is malformed (its stream id, expected version, list of events or options); nothing was written. */
export interface InvalidAppend {
  readonly code: "invalid_append";
  /** `streamId`, `expectedVersion`, `events` or `options`. */
  readonly path: string;
  readonly message: string;
}

/** An imported log does not verify against this store's chain; nothing was written. */
export interface ChainRejected {
  readonly code: "chain_rejected";
  readonly position: number;
  readonly message: string;
}

/** Why an append or import was refused. */
export type AppendError = VersionConflict | InvalidEvent | InvalidAppend | ChainRejected;

/** Checks an expected version against the stream's actual version. */
export function versionConflict(
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): VersionConflict | undefined {
  if (matchesExpectedVersion(expected, actual)) return undefined;
  return {
    code: "version_conflict",
    streamId,
    expected,
    actual,
    message: `stream ${streamId}: expected ${describeExpected(expected)}, but it is at version ${actual}`,
  };
}

/** True when a stream at `actual` satisfies `expected`. */
export function matchesExpectedVersion(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case "any":
      return true;
    case "no_stream":
      return actual === 0;
    case "exists":
      return actual > 0;
    default:
      return expected === actual;
  }
}

function describeExpected(expected: ExpectedVersion): string {
  if (expected === "no_stream") return "no stream";
  if (expected === "exists") return "an existing stream";
  if (expected === "any") return "any version";
  return `version ${expected}`;
}
