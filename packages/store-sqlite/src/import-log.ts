import type Database from "better-sqlite3";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { boxedItems, createImportChecker, importSourceProblem, type AppendError, type ChainHead, type EventCatalogue, type ImportResult, type RecordedEvent, storedEventValues } from "@handover/core";
import type { CheckedReads } from "./checked-reads.js";
import { catchUpTree, type SqliteTreeStatements } from "./merkle.js";
import type { SqliteQueries, SqliteWrites } from "./queries.js";

/** What an import writes through: the writing connection and its statements. */
export interface SqliteImportTarget {
  readonly writer: Database.Database;
  readonly queries: SqliteQueries;
  readonly writes: SqliteWrites;
  readonly catalogue: EventCatalogue | undefined;
  readonly path: string;
  readonly tree: SqliteTreeStatements;
  /** Marks the imported rows as checked under the catalogue (every one was decoded with it). */
  readonly checked: CheckedReads | undefined;
}

/**
 * Appends a recorded log after the head in one `BEGIN IMMEDIATE` transaction, checking
 * each event (envelope, chain, stream versions, and schema with a catalogue) before it
 * is inserted. The first problem, or any exception, rolls the whole import back. While
 * it runs, writers in other processes wait (up to their busy timeout).
 */
export async function importIntoSqlite(
  target: SqliteImportTarget,
  incoming: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
): Promise<Either<AppendError, ImportResult>> {
  const { writer, queries, writes } = target;
  const refused = importSourceProblem(incoming);
  if (refused !== undefined) return left(refused);
  writer.exec("BEGIN IMMEDIATE");
  let committed = false;
  try {
    const head = queries.head.get() ?? missingHead();
    const checker = createImportChecker({
      head,
      streamVersionBefore: (streamId) => queries.streamVersion.get(streamId) ?? 0,
      catalogue: target.catalogue,
    });
    let count = 0;
    let last: ChainHead = head;
    for await (const { item: event } of boxedItems(incoming)) {
      const problem = checker.check(event);
      if (problem !== undefined) return left(problem);
      writes.insertEvent.run(...storedEventValues(event));
      count++;
      last = { position: event.position, hash: event.hash };
    }
    if (count > 0) writes.updateHead.run(last.position, last.hash);
    catchUpTree(writer, target.tree, target.path);
    if (count > 0) target.checked?.checked(head.position + 1, last.position);
    writer.exec("COMMIT");
    committed = true;
    return right({ count, head: last });
  } finally {
    if (!committed && writer.inTransaction) writer.exec("ROLLBACK");
  }
}

function missingHead(): never {
  throw new Error("the chain_head row is missing: the schema was changed outside the store");
}
