import { describe, expect, it } from "vitest";
import { checkReadModelSnapshotWrite } from "./read-model-snapshot-write.js";

const valid = {
  name: "cmdb@2",
  position: 12,
  occurredUntil: "2026-01-01T00:12:00.000Z",
  recordedUntil: "2026-01-01T00:12:00.000Z",
  header: '{"cis":1}',
  changed: [{ collection: "ci", key: "ci-1", ordinal: 0, body: '{"ciId":"ci-1"}' }],
};

describe("checkReadModelSnapshotWrite", () => {
  it("passes a well-formed snapshot, and one of no event (times empty, nothing changed)", () => {
    expect(checkReadModelSnapshotWrite(valid)).toEqual({ _tag: "Right", right: valid });
    const empty = { ...valid, position: 0, occurredUntil: "", recordedUntil: "", changed: [] };
    expect(checkReadModelSnapshotWrite(empty)).toEqual({ _tag: "Right", right: empty });
  });

  it("names the record that comes twice and where it came first", () => {
    const twice = { ...valid, changed: [valid.changed[0], { collection: "baseline", key: "ci-1", ordinal: 0, body: "{}" }, { ...valid.changed[0], body: "{}" }] };
    expect(checkReadModelSnapshotWrite(twice)).toEqual({
      _tag: "Left",
      left: {
        kind: "invalid_snapshot",
        name: "cmdb@2",
        path: "changed[2]",
        message: 'read-model snapshot: changed[2]: record "ci-1" of collection "ci" is already at changed[0]; a snapshot saves one version of each record',
      },
    });
  });

  it("says how to write a time that is valid but not canonical", () => {
    const refused = checkReadModelSnapshotWrite({ ...valid, recordedUntil: "2026-01-01T01:12:00+01:00" });
    expect(refused).toMatchObject({ _tag: "Left", left: { path: "recordedUntil" } });
    expect(refused._tag === "Left" && refused.left.message).toContain("write it in canonical UTC, 2026-01-01T00:12:00.000Z");
  });

  it("reads each field once and answers a copy, so a getter cannot change what a store writes after the check", () => {
    let reads = 0;
    const shifty = {
      ...valid,
      get header() {
        reads++;
        return reads === 1 ? '{"cis":1}' : "not json";
      },
    };
    const checked = checkReadModelSnapshotWrite(shifty);
    const readsByTheCheck = reads;
    expect(readsByTheCheck).toBe(1);
    expect(checked).toEqual({ _tag: "Right", right: { ...valid, header: '{"cis":1}' } });
    expect(checked._tag === "Right" && checked.right).not.toBe(shifty);
  });

  it("answers a value it cannot read with a refusal, never a throw", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    expect(checkReadModelSnapshotWrite(hostile)).toMatchObject({ _tag: "Left", left: { kind: "invalid_snapshot", name: undefined, path: "snapshot" } });
    expect(checkReadModelSnapshotWrite([valid])).toMatchObject({ _tag: "Left", left: { path: "snapshot" } });
  });
});
