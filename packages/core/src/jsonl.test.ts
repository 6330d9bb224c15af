import { arbitraryRecordedLog, buildChainedLog } from "@handover/testing";
import fc from "fast-check";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createEventCatalogue, defineEvent } from "./catalogue.js";
import { toArray } from "./iterables.js";
import { readJsonl, writeJsonl } from "./jsonl.js";
import { serializeRecordedEvent } from "./recorded-codec.js";
import type { RecordedEvent } from "./envelope.js";
import { verifyChain } from "./verify-chain.js";

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "handover-jsonl-"));
});

const meta = { actor: "u-1", occurredAt: "2026-03-12T09:30:00.000Z" };
const line = (event: unknown): string => serializeRecordedEvent(event as RecordedEvent);
const linesText = (log: readonly unknown[]) => log.map((event) => `${line(event)}\n`).join("");
const sampleLog = () =>
  buildChainedLog([
    { streamId: "incident-1", type: "incident.logged", data: { impact: 2 }, meta },
    { streamId: "incident-1", type: "incident.logged", data: { impact: "high" }, meta },
  ]);

describe("JSONL log", () => {
  it("round-trips any log: same events, chain still verifies", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRecordedLog({ maxLength: 20 }), async (log) => {
        const path = join(folder, "roundtrip.jsonl");
        await writeJsonl(path, log);
        const back = await toArray(readJsonl(path));
        expect(back).toEqual(log);
        expect(verifyChain(back).ok).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("writes one event per line with \\n and nothing else", async () => {
    const path = join(folder, "lines.jsonl");
    await writeJsonl(path, sampleLog());
    const text = await readFile(path, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(3);
    expect(text).not.toContain("\r");
  });

  it("names the line of malformed JSON", async () => {
    const path = join(folder, "malformed.jsonl");
    const [first] = sampleLog();
    await writeFile(path, `${line(first)}\n{"position": 2,\n`);
    await expect(toArray(readJsonl(path))).rejects.toThrow(/malformed\.jsonl line 2: not valid JSON/);
  });

  it("names the line and field of a broken envelope", async () => {
    const path = join(folder, "envelope.jsonl");
    const [first] = sampleLog();
    await writeFile(path, `${JSON.stringify({ ...first, hash: "abc" })}\n`);
    await expect(toArray(readJsonl(path))).rejects.toThrow("envelope.jsonl line 1 (position 1): hash: expected 64 lowercase hex digits");
  });

  it("with a catalogue, names the event, line and field that fail the schema", async () => {
    const path = join(folder, "schema.jsonl");
    await writeJsonl(path, sampleLog());
    const catalogue = createEventCatalogue(defineEvent("incident.logged", z.object({ impact: z.union([z.literal(1), z.literal(2), z.literal(3)]) })));
    await expect(toArray(readJsonl(path, { catalogue }))).rejects.toThrow(/^incident\.logged at line 2 \(position 2\): data\.impact: .*got "high"/);
  });

  it("with a catalogue, refuses an unknown event type and a schema version from the future", async () => {
    const catalogue = createEventCatalogue(defineEvent("incident.logged", z.object({ impact: z.unknown() })));
    const unknown = join(folder, "unknown.jsonl");
    await writeJsonl(unknown, buildChainedLog([{ streamId: "p-1", type: "problem.logged", data: {}, meta }]));
    await expect(toArray(readJsonl(unknown, { catalogue }))).rejects.toThrow('problem.logged at line 1 (position 1): unknown event type "problem.logged"');
    const future = join(folder, "future.jsonl");
    await writeJsonl(future, buildChainedLog([{ streamId: "i-1", type: "incident.logged", data: { impact: 1 }, meta, schemaVersion: 4 }]));
    await expect(toArray(readJsonl(future, { catalogue }))).rejects.toThrow("schemaVersion 4 is not known");
  });

  it("upcasts old events on read with a catalogue", async () => {
    const catalogue = createEventCatalogue(
      defineEvent("incident.logged", z.object({ impact: z.number() }), { schemaVersion: 2, upcast: { 1: (data) => ({ impact: (data as { severity: number }).severity }) } }),
    );
    const path = join(folder, "old.jsonl");
    await writeJsonl(path, buildChainedLog([{ streamId: "i-1", type: "incident.logged", data: { severity: 2 }, meta }]));
    const [event] = await toArray(readJsonl(path, { catalogue }));
    expect(event).toMatchObject({ schemaVersion: 2, data: { impact: 2 } });
  });

  it("reads a character cut by the 1 MiB read boundary, inside a line, as written", async () => {
    const path = join(folder, "boundary.jsonl");
    const euros = "€".repeat(1000);
    const logWithPad = (pad: number) =>
      buildChainedLog([{ streamId: "ci-0", type: "ci.noted", data: { note: "a".repeat(pad) }, meta }, ...Array.from({ length: 400 }, (_, index) => ({ streamId: `ci-${index}`, type: "ci.noted", data: { note: euros }, meta }))]);
    const isContinuationByte = (byte: number | undefined) => byte !== undefined && byte >= 0x80 && byte < 0xc0;
    const pad = [0, 1, 2].find((candidate) => isContinuationByte(Buffer.from(linesText(logWithPad(candidate)))[1 << 20]));
    expect(pad).toBeDefined();
    const log = logWithPad(pad ?? 0);
    await writeFile(path, linesText(log));
    const back = await toArray(readJsonl(path));
    expect(back).toEqual(log);
    expect(verifyChain(back).ok).toBe(true);
  });

  it("refuses CRLF line endings and a last line without a newline, naming the line", async () => {
    const log = sampleLog();
    const crlf = join(folder, "crlf.jsonl");
    await writeFile(crlf, log.map((event) => `${line(event)}\r\n`).join(""));
    await expect(toArray(readJsonl(crlf))).rejects.toMatchObject({ code: "non_canonical_line", line: 1, message: expect.stringContaining('whitespace ("\\r")') });
    const unterminated = join(folder, "unterminated.jsonl");
    await writeFile(unterminated, log.map((event) => line(event)).join("\n"));
    const seen: number[] = [];
    const reading = (async () => {
      for await (const event of readJsonl(unterminated)) seen.push(event.position);
    })();
    await expect(reading).rejects.toMatchObject({ code: "non_canonical_line", line: 2, message: expect.stringContaining("ends without a newline") });
    expect(seen).toEqual([1]);
    await writeFile(unterminated, `${line(log[0])}\n${line(log[1]).slice(0, 40)}`);
    await expect(toArray(readJsonl(unterminated))).rejects.toMatchObject({ code: "malformed_line", line: 2, message: expect.stringContaining("may have been cut off") });
  });

  it("refuses an empty line, naming it, but not an empty file", async () => {
    const [first, second] = sampleLog();
    const path = join(folder, "blank.jsonl");
    await writeFile(path, `${line(first)}\n\n${line(second)}\n`);
    await expect(toArray(readJsonl(path))).rejects.toThrow("blank.jsonl line 2: empty line; a log has one recorded event per line");
    await writeFile(path, `${line(first)}\n\r\n`);
    await expect(toArray(readJsonl(path))).rejects.toThrow("blank.jsonl line 2: empty line");
    await writeFile(path, "");
    expect(await toArray(readJsonl(path))).toEqual([]);
  });

  it("names the line of a bad line deep in a big file, after yielding every event before it", async () => {
    const log = buildChainedLog(Array.from({ length: 3000 }, (_, index) => ({ streamId: `incident-${index % 7}`, type: "incident.logged", data: { impact: 2, note: "x".repeat(300) }, meta })));
    const lines = log.map(line);
    const path = join(folder, "deep.jsonl");
    await writeFile(path, `${[...lines.slice(0, 2716), lines[2716]?.replace('"hash":"', '"hash":"X'), ...lines.slice(2717)].join("\n")}\n`);
    expect(Buffer.byteLength(lines.slice(0, 2716).join("\n"))).toBeGreaterThan(1 << 20);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const event of readJsonl(path)) seen.push(event.position);
    })();
    await expect(reading).rejects.toThrow("deep.jsonl line 2717 (position 2717): hash: expected 64 lowercase hex digits");
    expect(seen).toEqual(Array.from({ length: 2716 }, (_, index) => index + 1));
  });

  it("with a catalogue, names the right line of an event that fails its schema past the first read", async () => {
    const log = buildChainedLog(Array.from({ length: 3000 }, (_, index) => ({ streamId: "incident-1", type: "incident.logged", data: { impact: index === 2999 ? "high" : 2, note: "x".repeat(400) }, meta })));
    const path = join(folder, "deep-schema.jsonl");
    await writeJsonl(path, log);
    const catalogue = createEventCatalogue(defineEvent("incident.logged", z.object({ impact: z.union([z.literal(1), z.literal(2), z.literal(3)]), note: z.string() })));
    await expect(toArray(readJsonl(path, { catalogue }))).rejects.toThrow(/^incident\.logged at line 3000 \(position 3000\): data\.impact: /);
  });

  it("reports a missing file clearly", async () => {
    await expect(toArray(readJsonl(join(folder, "nope.jsonl")))).rejects.toThrow("no such file");
  });

  it("leaves the target untouched when writing fails midway", async () => {
    const path = join(folder, "atomic.jsonl");
    await writeFile(path, "previous content\n");
    async function* failing() {
      yield* sampleLog();
      throw new Error("source broke");
    }
    await expect(writeJsonl(path, failing())).rejects.toThrow("source broke");
    expect(await readFile(path, "utf8")).toBe("previous content\n");
  });
});
