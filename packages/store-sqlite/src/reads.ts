import { checkedMarkExtension, normaliseLogRange, type EventCatalogue, type LogRange, type RecordedEvent, type StreamRange, decodeStoredEvent, type StoredEventRow } from "@handover/core";
import type { CheckedReads } from "./checked-reads.js";
import type { SqliteQueries } from "./queries.js";

/** What the streaming reads need: the read connection's statements and how to run them. */
export interface SqliteReadContext {
  readonly queries: SqliteQueries;
  readonly catalogue: EventCatalogue | undefined;
  readonly pageSize: number;
  /** Runs a statement, turning SQLite failures into store errors. */
  readonly guard: <T>(work: () => T) => T;
  /** How far rows were checked under the catalogue, when it can be trusted across reads. */
  readonly checked: CheckedReads | undefined;
  /**
   * Records, behind the store's queued writes and without the read waiting for it, that a
   * read checked rows `from..to`; best effort (a mark not moved only means a later read
   * checks those rows again).
   */
  readonly markChecked?: (from: number, to: number) => void;
}

/**
 * Streams the log in position order, one page of rows per query: memory stays at one
 * page however long the log, and the connection is free between pages. Rows past the
 * checked mark are checked as they are decoded; a read of the whole log (no time filter)
 * that checked a page continuing the mark moves the mark past it, as PostgreSQL's read
 * does, so a log written under another build of the catalogue (another fingerprint) is
 * checked in full once, not on every read.
 */
export async function* readLogPaged(context: SqliteReadContext, requested: LogRange = {}): AsyncGenerator<RecordedEvent> {
  const range = normaliseLogRange(requested);
  const parameters = {
    after: Math.max(0, (range.fromPosition ?? 1) - 1),
    to: range.toPosition ?? Number.MAX_SAFE_INTEGER,
    until: range.until ?? null,
    recordedUntil: range.recordedUntil ?? null,
    limit: context.pageSize,
  };
  let marked = 0;
  for (;;) {
    const rows: StoredEventRow[] = context.guard(() => context.queries.logPage.all(parameters));
    const through = Math.max(marked, context.checked === undefined ? 0 : context.guard(() => context.checked?.through() ?? 0));
    for (const row of rows) yield decodeStoredEvent(row, context.catalogue, Number(row.position) <= through);
    const last = rows[rows.length - 1];
    const extension = context.markChecked === undefined ? undefined : checkedMarkExtension(range, rows, through);
    if (extension !== undefined) {
      context.markChecked?.(extension.from, extension.to);
      marked = extension.to;
    }
    if (last === undefined || rows.length < context.pageSize) return;
    parameters.after = Number(last.position);
  }
}

/** One stream in version order, a page of decoded events per query. */
export async function* readStreamPages(context: SqliteReadContext, streamId: string, range: StreamRange = {}): AsyncGenerator<readonly RecordedEvent[]> {
  const parameters = {
    streamId,
    from: Math.max(1, range.fromVersion ?? 1),
    to: range.toVersion ?? Number.MAX_SAFE_INTEGER,
    limit: context.pageSize,
  };
  for (;;) {
    const rows: StoredEventRow[] = context.guard(() => context.queries.streamPage.all(parameters));
    const through = context.checked === undefined ? 0 : context.guard(() => context.checked?.through() ?? 0);
    if (rows.length > 0) yield rows.map((row) => decodeStoredEvent(row, context.catalogue, Number(row.position) <= through));
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < context.pageSize) return;
    parameters.from = last.version + 1;
  }
}
