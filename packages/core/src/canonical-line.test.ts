import { arbitraryRecordedLog, arbitrarySafeJson, buildChainedLog } from "@handover/testing";
import canonicalize from "canonicalize";
import fc from "fast-check";
import { mkdtemp, open, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { canonicalLine } from "./canonical-line.js";
import type { RecordedEvent } from "./envelope.js";
import { LogError } from "./errors.js";
import { toArray } from "./iterables.js";
import { readJsonl } from "./jsonl.js";
import { verifyChain } from "./verify-chain.js";

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "handover-canonical-"));
});

const meta = { actor: "ana", occurredAt: "2026-03-12T09:30:00.000Z" };
const log = (): RecordedEvent[] =>
  buildChainedLog([
    { streamId: "ci-1", type: "configuration.ci_registered", data: { ciId: "crm-db", name: "CRM database", size: 3 }, meta },
    { streamId: "ci-1", type: "configuration.ci_renamed", data: { ciId: "crm-db", name: "CRM db" }, meta },
  ]);

/** Writes the two lines (the second as given) and reads the file, returning the error the reader threw. */
async function readWithSecondLine(second: string, name = "edited.jsonl"): Promise<LogError> {
  const [first] = log();
  const path = join(folder, name);
  await writeFile(path, `${canonicalLine(first as RecordedEvent)}\n${second}\n`);
  const error = await toArray(readJsonl(path)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LogError)) throw new Error(`expected a LogError, got ${String(error)}`);
  return error;
}

const second = (): string => canonicalLine(log()[1] as RecordedEvent);

describe("the canonical line", () => {
  it("is the RFC 8785 canonical JSON of the whole event, as an independent implementation writes it", () => {
    fc.assert(
      fc.property(arbitraryRecordedLog({ maxLength: 8 }), (events) => {
        for (const event of events) expect(canonicalLine(event)).toBe(canonicalize(event));
      }),
      { numRuns: 200 },
    );
  });

  it("core's canonical JSON equals the `canonicalize` package (RFC 8785, by its author) on random JSON values", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", "😀", "\u2028", "\u007f", "\u0000", "\u001f", '"', "\\", "\n", "Z", "1") });
    const keyed = fc.dictionary(text, arbitrarySafeJson, { maxKeys: 12 });
    const numbers = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.maxSafeInteger()).map((value) => (Number.isInteger(value) && !Number.isSafeInteger(value) ? 0 : value));
    fc.assert(
      fc.property(fc.oneof(arbitrarySafeJson, keyed, fc.array(numbers), fc.dictionary(fc.string(), numbers)), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("lets an event read from a line carry its checked text invisibly: JSON, keys, spreads and equality see the event alone, and a copy hashes to the same", async () => {
    const written = log();
    const path = join(folder, "remembered.jsonl");
    await writeFile(path, written.map((event) => `${canonicalLine(event)}\n`).join(""));
    const read = await toArray(readJsonl(path));
    expect(read).toEqual(written);
    for (const [index, event] of read.entries()) {
      expect(Reflect.ownKeys(event).filter((key) => Object.getOwnPropertyDescriptor(event, key)?.enumerable).sort()).toEqual(Object.keys(written[index] as RecordedEvent).sort());
      expect(JSON.stringify(event)).toBe(canonicalLine(event));
      expect(canonicalLine(event)).toBe(canonicalLine({ ...event }));
      expect(verifyChain([{ ...event, data: { ...(event.data as Record<string, unknown>), name: "forged" } }]).ok).toBe(false);
    }
    expect(verifyChain(read).ok).toBe(true);
  });

  it("refuses a duplicate key (a forged actor beside the real one), naming the key, line and position", async () => {
    const forged = second().replace('"meta":{"actor":"ana"', '"meta":{"actor":"mallory","actor":"ana"');
    const error = await readWithSecondLine(forged);
    expect(error).toMatchObject({ code: "non_canonical_line", line: 2, position: 2 });
    expect(error.message).toContain('the key "actor" appears twice');
  });

  it("refuses other whitespace, key order, escapes and number spellings, each named", async () => {
    const line = second();
    const cases: [string, string][] = [
      [line.replace('"eventId":', '"eventId": '), "whitespace"],
      [line.replace('{"data":{"ciId":"crm-db","name":"CRM db"},', '{"data":{"name":"CRM db","ciId":"crm-db"},'), "keys are not in canonical order"],
      [line.replace('"name":"CRM db"', '"name":"CRM d\\u0062"'), "escaped differently"],
      [line.replace('"position":2', '"position":2.0'), 'a number is spelt "2.0"; its canonical spelling is "2"'],
      [line.replace('"version":2', '"version":2e0'), 'a number is spelt "2e0"'],
    ];
    for (const [edited, reason] of cases) {
      expect(edited).not.toBe(line);
      const error = await readWithSecondLine(edited);
      expect(error, reason).toMatchObject({ code: "non_canonical_line", line: 2 });
      expect(error.message).toContain(reason);
    }
  });

  it("refuses an integer beyond the safe range rather than reading it rounded", async () => {
    const error = await readWithSecondLine(second().replace('"name":"CRM db"', '"name":"CRM db","rows":9007199254740993'));
    expect(error).toMatchObject({ code: "unsafe_number", line: 2, position: 2 });
    expect(error.message).toContain("data.rows is 9007199254740992, beyond the safe integer range");
  });

  it("refuses a value nested thousands deep with a named error, not a stack overflow", async () => {
    const deep = `${"[".repeat(3000)}${"]".repeat(3000)}`;
    const error = await readWithSecondLine(second().replace('"name":"CRM db"', `"name":"CRM db","nested":${deep}`));
    expect(error).toMatchObject({ code: "too_deep", line: 2, position: 2 });
    expect(error.message).toContain("nested deeper than 64 levels");
  });

  it("refuses a byte order mark, invalid UTF-8 and an over-long line, each by name and line", async () => {
    const bom = await readWithSecondLine(`\ufeff${second()}`, "bom.jsonl");
    expect(bom).toMatchObject({ code: "byte_order_mark", line: 2 });
    const path = join(folder, "latin1.jsonl");
    const [first] = log();
    const good = Buffer.from(`${canonicalLine(first as RecordedEvent)}\n`);
    const bad = Buffer.from(second().replace("CRM db", "CRM d?"));
    bad[bad.indexOf("?")] = 0xe9;
    await writeFile(path, Buffer.concat([good, bad, Buffer.from("\n")]));
    const utf8 = await toArray(readJsonl(path)).catch((error: unknown) => error);
    expect(utf8).toMatchObject({ code: "invalid_utf8", line: 2, column: bad.indexOf(0xe9) + 1 });
  });

  it("stops at a 1 GiB line without a newline after reading about 1 MiB of it, memory flat", async () => {
    const path = join(folder, "huge.jsonl");
    const file = await open(path, "w");
    await file.write(`${canonicalLine(log()[0] as RecordedEvent)}\n{"data":"`);
    await file.truncate(1 << 30);
    await file.close();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await toArray(readJsonl(path)).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "line_too_long", line: 2 });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
