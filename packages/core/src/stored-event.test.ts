import { describe, expect, it } from "vitest";
import { buildChainedLog } from "@handover/testing";
import { LogError } from "./errors.js";
import { decodeStoredEvent, decodeStoredSnapshotState, STORED_EVENT_COLUMNS, STORED_EVENT_INSERT_COLUMNS, storedEventValues, type StoredEventRow } from "./stored-event.js";

/** The row a SQL store would hold for the values it inserted: the insert columns, minus the two indexed copies. */
function rowOf(values: readonly unknown[]): StoredEventRow {
  const inserted = STORED_EVENT_INSERT_COLUMNS.split(", ");
  const selected = STORED_EVENT_COLUMNS.split(", ");
  return Object.fromEntries(selected.map((column) => [column, values[inserted.indexOf(column)]])) as unknown as StoredEventRow;
}

describe("the stored row form every SQL store uses", () => {
  const meta = (minute: number, commandId?: string) => ({ actor: "alice", occurredAt: `2026-01-01T00:0${minute}:00.000Z`, ...(commandId === undefined ? {} : { commandId }) });
  const log = buildChainedLog([
    { streamId: "thing-1", type: "thing.made", data: { size: 1, tags: ["a\tb"] }, meta: meta(1, "cmd-1") },
    { streamId: "thing-1", type: "thing.changed", data: { size: 2, note: "line\nbreak" }, meta: meta(2) },
    { streamId: "thing-2", type: "thing.made", data: {}, meta: meta(3, "cmd-3"), schemaVersion: 2 },
  ]);

  it("round-trips every recorded event through its insert values and back, bigint positions as text included", () => {
    for (const event of log) {
      const values = storedEventValues(event);
      expect(values).toHaveLength(STORED_EVENT_INSERT_COLUMNS.split(", ").length);
      expect(decodeStoredEvent(rowOf(values), undefined)).toEqual(event);
      expect(decodeStoredEvent({ ...rowOf(values), position: String(event.position) }, undefined)).toEqual(event);
    }
  });

  it("inserts the occurrence time and the command id as their own columns, for the indexes", () => {
    const [first] = log;
    if (first === undefined) throw new Error("the test log is empty");
    const values = storedEventValues(first);
    const columns = STORED_EVENT_INSERT_COLUMNS.split(", ");
    expect(values[columns.indexOf("occurred_at")]).toBe(first.meta.occurredAt);
    expect(values[columns.indexOf("command_id")]).toBe("cmd-1");
  });

  it("names the position and the column of a row that does not parse", () => {
    const second = log[1];
    if (second === undefined) throw new Error("the test log has one event");
    const row = rowOf(storedEventValues(second));
    const failures = [{ ...row, data: "{oops" }, { ...row, meta: "[1" }, { ...row, meta: JSON.stringify({ occurredAt: "2026-01-01T00:00:00.000Z" }) }].map((broken) => {
      try {
        decodeStoredEvent(broken, undefined);
        return undefined;
      } catch (error) {
        return error;
      }
    });
    expect(failures.every((failure) => failure instanceof LogError)).toBe(true);
    expect(failures.map((failure) => (failure as LogError).message)).toEqual([
      expect.stringMatching(/position 2 does not parse: data is not valid JSON/),
      expect.stringMatching(/position 2 does not parse: meta is not valid JSON/),
      expect.stringMatching(/position 2 does not parse: .*actor/),
    ]);
  });
});

describe("a stored snapshot's state", () => {
  it("parses back from its JSON text, and names the stream when the text does not parse", () => {
    expect(decodeStoredSnapshotState("thing-1", '{"size":3}')).toEqual({ size: 3 });
    expect(() => decodeStoredSnapshotState("thing-1", "{size")).toThrow(/stored snapshot of stream thing-1 is not valid JSON/);
  });
});
