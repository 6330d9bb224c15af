import { setTimeout as sleep } from "node:timers/promises";
import { toArray, verifyChain } from "@handover/core";
import { expect, it } from "vitest";
import { expectWholeBatches, spawnTypeScript, waitForExit, waitForLine } from "@handover/testing";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres, POSTGRES_URL } from "./test-support/postgres.js";

const KILLS = 20;
const fixture = postgresFixture("crash");

describePostgres("PostgreSQL store after its writer is killed", () => {
  it(`keeps whole batches and a verified chain, and goes on appending, after ${KILLS} SIGKILLs at random moments`, async () => {
    const schema = fixture.schema();
    await (await fixture.open({ schema })).close();
    let previousLength = 0;
    for (let run = 1; run <= KILLS; run++) {
      const child = spawnTypeScript(new URL("./test-support/crash-writer.ts", import.meta.url), [POSTGRES_URL, schema, String(run)]);
      await waitForLine(child, (line) => line === "appending");
      await sleep(Math.random() * 250);
      child.kill("SIGKILL");
      expect((await waitForExit(child)).signal).toBe("SIGKILL");

      const store = await fixture.open({ schema });
      const next = await store.appendToStream("crash-0", [{ type: "crash.appended", data: { run, batch: -1, index: 0, size: 1 } }], {
        expectedVersion: "any",
        meta: { actor: "crash-test", occurredAt: new Date().toISOString() },
      });
      expect(next._tag).toBe("Right");
      const log = await toArray(store.readAll());
      const verdict = verifyChain(log, { expectedHead: await store.head() });
      expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true });
      expect(log.length).toBeGreaterThan(previousLength + 1);
      expectWholeBatches(log);
      previousLength = log.length;
      await store.close();
    }
  }, 240_000);
});
