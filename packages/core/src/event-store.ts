import type { Either } from "fp-ts/lib/Either.js";
import type { ChainHead, EventMeta, EventToAppend, RecordedEvent } from "./envelope.js";
import type { AppendError } from "./append-errors.js";
import type { TreeHead } from "./checkpoint.js";
import type { MerkleNodeSource } from "./merkle-proofs.js";

/**
 * What the writer believes of the stream: its exact current version (0 = empty),
 * `"no_stream"` (must be empty), `"exists"` (must have events) or `"any"`.
 */
export type ExpectedVersion = number | "no_stream" | "exists" | "any";

/** Options of one append. */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  /** Meta for every event of the batch that does not carry its own. */
  readonly meta?: EventMeta;
}

/** What an append wrote (or, for a repeated command id, what the first append wrote). */
export interface AppendResult {
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** True when the batch's command id had been appended before and nothing new was written. */
  readonly duplicate: boolean;
}

/** A version range of one stream, both ends inclusive. */
export interface StreamRange {
  readonly fromVersion?: number;
  readonly toVersion?: number;
}

/** A slice of the whole log: a position range and the two times of an event (docs/concepts.md), all inclusive. */
export interface LogRange {
  readonly fromPosition?: number;
  readonly toPosition?: number;
  /** Only events that occurred at or before this ISO time (by `meta.occurredAt`). */
  readonly until?: string;
  /** Only events the log had recorded at or before this ISO time (by `recordedAt`). */
  readonly recordedUntil?: string;
}

/** The events one command appended, found by its command id. */
export interface CommandRecord {
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
}

/** Counts of an import. */
export interface ImportResult {
  readonly count: number;
  readonly head: ChainHead;
}

/**
 * An append-only, hash-chained event log of many streams. Appends are atomic per
 * batch and checked against the expected version; reads stream.
 */
export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<Either<AppendError, AppendResult>>;
  readStream(streamId: string, range?: StreamRange): AsyncIterable<RecordedEvent>;
  /**
   * The same events as `readStream`, handed out as pages (arrays in version order): one
   * await per page instead of one per event. Optional; `loadStream` uses it when present.
   */
  readStreamPages?(streamId: string, range?: StreamRange): AsyncIterable<readonly RecordedEvent[]>;
  readAll(range?: LogRange): AsyncIterable<RecordedEvent>;
  /** The stream's current version; 0 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  /** The last position and hash of the log. */
  head(): Promise<ChainHead>;
  /** The events appended under a command id, if that command was handled before. */
  findCommand(commandId: string): Promise<CommandRecord | undefined>;
  /**
   * Appends a recorded log (from JSONL or another store) after this log's head, verifying
   * the chain as it goes; all or nothing.
   */
  importLog(
    events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  ): Promise<Either<AppendError, ImportResult>>;
  /**
   * The Merkle tree head of the whole log (RFC 9162): its size, root and the chain hash of
   * the last event. The store keeps the tree's frontier as it grows, so this reads O(log n).
   */
  treeHead(): Promise<TreeHead>;
  /** The log's Merkle tree for proofs: leaf hashes by position and the complete subtrees the store keeps. */
  merkleNodes(): MerkleNodeSource;
  close(): Promise<void>;
}
