import type pg from "pg";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { boxedItems, createImportChecker, importSourceProblem, isStorableText, type AppendError, type ChainHead, type EventCatalogue, type ImportResult, type RecordedEvent, STORED_EVENT_INSERT_COLUMNS } from "@handover/core";
import { checkoutClient, releaseClient, rollbackQuietly } from "./clients.js";
import { copyLines } from "./copy-text.js";
import { translateWriteError } from "./errors.js";
import { catchUpTree } from "./merkle.js";
import { headQuery } from "./queries.js";
import type { CheckedReads } from "./checked-reads.js";
import type { LogNames } from "./sql-names.js";

/** What an import writes through. */
export interface PostgresImportTarget {
  readonly pool: pg.Pool;
  readonly names: LogNames;
  readonly catalogue: EventCatalogue | undefined;
  /** Events checked and sent per COPY (default 5000). */
  readonly chunkSize: number;
  /** Marks the imported rows as checked under the catalogue (every one was decoded with it). */
  readonly checked?: CheckedReads | undefined;
}

/**
 * Appends a recorded log after the head in one transaction that holds the log's append
 * lock: events are checked (envelope, chain, stream versions, schema) a chunk at a time,
 * and each chunk is sent with one COPY; the Merkle tree grows by them before the commit. The first problem, or any failure, rolls it all back.
 */
export async function importIntoPostgres(
  target: PostgresImportTarget,
  incoming: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
): Promise<Either<AppendError, ImportResult>> {
  const refused = importSourceProblem(incoming);
  if (refused !== undefined) return left(refused);
  const client = await checkoutClient(target.pool);
  let failure: unknown;
  let committing = false;
  try {
    await client.query("BEGIN");
    const outcome = await importInTransaction(client, target, incoming);
    committing = outcome._tag === "Right";
    await client.query(committing ? "COMMIT" : "ROLLBACK");
    return outcome;
  } catch (error) {
    failure = error;
    await rollbackQuietly(client);
    throw translateWriteError(error, target.names.schema, "an import", committing);
  } finally {
    releaseClient(client, failure);
  }
}

async function importInTransaction(
  client: pg.PoolClient,
  target: PostgresImportTarget,
  incoming: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
): Promise<Either<AppendError, ImportResult>> {
  const { names } = target;
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [names.appendLock]);
  const headRow = (await client.query<{ position: string; hash: string }>(headQuery(names))).rows[0];
  if (headRow === undefined) throw new Error(`${names.chainHead} has no row: the schema was changed outside the store`);
  const head: ChainHead = { position: Number(headRow.position), hash: headRow.hash };
  const versions = new Map<string, number>();
  const checker = createImportChecker({ head, streamVersionBefore: (streamId) => versions.get(streamId) ?? 0, catalogue: target.catalogue });
  let last = head;
  let count = 0;

  const flush = async (chunk: readonly RecordedEvent[]): Promise<AppendError | undefined> => {
    const tail = chunk[chunk.length - 1];
    if (tail === undefined) return undefined;
    if (head.position > 0) await loadStreamVersions(client, names, chunk, versions);
    for (const event of chunk) {
      const problem = checker.check(event);
      if (problem !== undefined) return problem;
    }
    await pipeline(Readable.from([copyLines(chunk)]), client.query(copyFrom(`COPY ${names.events} (${STORED_EVENT_INSERT_COLUMNS}) FROM STDIN`)));
    last = { position: tail.position, hash: tail.hash };
    count += chunk.length;
    return undefined;
  };

  let chunk: RecordedEvent[] = [];
  for await (const { item: event } of boxedItems(incoming)) {
    chunk.push(event);
    if (chunk.length < target.chunkSize) continue;
    const problem = await flush(chunk);
    if (problem !== undefined) return left(problem);
    chunk = [];
  }
  const problem = await flush(chunk);
  if (problem !== undefined) return left(problem);
  if (count > 0) {
    await client.query(`UPDATE ${names.chainHead} SET position = $1, hash = $2 WHERE id = 1`, [last.position, last.hash]);
    await client.query("SELECT pg_notify($1, $2)", [names.channel, String(last.position)]);
  }
  await catchUpTree(client, names);
  // Every imported event was checked (envelope, chain, schema with the catalogue) and is stored as canonical text.
  if (count > 0) await target.checked?.checked(client, head.position + 1, last.position);
  return right({ count, head: last });
}

/** Fetches the stored versions of the chunk's streams that the import has not met yet. */
async function loadStreamVersions(client: pg.PoolClient, names: LogNames, chunk: readonly RecordedEvent[], versions: Map<string, number>): Promise<void> {
  // A stream id no store can hold is never sent to the server: the checker refuses its event.
  const unknown = [...new Set(chunk.map(streamIdOf))].filter((streamId): streamId is string => isStorableText(streamId) && !versions.has(streamId));
  if (unknown.length === 0) return;
  for (const streamId of unknown) versions.set(streamId, 0);
  const { rows } = await client.query<{ stream_id: string; version: number }>(
    `SELECT stream_id, max(version)::integer AS version FROM ${names.events} WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
    [unknown],
  );
  for (const row of rows) versions.set(row.stream_id, row.version);
}

/** An imported event's stream id, read without trusting the event (the checker refuses it after, naming the position). */
function streamIdOf(event: unknown): unknown {
  try {
    return (event as { streamId?: unknown } | null)?.streamId;
  } catch {
    return undefined;
  }
}
