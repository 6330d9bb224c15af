import { join } from "node:path";
import { tmpdir } from "node:os";
import { createPriorityMatrix } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { csvOf, HEADER, updates } from "./fixtures/csv-builder.js";
import { importServiceNow, importServiceNowFile, type ImportError } from "./index.js";

function refusal(csv: string): ImportError {
  const result = importServiceNow(csv, { source: "bad.csv", recordedAt: "2026-06-01T00:00:00.000Z" });
  if (result._tag === "Right") throw new Error("expected the import to be refused");
  return result.left;
}
const good = updates("INC1", [{}, { incident_state: "Active", assignment_group: "G" }, { incident_state: "Resolved", assignment_group: "G" }]);

describe("bad input is an error naming the line and column; nothing is produced", () => {
  it("a missing column, on the header line", () => {
    const error = refusal(csvOf(good, HEADER.filter((column) => column !== "sys_mod_count")));
    expect(error).toEqual({ code: "missing_column", line: 1, column: "sys_mod_count", message: expect.stringMatching(/^bad\.csv line 1, column sys_mod_count: the header has no column "sys_mod_count"/) });
  });

  it("a malformed date", () => {
    const error = refusal(csvOf([good[0] ?? {}, { ...good[1], sys_updated_at: "2016-03-01 09:01" }]));
    expect(error).toMatchObject({ code: "malformed_date", line: 3, column: "sys_updated_at" });
    expect(error.message).toBe('bad.csv line 3, column 14 (sys_updated_at): expected a date like 29-02-2016 01:23 (DD-MM-YYYY HH:mm), got "2016-03-01 09:01"');
  });

  it("a date that does not exist", () => {
    expect(refusal(csvOf([{ ...good[0], resolved_at: "30-02-2016 10:00" }]))).toMatchObject({ code: "malformed_date", line: 2, column: "resolved_at", message: expect.stringContaining("is not a real date") });
  });

  it("a broken line: more fields than the header", () => {
    const lines = csvOf(good).split("\r\n");
    lines[2] = `${lines[2]},extra`;
    const error = refusal(lines.join("\r\n"));
    expect(error).toMatchObject({ code: "broken_line", line: 3, column: "field 37" });
    expect(error.message).toContain("36 expected, 37 found");
  });

  it("a broken line after a quoted field that spans lines, counted by the line it starts on", () => {
    const lines = csvOf([{ ...good[0], u_symptom: "first\r\nsecond" }, good[1] ?? {}]).split("\r\n");
    expect(lines).toHaveLength(5);
    lines[3] = lines[3]?.replace(",Phone,", ',"Phone,') ?? "";
    const error = refusal(lines.join("\r\n"));
    expect(error).toMatchObject({ code: "broken_line", line: 4 });
  });

  it("a quote that is never closed", () => {
    const error = refusal(csvOf(good).replace("Caller 1,Opened by 1,01-03-2016 09:00,Created by 1,01-03-2016 09:00,Updated by 1,01-03-2016 09:02", '"Caller 1,Opened by 1'));
    expect(error).toMatchObject({ code: "broken_line", line: 4, column: "caller_id" });
  });

  it("an unknown state, a count that is not a number, an empty required value", () => {
    expect(refusal(csvOf([{ ...good[0], incident_state: "Parked" }]))).toMatchObject({ code: "invalid_value", line: 2, column: "incident_state", message: expect.stringContaining('unknown state "Parked"') });
    expect(refusal(csvOf([{ ...good[0], reopen_count: "one" }]))).toMatchObject({ code: "invalid_value", column: "reopen_count" });
    expect(refusal(csvOf([{ ...good[0], number: "?" }]))).toMatchObject({ code: "invalid_value", column: "number" });
  });

  it("an impact outside the configured matrix", () => {
    const small = createPriorityMatrix("two", [
      [1, 2],
      [2, 3],
    ]);
    if (small._tag === "Left") throw new Error(small.left);
    const result = importServiceNow(csvOf([{ ...good[0], impact: "3 - Low" }]), { matrix: small.right, source: "bad.csv" });
    expect(result._tag === "Left" && result.left).toMatchObject({ code: "outside_matrix", line: 2, column: "impact", message: expect.stringContaining("impact 3 is outside matrix two") });
  });

  it("a binary file, named as not a CSV without echoing its bytes: a NUL byte, or bytes that are not UTF-8, at their line and byte", () => {
    const binary = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0xff, 0x1b, 0x5b]);
    const zipped = importServiceNow(binary, { source: "export.zip" });
    expect(zipped._tag === "Left" && zipped.left).toEqual({ code: "not_csv", line: 2, message: "export.zip line 2: not a CSV file: it holds binary data (a NUL byte at byte 1 of line 2); expected a ServiceNow incident audit log exported as CSV" });
    const latin1 = importServiceNow(Uint8Array.from([...Buffer.from("number,state\nINC1,caf"), 0xe9, 0x0a]), { source: "latin1.csv" });
    expect(latin1._tag === "Left" && latin1.left).toMatchObject({ code: "not_csv", line: 2, message: expect.stringContaining("not UTF-8 text (byte 9 of line 2 is not UTF-8)") });
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const result = importServiceNow(Uint8Array.from([...Buffer.from("number\n"), ...bad]), { source: "bad.csv" });
      expect(result._tag === "Left" && result.left, bad.join(" ")).toMatchObject({ code: "not_csv", line: 2 });
    }
  });

  it("an empty file", () => {
    expect(refusal("")).toMatchObject({ code: "empty_file", line: 1 });
  });

  it("a file that is not there", async () => {
    const path = join(tmpdir(), "handover-no-such-file.csv");
    const result = await importServiceNowFile(path);
    expect(result._tag === "Left" && result.left).toEqual({ code: "missing_file", message: `${path}: no such file` });
  });
});
