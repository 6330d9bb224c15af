import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toArray, verifyChain } from "@handover/core";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";
import { expectContendedLog, spawnTypeScript, waitForExit, waitForLine } from "@handover/testing";

const WRITERS = 4;
const EVENTS_PER_WRITER = Number(process.env.EVENTS ?? 1000);
const HOT_STREAMS = 10;
const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-contention-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface WriterReport {
  readonly writer: number;
  readonly appended: number;
  readonly conflicts: number;
  readonly millis: number;
}

describe("SQLite store under contention from several processes", () => {
  it(`creates the file once and keeps ${HOT_STREAMS} hot streams gapless and the chain linear with ${WRITERS} processes appending ${EVENTS_PER_WRITER} events each`, async () => {
    const path = join(folder, "contention.db");
    const writers = Array.from({ length: WRITERS }, (_, writer) =>
      spawnTypeScript(new URL("./test-support/contention-writer.ts", import.meta.url), [path, String(writer), String(EVENTS_PER_WRITER), String(HOT_STREAMS)]),
    );
    await Promise.all(writers.map((child) => waitForLine(child, (line) => line === "ready")));
    const reports = writers.map((child) => waitForLine(child, (line) => line.startsWith("{")).then((line) => JSON.parse(line) as WriterReport));
    for (const child of writers) child.stdin.end("go\n");
    const finished = await Promise.all(reports);
    const exits = await Promise.all(writers.map(waitForExit));
    expect(exits.map((exit) => exit.code)).toEqual(Array.from({ length: WRITERS }, () => 0));
    console.info(`SQLite contention: ${finished.map((report) => `writer ${report.writer} ${report.millis} ms, ${report.conflicts} conflicts`).join("; ")}`);

    const store = openSqliteEventStore({ path });
    const log = await toArray(store.readAll());
    await store.close();
    const verdict = verifyChain(log);
    expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true, count: WRITERS * EVENTS_PER_WRITER });
    expectContendedLog(log, { writers: WRITERS, eventsPerWriter: EVENTS_PER_WRITER, hotStreams: HOT_STREAMS }, finished);
  }, 120_000);
});
