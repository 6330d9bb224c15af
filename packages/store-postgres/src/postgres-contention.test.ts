import { toArray, verifyChain } from "@handover/core";
import { expect, it } from "vitest";
import { appendContended, expectContendedLog } from "@handover/testing";
import { openPostgresEventStore, type PostgresEventStore } from "./postgres-store.js";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres, POSTGRES_URL } from "./test-support/postgres.js";

const WRITERS = 8;
const EVENTS_PER_WRITER = Number(process.env.EVENTS ?? 1000);
const HOT_STREAMS = 10;
const SHAPE = { writers: WRITERS, eventsPerWriter: EVENTS_PER_WRITER, hotStreams: HOT_STREAMS };
const fixture = postgresFixture("cont");

/** Reads the log again and again while writers run: every read must be positions 1..n with no hole. */
async function watchForGaps(store: PostgresEventStore, running: () => boolean): Promise<{ readonly count: number; readonly holes: string[] }> {
  const holes: string[] = [];
  let count = 0;
  while (running()) {
    let expected = 1;
    for await (const event of store.readAll()) {
      if (event.position !== expected) holes.push(`read ${count}: position ${event.position} where ${expected} was due`);
      expected = event.position + 1;
    }
    count++;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { count, holes };
}

describePostgres("PostgreSQL store under contention from several connections", () => {
  it(`keeps ${HOT_STREAMS} hot streams gapless, the chain linear and every read hole-free with ${WRITERS} connections appending ${EVENTS_PER_WRITER} events each`, async () => {
    const schema = fixture.schema();
    await (await fixture.open({ schema })).close();
    const stores = await Promise.all(Array.from({ length: WRITERS }, () => openPostgresEventStore({ connectionString: POSTGRES_URL, schema, maxConnections: 1 })));
    let writing = true;
    const watcher = await fixture.open({ schema });
    const reads = watchForGaps(watcher, () => writing);
    const reports = await Promise.all(stores.map((store, writer) => appendContended(store, writer, SHAPE)));
    writing = false;
    const gapReads = await reads;
    await watcher.close();
    expect(gapReads.holes).toEqual([]);
    expect(gapReads.count).toBeGreaterThan(0);
    await Promise.all(stores.map((store) => store.close()));
    console.info(`PostgreSQL contention: ${reports.map((report, writer) => `writer ${writer} ${report.millis} ms, ${report.conflicts} conflicts`).join("; ")}`);

    const store = await fixture.open({ schema });
    const log = await toArray(store.readAll());
    const verdict = verifyChain(log, { expectedHead: await store.head() });
    expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true, count: SHAPE.writers * SHAPE.eventsPerWriter });
    await store.close();
    expectContendedLog(log, SHAPE, reports);
  }, 240_000);
});
