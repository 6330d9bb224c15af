import type pg from "pg";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { recordBatch, versionConflict, type AppendContext, type AppendError, type AppendResult, type ChainHead, type CheckedAppend, type EventCatalogue, type ExpectedVersion, type RecordedEvent, storedEventValues, STORED_EVENT_INSERT_COLUMNS, decodeStoredEvent, type StoredEventRow } from "@handover/core";
import { checkoutClient, releaseClient, rollbackQuietly } from "./clients.js";
import { translateWriteError } from "./errors.js";
import { commandRecordQuery, streamVersionQuery } from "./queries.js";
import type { LogNames } from "./sql-names.js";

/** The highest stream version the expectation accepts, when there is one: beyond it, the append conflicts for certain. */
export function highestAcceptableVersion(expected: ExpectedVersion): number | null {
  if (expected === "no_stream") return 0;
  return typeof expected === "number" ? expected : null;
}

/** Appends one batch: one transaction that holds the log's advisory lock until it commits. */
export type PostgresAppender = (request: CheckedAppend) => Promise<Either<AppendError, AppendResult>>;

/** What the transaction decided: the append's result, and whether it wrote anything to commit. */
interface Outcome {
  readonly commit: boolean;
  readonly result: Either<AppendError, AppendResult>;
}

interface BeginRow {
  readonly locked: boolean;
  readonly stream_version: number;
  readonly head_position: string | null;
  readonly head_hash: string | null;
  readonly command_stream: string | null;
}

/**
 * Builds the append path, four round trips: BEGIN; `begin_append` (answers a duplicate
 * command or a certain conflict at once; otherwise takes the log's lock, then reads the
 * stream version, the head and the command id); one INSERT of the whole
 * batch that also moves the head and notifies listeners; COMMIT. The lock is held until
 * the commit is visible, so positions become visible in order and readers never see a
 * gap that fills later. A refusal or a lost connection writes nothing.
 */
export function createPostgresAppender(pool: pg.Pool, names: LogNames, context: AppendContext): PostgresAppender {
  const begin = { name: `ho_begin_${names.schema}`, text: `SELECT * FROM ${names.beginAppend}($1, $2, $3, $4)` };
  const arrays = ["bigint", "text", "integer", "text", "text", "integer", "text", "text", "text", "text", "text", "text", "text"];
  const insert = {
    name: `ho_insert_${names.schema}`,
    text:
      `WITH inserted AS (INSERT INTO ${names.events} (${STORED_EVENT_INSERT_COLUMNS}) SELECT * FROM unnest(${arrays.map((type, index) => `$${index + 1}::${type}[]`).join(", ")}))` +
      `, moved AS (UPDATE ${names.chainHead} SET position = $14, hash = $15 WHERE id = 1)` +
      " SELECT pg_notify($16, $14::text)",
  };

  const insertBatch = async (client: pg.PoolClient, recorded: readonly RecordedEvent[]): Promise<void> => {
    const last = recorded[recorded.length - 1];
    if (last === undefined) return;
    const columns: unknown[][] = arrays.map(() => []);
    for (const event of recorded) storedEventValues(event).forEach((value, index) => columns[index]?.push(value));
    await client.query({ ...insert, values: [...columns, last.position, last.hash, names.channel] });
  };

  const inTransaction = async (client: pg.PoolClient, request: CheckedAppend): Promise<Outcome> => {
    const { streamId } = request;
    const commandId = request.commandId ?? null;
    const values = [names.appendLock, streamId, commandId, highestAcceptableVersion(request.expectedVersion)];
    const state = (await client.query<BeginRow>({ ...begin, values })).rows[0];
    if (state === undefined) throw new Error(`${names.chainHead} has no row: the schema was changed outside the store`);
    if (state.command_stream !== null && commandId !== null) {
      return { commit: false, result: right(await duplicateOf(client, names, commandId, state.command_stream, context.catalogue)) };
    }
    const conflict = versionConflict(streamId, request.expectedVersion, state.stream_version);
    if (conflict !== undefined) return { commit: false, result: left(conflict) };
    const head = lockedHead(state, names);
    const prepared = recordBatch(request, { streamVersion: state.stream_version, head }, context);
    if (prepared._tag === "Left") return { commit: false, result: prepared };
    await insertBatch(client, prepared.right);
    const nextExpectedVersion = state.stream_version + prepared.right.length;
    return { commit: true, result: right({ streamId, events: prepared.right, nextExpectedVersion, duplicate: false }) };
  };

  return async (request) => {
    const what = `an append of ${request.events.length} event(s) to stream ${request.streamId}`;
    let committing = false;
    let failure: unknown;
    const client = await checkoutClient(pool).catch((error: unknown) => {
      throw translateWriteError(error, names.schema, what, false);
    });
    try {
      await client.query("BEGIN");
      const outcome = await inTransaction(client, request);
      committing = outcome.commit;
      await client.query(outcome.commit ? "COMMIT" : "ROLLBACK");
      return outcome.result;
    } catch (error) {
      failure = error;
      await rollbackQuietly(client);
      throw translateWriteError(error, names.schema, what, committing);
    } finally {
      releaseClient(client, failure);
    }
  };
}

/** The first result of a command id handled before: its events and its stream's version now. */
export async function duplicateOf(
  client: pg.Pool | pg.PoolClient,
  names: LogNames,
  commandId: string,
  streamId: string,
  catalogue: EventCatalogue | undefined,
): Promise<AppendResult> {
  const rows = await client.query<StoredEventRow>({ ...commandRecordQuery(names), values: [commandId] });
  const version = await client.query<{ version: number }>({ ...streamVersionQuery(names), values: [streamId] });
  const events = rows.rows.map((row) => decodeStoredEvent(row, catalogue));
  return { streamId, events, nextExpectedVersion: version.rows[0]?.version ?? 0, duplicate: true };
}

/** The chain head read under the lock; an unlocked answer here would break the chain, so it throws. */
function lockedHead(state: BeginRow, names: LogNames): ChainHead {
  if (!state.locked || state.head_position === null || state.head_hash === null) {
    throw new Error(`${names.beginAppend} answered without the lock for an append that does not conflict`);
  }
  return { position: Number(state.head_position), hash: state.head_hash };
}
