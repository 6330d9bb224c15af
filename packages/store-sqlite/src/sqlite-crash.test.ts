import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { toArray, verifyChain } from "@handover/core";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteEventStore } from "./sqlite-store.js";
import { expectWholeBatches, spawnTypeScript, waitForExit, waitForLine } from "@handover/testing";

const KILLS = 20;
const folder = mkdtempSync(join(tmpdir(), "handover-sqlite-crash-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("SQLite store after its writer is killed", () => {
  it(`opens with whole batches and a verified chain, and goes on appending, after ${KILLS} SIGKILLs at random moments`, async () => {
    const path = join(folder, "crash.db");
    let previousLength = 0;
    for (let run = 1; run <= KILLS; run++) {
      const child = spawnTypeScript(new URL("./test-support/crash-writer.ts", import.meta.url), [path, String(run)]);
      await waitForLine(child, (line) => line === "appending");
      await sleep(Math.random() * 250);
      child.kill("SIGKILL");
      expect((await waitForExit(child)).signal).toBe("SIGKILL");

      const store = openSqliteEventStore({ path });
      const log = await toArray(store.readAll());
      const verdict = verifyChain(log, { expectedHead: await store.head() });
      expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true });
      expect(log.length).toBeGreaterThan(previousLength);
      expectWholeBatches(log);
      const next = await store.appendToStream("crash-0", [{ type: "crash.appended", data: { run, batch: -1, index: 0, size: 1 } }], {
        expectedVersion: "any",
        meta: { actor: "crash-test", occurredAt: new Date().toISOString() },
      });
      expect(next._tag).toBe("Right");
      previousLength = log.length + 1;
      await store.close();
    }
    const store = openSqliteEventStore({ path });
    const verdict = await verifyChain(store.readAll());
    await store.close();
    expect(verdict.ok).toBe(true);
  }, 180_000);
});
