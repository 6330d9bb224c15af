import type pg from "pg";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { recordBatch, versionConflict, type AppendContext, type AppendError, type AppendResult, type ChainHead, type CheckedAppend, type ExpectedVersion, type RecordedEvent, storedEventValues } from "@handover/core";
import { duplicateOf, highestAcceptableVersion, type PostgresAppender } from "./append.js";
import { translateWriteError } from "./errors.js";
import type { LogNames } from "./sql-names.js";

interface AppendBatchRow {
  readonly outcome: "appended" | "duplicate" | "conflict" | "stale";
  readonly stream_version: number;
  readonly head_position: string;
  readonly head_hash: string;
  readonly command_stream: string | null;
}

/** After a stale guess, how many appends go the locked way before guessing again. */
const LOCKED_AFTER_STALE = 16;
/** How many stream versions the appender remembers as guesses. */
const REMEMBERED_STREAMS = 10_000;

/**
 * Wraps the locked append path with a one-round-trip path for a writer that knows the
 * log's head (the common case: one application writing its project's log). It builds
 * the batch on the head and stream version it last saw and sends it in one
 * `append_batch` call, which checks both under the log's lock and commits with the
 * statement. When another writer moved the log on, the call writes nothing and the
 * append takes the locked path; after that, the next appends stay on the locked path
 * for a while. The guesses only choose the path: correctness rests on the checks in
 * `append_batch` and `begin_append`.
 */
export function createFastAppender(pool: pg.Pool, names: LogNames, context: AppendContext, locked: PostgresAppender, initialHead: ChainHead): PostgresAppender {
  let head: ChainHead | undefined = initialHead;
  const versions = new Map<string, number>();
  let lockedFor = 0;
  const query = {
    name: `ho_batch_${names.schema}`,
    text: `SELECT * FROM ${names.appendBatch}(${Array.from({ length: 20 }, (_, index) => `$${index + 1}`).join(", ")})`,
  };
  const remember = (streamId: string, version: number): void => {
    if (versions.size >= REMEMBERED_STREAMS) versions.clear();
    versions.set(streamId, version);
  };
  const learn = (streamId: string, result: Either<AppendError, AppendResult>): Either<AppendError, AppendResult> => {
    if (result._tag === "Left") {
      if (result.left.code === "version_conflict") remember(streamId, result.left.actual);
      return result;
    }
    const last = result.right.events[result.right.events.length - 1];
    if (!result.right.duplicate && last !== undefined) head = { position: last.position, hash: last.hash };
    remember(result.right.streamId, result.right.nextExpectedVersion);
    return result;
  };
  const takeLockedPath: PostgresAppender = async (request) => learn(request.streamId, await locked(request));

  const send = async (streamId: string, commandId: string | null, expected: ExpectedVersion, base: { version: number; head: ChainHead }, recorded: readonly RecordedEvent[]): Promise<AppendBatchRow> => {
    const columns: unknown[][] = Array.from({ length: 13 }, () => []);
    for (const event of recorded) storedEventValues(event).forEach((value, index) => columns[index]?.push(value));
    const [positions, , eventVersions, ...rest] = columns;
    const values = [names.appendLock, streamId, commandId, highestAcceptableVersion(expected), base.version, base.head.position, base.head.hash, positions, eventVersions, ...rest, names.channel];
    const row = await pool.query<AppendBatchRow>({ ...query, values }).then(
      (result) => result.rows[0],
      (error: unknown) => {
        throw translateWriteError(error, names.schema, `an append of ${recorded.length} event(s) to stream ${streamId}`, true);
      },
    );
    if (row === undefined) throw new Error(`${names.appendBatch} returned no row`);
    return row;
  };

  /** The one-statement attempt; undefined when the guess was stale and the locked path must decide. */
  const attempt = async (request: CheckedAppend, base: { version: number; head: ChainHead }): Promise<Either<AppendError, AppendResult> | undefined> => {
    const { streamId, expectedVersion } = request;
    const prepared = recordBatch(request, { streamVersion: base.version, head: base.head }, context);
    if (prepared._tag === "Left") return undefined;
    const commandId = request.commandId ?? null;
    const row = await send(streamId, commandId, expectedVersion, base, prepared.right);
    if (row.outcome === "duplicate" && row.command_stream !== null && commandId !== null) {
      return right(await duplicateOf(pool, names, commandId, row.command_stream, context.catalogue));
    }
    remember(streamId, row.stream_version);
    head = { position: Number(row.head_position), hash: row.head_hash };
    if (row.outcome === "appended") return right({ streamId, events: prepared.right, nextExpectedVersion: row.stream_version, duplicate: false });
    const conflict = versionConflict(streamId, expectedVersion, row.stream_version);
    if (conflict !== undefined) return left(conflict);
    lockedFor = LOCKED_AFTER_STALE;
    return undefined;
  };

  return async (request) => {
    const version = guessVersion(request.expectedVersion, versions.get(request.streamId));
    if (request.events.length > 0 && head !== undefined && version !== undefined && lockedFor === 0) {
      const result = await attempt(request, { version, head });
      if (result !== undefined) return result;
    } else {
      lockedFor = Math.max(0, lockedFor - 1);
    }
    return takeLockedPath(request);
  };
}

/** The stream version to build on: what the expectation says, or what this writer saw last. */
function guessVersion(expected: ExpectedVersion, remembered: number | undefined): number | undefined {
  if (typeof expected === "number") return expected;
  if (expected === "no_stream") return 0;
  return remembered;
}
