import type Database from "better-sqlite3";
import { STORED_EVENT_INSERT_COLUMNS, storedEventValues, type RecordedEvent, type StoredEventRow } from "@handover/core";
import { eventOfRow } from "./rows.js";

/** The raw driver's writes: the event row and the chain head, the same two writes the store makes, in `BEGIN IMMEDIATE` transactions. */
export interface RawSqliteWriter {
  /** One transaction per event (one fsync each at `synchronous=FULL`). */
  appendEach(log: readonly RecordedEvent[]): void;
  /** The whole log in one transaction. */
  insertAll(log: readonly RecordedEvent[]): void;
}

/** Prepared statements over a database with the store's schema (see `openRawSqlite`). */
export function rawSqliteWriter(db: Database.Database): RawSqliteWriter {
  const insert = db.prepare(`INSERT INTO events (${STORED_EVENT_INSERT_COLUMNS}) VALUES (${Array.from({ length: 13 }, () => "?").join(", ")})`);
  const moveHead = db.prepare("UPDATE chain_head SET position = ?, hash = ? WHERE only = 1");
  const appendOne = db.transaction((event: RecordedEvent) => {
    insert.run(storedEventValues(event));
    moveHead.run(event.position, event.hash);
  });
  const appendMany = db.transaction((events: readonly RecordedEvent[]) => {
    for (const event of events) insert.run(storedEventValues(event));
    const last = events[events.length - 1];
    if (last !== undefined) moveHead.run(last.position, last.hash);
  });
  return {
    appendEach: (log) => {
      for (const event of log) appendOne.immediate(event);
    },
    insertAll: (log) => appendMany.immediate(log),
  };
}

/** Every stream through `SELECT … WHERE stream_id = ? ORDER BY version`, each row parsed into a recorded event. */
export function rawSqliteReadStreams(db: Database.Database, streamIds: readonly string[]): RecordedEvent[][] {
  const select = db.prepare<[string], StoredEventRow>("SELECT * FROM events WHERE stream_id = ? ORDER BY version");
  return streamIds.map((streamId) => select.all(streamId).map(eventOfRow));
}
