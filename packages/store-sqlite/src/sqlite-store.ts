import type Database from "better-sqlite3";
import type { Either } from "fp-ts/lib/Either.js";
import {
  EMPTY_HEAD,
  readJsonl,
  writeJsonl,
  type AppendError,
  type CheckpointStore,
  type EventStore,
  type ImportResult,
  type SnapshotStore,
  type ReadModelSnapshotStore,
  type TreeHead,
  flattenPages,
  isStorableText,
  emptyAsync,
} from "@handover/core";
import { createSqliteAppender, findCommandIn } from "./append.js";
import { createSqliteCheckpointStore, createSqliteSnapshotStore } from "./checkpoints-snapshots.js";
import { createSqliteReadModelSnapshotStore } from "./read-model-snapshots.js";
import { SqliteStoreError, guarded, translateSqliteError } from "./errors.js";
import { importIntoSqlite } from "./import-log.js";
import { openSqliteConnections } from "./open-connection.js";
import { resolveSqliteOptions, type SqliteStoreOptions } from "./options.js";
import { prepareQueries, prepareWrites, type SqliteQueries } from "./queries.js";
import { readLogPaged, readStreamPages, type SqliteReadContext } from "./reads.js";
import { createWriteQueue } from "./write-queue.js";
import { prepareCheckedReads } from "./checked-reads.js";
import { catchUpTree, loadFrontier, prepareTreeStatements, sqliteNodeSource, treeHeadOf } from "./merkle.js";

/** A durable event store in one SQLite file, with its checkpoints and snapshots beside the log. */
export interface SqliteEventStore extends EventStore {
  /** The database file. */
  readonly path: string;
  /** Projection checkpoints in the same file. */
  readonly checkpoints: CheckpointStore;
  /** Stream snapshots in the same file. */
  readonly snapshots: SnapshotStore;
  /** Read-model snapshots (the CMDB's, say) in the same file, read a record at a time. */
  readonly readModelSnapshots: ReadModelSnapshotStore;
  /** Imports a JSONL log after the head, all or nothing; a malformed line throws core's `LogError`. */
  importJsonl(path: string): Promise<Either<AppendError, ImportResult>>;
  /** Writes the whole log to a JSONL file atomically; returns how many events it wrote. */
  exportJsonl(path: string): Promise<{ readonly count: number }>;
}

/**
 * Opens (or creates) a SQLite event store: WAL, `synchronous=FULL` unless told otherwise,
 * a busy timeout, the schema migrated. Several processes may open the same file; each
 * append is one `BEGIN IMMEDIATE` transaction, so the chain stays linear. A corrupt or
 * foreign file, a schema newer than this code, or a chain head that does not match the
 * last event throws a `SqliteStoreError`.
 */
export function openSqliteEventStore(options: SqliteStoreOptions): SqliteEventStore {
  const resolved = resolveSqliteOptions(options);
  const { path, catalogue, busyTimeoutMs } = resolved;
  const guard = <T>(work: () => T): T => guarded(path, busyTimeoutMs, work);
  const { writer, reader } = openSqliteConnections(resolved);
  let closed = false;
  const live = <T>(work: () => T): T => {
    if (closed) throw new SqliteStoreError("closed", path, "the store was closed");
    return guard(work);
  };
  const prepared = guard(() => {
    try {
      const readerQueries = prepareQueries(reader);
      checkHeadMatchesLog(reader, readerQueries, path);
      return {
        readerQueries,
        writerQueries: prepareQueries(writer),
        writes: prepareWrites(writer),
        readerTree: prepareTreeStatements(reader),
        writerTree: prepareTreeStatements(writer),
        checked: prepareCheckedReads(reader, writer, catalogue),
      };
    } catch (error) {
      reader.close();
      writer.close();
      throw error;
    }
  });
  const { readerQueries, writerQueries, writes, readerTree, writerTree, checked } = prepared;
  const queue = createWriteQueue();
  const append = createSqliteAppender(writer, writerQueries, writes, { catalogue, clock: resolved.clock, ids: resolved.ids, path, tree: writerTree, checked });
  // A mark not moved (the store closed, another process holding the write lock past the busy timeout) only means a later read checks those rows again.
  const markChecked = (from: number, to: number): void =>
    void queue.run(() => {
      try {
        live(() => checked?.checked(from, to));
      } catch {
        // Nothing is lost: the rows stay behind the mark.
      }
    });
  const reads: SqliteReadContext = { queries: readerQueries, catalogue, pageSize: resolved.readPageSize, guard: live, checked, ...(checked === undefined ? {} : { markChecked }) };
  const sideTables = { reader, writes, queue, guard: live };

  const importLog: EventStore["importLog"] = (incoming) =>
    queue.run(async () => {
      live(() => undefined);
      try {
        return await importIntoSqlite({ writer, queries: writerQueries, writes, catalogue, path, tree: writerTree, checked }, incoming);
      } catch (error) {
        throw translateSqliteError(error, path, busyTimeoutMs);
      }
    });

  /** The tree head from the reader's snapshot; a tree left behind the log (a store migrated from schema 1) catches up first. */
  const readTreeHead = (): TreeHead => {
    const seen = reader.transaction(() => ({ frontier: loadFrontier(readerTree, path), head: readerTree.head.get() }))();
    if (seen.head !== undefined && seen.frontier.size < seen.head.position) {
      const frontier = writer.transaction(() => catchUpTree(writer, writerTree, path)).immediate();
      return treeHeadOf(frontier, writerTree.head.get(), path);
    }
    return treeHeadOf(seen.frontier, seen.head, path);
  };

  const store: SqliteEventStore = {
    path,
    checkpoints: createSqliteCheckpointStore(sideTables),
    snapshots: createSqliteSnapshotStore(sideTables),
    readModelSnapshots: createSqliteReadModelSnapshotStore({ reader, writer, queue, guard: live }),
    appendToStream: (streamId, events, appendOptions) => queue.run(() => live(() => append(streamId, events, appendOptions))),
    readStream: (streamId, range) => flattenPages(isStorableText(streamId) ? readStreamPages(reads, streamId, range) : emptyAsync()),
    readStreamPages: (streamId, range) => (isStorableText(streamId) ? readStreamPages(reads, streamId, range) : emptyAsync()),
    readAll: (range) => readLogPaged(reads, range),
    streamVersion: async (streamId) => live(() => (isStorableText(streamId) ? readerQueries.streamVersion.get(streamId) ?? 0 : 0)),
    head: async () => live(() => readerQueries.head.get() ?? EMPTY_HEAD),
    findCommand: async (commandId) => live(() => (isStorableText(commandId) ? findCommandIn(readerQueries, commandId, catalogue) : undefined)),
    importLog,
    importJsonl: (jsonlPath) => importLog(readJsonl(jsonlPath)),
    treeHead: () => queue.run(() => live(() => readTreeHead())),
    merkleNodes: () => sqliteNodeSource(readerTree, live),
    exportJsonl: (jsonlPath) => writeJsonl(jsonlPath, store.readAll()),
    close: async () => {
      if (closed) return;
      await queue.idle();
      closed = true;
      reader.close();
      writer.close();
    },
  };
  return store;
}

/** Refuses a file whose chain head does not match its last event: rows were added or removed by hand. */
function checkHeadMatchesLog(reader: Database.Database, queries: SqliteQueries, path: string): void {
  const { head, last } = reader.transaction(() => ({ head: queries.head.get(), last: queries.lastEvent.get() ?? EMPTY_HEAD }))();
  if (head === undefined) throw new SqliteStoreError("corrupt_file", path, "the chain_head row is missing; the schema was changed outside the store");
  if (head.position === last.position && head.hash === last.hash) return;
  throw new SqliteStoreError(
    "head_mismatch",
    path,
    `the chain head is at position ${head.position} but the last stored event is at position ${last.position}` +
      (head.position === last.position ? " with another hash" : "") +
      ": rows were added, removed or edited outside the store; verify the log before using it",
  );
}

