import type Database from "better-sqlite3";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { checkAppendRequest, recordBatch, versionConflict, type CheckedAppend, type AppendContext, type AppendError, type AppendOptions, type AppendResult, type CommandRecord, type EventCatalogue, type EventToAppend, storedEventValues, decodeStoredEvent } from "@handover/core";
import type { CheckedReads } from "./checked-reads.js";
import { catchUpTree, type SqliteTreeStatements } from "./merkle.js";
import type { SqliteQueries, SqliteWrites } from "./queries.js";

/** Appends one batch in one `BEGIN IMMEDIATE` transaction; synchronous, as better-sqlite3 is. */
export type SqliteAppender = (streamId: string, events: readonly EventToAppend[], options: AppendOptions) => Either<AppendError, AppendResult>;

/**
 * Builds the append path: under the file's write lock it looks up the command id, reads
 * the stream's version and the chain head, builds the batch (checked first by core's `checkAppendRequest`) with `recordBatch`,
 * inserts its rows, moves the head and grows the Merkle tree by the new events. Another process cannot write in between, so the
 * chain stays linear across processes; a refusal or a crash writes nothing.
 */
export function createSqliteAppender(
  writer: Database.Database,
  queries: SqliteQueries,
  writes: SqliteWrites,
  context: AppendContext & { readonly path: string; readonly tree: SqliteTreeStatements; readonly checked?: CheckedReads | undefined },
): SqliteAppender {
  const transaction = writer.transaction(
    (request: CheckedAppend): Either<AppendError, AppendResult> => {
      const { streamId } = request;
      const duplicate = duplicateOf(queries, request.commandId, context.catalogue);
      if (duplicate !== undefined) return right(duplicate);
      const version = queries.streamVersion.get(streamId) ?? 0;
      const conflict = versionConflict(streamId, request.expectedVersion, version);
      if (conflict !== undefined) return left(conflict);
      const head = queries.head.get();
      if (head === undefined) throw new Error("the chain_head row is missing: the schema was changed outside the store");
      const prepared = recordBatch(request, { streamVersion: version, head }, context);
      if (prepared._tag === "Left") return prepared;
      for (const event of prepared.right) writes.insertEvent.run(...storedEventValues(event));
      const last = prepared.right[prepared.right.length - 1];
      if (last !== undefined) writes.updateHead.run(last.position, last.hash);
      catchUpTree(writer, context.tree, context.path);
      // checkAppendRequest checked every event with the catalogue, and the rows hold their canonical text.
      if (last !== undefined) context.checked?.checked(head.position + 1, last.position);
      return right({ streamId, events: prepared.right, nextExpectedVersion: version + prepared.right.length, duplicate: false });
    },
  );
  return (streamId, events, options) => {
    // Checked before the write lock is taken: a malformed append never reaches a statement.
    const request = checkAppendRequest(streamId, events, options, context.catalogue);
    return request._tag === "Left" ? request : transaction.immediate(request.right);
  };
}

/** The first result of a command id handled before, or undefined. */
function duplicateOf(queries: SqliteQueries, commandId: string | undefined, catalogue: EventCatalogue | undefined): AppendResult | undefined {
  const previous = commandId === undefined ? undefined : findCommandIn(queries, commandId, catalogue);
  if (previous === undefined) return undefined;
  const nextExpectedVersion = queries.streamVersion.get(previous.streamId) ?? 0;
  return { streamId: previous.streamId, events: previous.events, nextExpectedVersion, duplicate: true };
}

/** The events a command id appended: those carrying it in the stream it first appeared in. */
export function findCommandIn(queries: SqliteQueries, commandId: string, catalogue: EventCatalogue | undefined): CommandRecord | undefined {
  const streamId = queries.commandStream.get(commandId);
  if (streamId === undefined) return undefined;
  const events = queries.commandEvents.all(commandId, streamId).map((row) => decodeStoredEvent(row, catalogue));
  return { streamId, events };
}
