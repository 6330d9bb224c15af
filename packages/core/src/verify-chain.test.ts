import { buildChainedLog, metaAt, nestedArrays, type LogEntry } from "@handover/testing";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EventMeta, RecordedEvent } from "./envelope.js";
import { toArray } from "./iterables.js";
import { readJsonl } from "./jsonl.js";
import { serializeRecordedEvent } from "./recorded-codec.js";
import { verifyChain } from "./verify-chain.js";

const entry = (data: unknown, meta: EventMeta = metaAt(1), streamId = "thing-1"): LogEntry => ({ streamId, type: "thing.changed", data, meta });
const logWith = (second: LogEntry): RecordedEvent[] => buildChainedLog([entry({ size: 1 }), second]);

describe("verifyChain holds a log to the input rules every append keeps", () => {
  it.each([
    ["a blank actor", entry({ size: 1 }, metaAt(2, { actor: "  " })), "meta.actor"],
    ["a zero-width actor", entry({ size: 1 }, metaAt(2, { actor: "\u200b" })), "meta.actor"],
    ["a NUL actor", entry({ size: 1 }, metaAt(2, { actor: "\u0000" })), "meta.actor"],
    ["an escape in a command id", entry({ size: 1 }, metaAt(2, { commandId: "\u001b[2J" })), "meta.commandId"],
    ["a control character in the stream id", entry({ size: 1 }, metaAt(2), "thing-\u0007"), "streamId"],
    ["a lone surrogate in the data", entry({ name: "x\ud800" }), "data.name"],
  ])("fails at the event with %s, naming the field, though its hash matches", (_, second, field) => {
    const verdict = verifyChain(logWith(second));
    expect(verdict).toMatchObject({ ok: false, position: 2, reason: "invalid_envelope", verified: 1 });
    expect(verdict.ok || verdict.message).toContain(field);
  });

  it("fails, without throwing, on data nested too deep, a number beyond the safe range, and an event that is not an object", () => {
    const deep = [...buildChainedLog([entry({ size: 1 })]), { ...logWith(entry({ size: 1 }))[1], data: { value: nestedArrays(2000) } } as RecordedEvent];
    expect(verifyChain(deep)).toMatchObject({ ok: false, position: 2, reason: "invalid_envelope" });
    const unsafe = [...buildChainedLog([entry({ size: 1 })]), { ...logWith(entry({ size: 1 }))[1], data: { size: 2 ** 60 } } as RecordedEvent];
    expect(verifyChain(unsafe)).toMatchObject({ ok: false, position: 2, reason: "invalid_envelope" });
    expect(verifyChain([null as unknown as RecordedEvent])).toMatchObject({ ok: false, position: 1, reason: "invalid_envelope" });
  });

  it("refuses a JSONL line with a blank actor, naming the line, as append and import do", async () => {
    const folder = await mkdtemp(join(tmpdir(), "handover-verify-"));
    const path = join(folder, "blank-actor.jsonl");
    await writeFile(path, logWith(entry({ size: 1 }, metaAt(2, { actor: " " }))).map((event) => `${serializeRecordedEvent(event)}\n`).join(""));
    await expect(toArray(readJsonl(path))).rejects.toMatchObject({ name: "LogError", code: "invalid_envelope", line: 2 });
  });
});
