import { toArray, verifyChain } from "@handover/core";
import { expect, it } from "vitest";
import { openPostgresEventStore, type PostgresEventStore } from "./postgres-store.js";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres, POSTGRES_URL } from "./test-support/postgres.js";

const WRITERS = 8;
const EVENTS_PER_WRITER = Number(process.env.EVENTS ?? 1000);
const HOT_STREAMS = 10;
const fixture = postgresFixture("cont");

/** One writer: appends one event at a time with the version it last saw, retrying on conflict. */
async function runWriter(store: PostgresEventStore, writer: number): Promise<{ readonly conflicts: number; readonly millis: number }> {
  const known = new Map<string, number>();
  let conflicts = 0;
  const started = performance.now();
  for (let seq = 0; seq < EVENTS_PER_WRITER; seq++) {
    const streamId = `hot-${Math.floor(Math.random() * HOT_STREAMS)}`;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 1000) throw new Error(`writer ${writer}: ${streamId} still conflicting after 1000 attempts`);
      const expectedVersion = known.get(streamId) ?? (await store.streamVersion(streamId));
      const meta = { actor: `writer-${writer}`, occurredAt: new Date().toISOString(), commandId: `w${writer}-${seq}` };
      const result = await store.appendToStream(streamId, [{ type: "hot.appended", data: { writer, seq } }], { expectedVersion, meta });
      if (result._tag === "Right") {
        known.set(streamId, result.right.nextExpectedVersion);
        break;
      }
      if (result.left.code !== "version_conflict") throw new Error(result.left.message);
      conflicts++;
      known.set(streamId, result.left.actual);
    }
  }
  return { conflicts, millis: Math.round(performance.now() - started) };
}

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
    const reports = await Promise.all(stores.map((store, writer) => runWriter(store, writer)));
    writing = false;
    const gapReads = await reads;
    await watcher.close();
    expect(gapReads.holes).toEqual([]);
    expect(gapReads.count).toBeGreaterThan(0);
    await Promise.all(stores.map((store) => store.close()));
    console.info(`PostgreSQL contention: ${reports.map((report, writer) => `writer ${writer} ${report.millis} ms, ${report.conflicts} conflicts`).join("; ")}`);

    const store = await fixture.open({ schema });
    const log = await toArray(store.readAll());
    const total = WRITERS * EVENTS_PER_WRITER;
    expect(log).toHaveLength(total);
    const verdict = verifyChain(log, { expectedHead: await store.head() });
    expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true, count: total });
    await store.close();
    const seen = new Set(log.map((event) => JSON.stringify(event.data)));
    expect(seen.size).toBe(total);
    for (let writer = 0; writer < WRITERS; writer++) {
      for (let seq = 0; seq < EVENTS_PER_WRITER; seq++) expect(seen.has(JSON.stringify({ writer, seq }))).toBe(true);
    }
    const byStream = new Map<string, number[]>();
    for (const event of log) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.version]);
    expect(byStream.size).toBe(HOT_STREAMS);
    for (const versions of byStream.values()) expect(versions).toEqual(versions.map((_, index) => index + 1));
    expect(reports.reduce((sum, report) => sum + report.conflicts, 0)).toBeGreaterThan(0);
  }, 240_000);
});
