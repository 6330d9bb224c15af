import type pg from "pg";
import type { Either } from "fp-ts/lib/Either.js";
import { checkAppendRequest, emptyAsync, flattenPages, isStorableText, readJsonl, writeJsonl, type AppendError, type ChainHead, type CheckpointStore, type EventStore, type ImportResult, type SnapshotStore, type ReadModelSnapshotStore, decodeStoredEvent, type StoredEventRow } from "@handover/core";
import { createPostgresAppender } from "./append.js";
import { checkedReadsOf } from "./checked-reads.js";
import { createPostgresCheckpointStore, createPostgresSnapshotStore } from "./checkpoints-snapshots.js";
import { createPostgresReadModelSnapshotStore } from "./read-model-snapshots.js";
import { PostgresStoreError } from "./errors.js";
import { createFastAppender } from "./fast-append.js";
import { importIntoPostgres } from "./import-log.js";
import { postgresNodeSource, readTreeHead } from "./merkle.js";
import { migratePostgres } from "./migrations.js";
import { resolvePostgresOptions, type PostgresStoreOptions } from "./options.js";
import { commandRecordQuery, headQuery, streamVersionQuery } from "./queries.js";
import { readLogWithCursor, readStreamPages, type PostgresReadContext } from "./reads.js";
import { logNames } from "./sql-names.js";
import { subscribeToLog, type SubscribeOptions, type Subscription } from "./subscription.js";

/** An event log in one PostgreSQL schema, with its checkpoints, snapshots and live subscriptions. */
export interface PostgresEventStore extends EventStore {
  /** The schema that holds this log. */
  readonly schema: string;
  /** The pool the store works through. */
  readonly pool: pg.Pool;
  /** Projection checkpoints in the same schema. */
  readonly checkpoints: CheckpointStore;
  /** Stream snapshots in the same schema. */
  readonly snapshots: SnapshotStore;
  /** Read-model snapshots (the CMDB's, say) in the same schema. */
  readonly readModelSnapshots: ReadModelSnapshotStore;
  /** Handles every event after the subscriber's checkpoint, then each new one as it commits. */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Imports a JSONL log after the head, all or nothing; a malformed line throws core's `LogError`. */
  importJsonl(path: string): Promise<Either<AppendError, ImportResult>>;
  /** Writes the whole log to a JSONL file atomically; returns how many events it wrote. */
  exportJsonl(path: string): Promise<{ readonly count: number }>;
}

/**
 * Opens the log in a schema, creating or migrating it first. Appends serialise on the
 * log's transaction-level advisory lock, so positions commit in order; logs in other
 * schemas never wait on it. A schema migrated by a newer Handover is a `PostgresStoreError`.
 */
export async function openPostgresEventStore(options: PostgresStoreOptions): Promise<PostgresEventStore> {
  const resolved = resolvePostgresOptions(options);
  const { pool, catalogue } = resolved;
  const names = logNames(resolved.schema);
  try {
    await migratePostgres(pool, names);
  } catch (error) {
    if (resolved.ownsPool) await pool.end();
    throw error;
  }
  let closed = false;
  const live = (): void => {
    if (closed) throw new PostgresStoreError("closed", names.schema, "the store was closed");
  };
  const context = { catalogue, clock: resolved.clock, ids: resolved.ids };
  const readHead = async (): Promise<ChainHead> => {
    const row = (await pool.query<{ position: string; hash: string }>(headQuery(names))).rows[0];
    if (row === undefined) throw new Error(`${names.chainHead} has no row: the schema was changed outside the store`);
    return { position: Number(row.position), hash: row.hash };
  };
  const append = createFastAppender(pool, names, context, createPostgresAppender(pool, names, context), await readHead());
  const checked = checkedReadsOf(names, catalogue);
  const reads: PostgresReadContext = { pool, names, catalogue, batchSize: resolved.readBatchSize, checked };
  const checkpoints = createPostgresCheckpointStore(pool, names);
  const subscriptions = new Set<Subscription>();

  const importLog: EventStore["importLog"] = async (incoming) => {
    live();
    return importIntoPostgres({ pool, names, catalogue, chunkSize: resolved.importChunkSize, checked }, incoming);
  };

  const store: PostgresEventStore = {
    schema: names.schema,
    pool,
    checkpoints,
    snapshots: createPostgresSnapshotStore(pool, names),
    readModelSnapshots: createPostgresReadModelSnapshotStore(pool, names),
    appendToStream: async (streamId, events, appendOptions) => {
      live();
      // Checked before any query: a malformed append (a NUL or a lone surrogate in an id, a command id that is not text) never reaches the server.
      const request = checkAppendRequest(streamId, events, appendOptions, catalogue);
      return request._tag === "Left" ? request : append(request.right);
    },
    readStream: (streamId, range) => flattenPages(isStorableText(streamId) ? readStreamPages(reads, streamId, range) : emptyAsync()),
    readStreamPages: (streamId, range) => (isStorableText(streamId) ? readStreamPages(reads, streamId, range) : emptyAsync()),
    readAll: (range) => readLogWithCursor(reads, range),
    streamVersion: async (streamId) => {
      live();
      if (!isStorableText(streamId)) return 0;
      return (await pool.query<{ version: number }>({ ...streamVersionQuery(names), values: [streamId] })).rows[0]?.version ?? 0;
    },
    head: async () => {
      live();
      return readHead();
    },
    findCommand: async (commandId) => {
      live();
      if (!isStorableText(commandId)) return undefined;
      const { rows } = await pool.query<StoredEventRow>({ ...commandRecordQuery(names), values: [commandId] });
      const first = rows[0];
      return first === undefined ? undefined : { streamId: first.stream_id, events: rows.map((row) => decodeStoredEvent(row, catalogue)) };
    },
    importLog,
    importJsonl: (path) => importLog(readJsonl(path)),
    treeHead: async () => {
      live();
      return readTreeHead(pool, names);
    },
    merkleNodes: () => postgresNodeSource(pool, names),
    exportJsonl: (path) => writeJsonl(path, store.readAll()),
    subscribe: async (subscribeOptions) => {
      live();
      const subscription = await subscribeToLog({ pool, names, checkpoints, readAll: store.readAll }, subscribeOptions);
      subscriptions.add(subscription);
      void subscription.done.catch(() => undefined).finally(() => subscriptions.delete(subscription));
      return subscription;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      if (resolved.ownsPool) await pool.end();
    },
  };
  return store;
}
