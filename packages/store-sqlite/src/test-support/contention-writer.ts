// A writer process of the contention test: waits for "go" on stdin, then appends one event
// at a time to hot streams with the version it last saw, retrying on conflict.
import { createInterface } from "node:readline";
import { appendContended } from "@handover/testing";
import { openSqliteEventStore } from "../sqlite-store.js";

const [path = "", writer = "0", countText = "1000", streamsText = "10"] = process.argv.slice(2);
const store = openSqliteEventStore({ path, busyTimeoutMs: 60_000 });

process.stdout.write("ready\n");
await new Promise<void>((resolveGo) => {
  const input = createInterface({ input: process.stdin });
  input.once("line", () => {
    input.close();
    resolveGo();
  });
});
const report = await appendContended(store, Number(writer), { eventsPerWriter: Number(countText), hotStreams: Number(streamsText) });
await store.close();
process.stdout.write(`${JSON.stringify({ writer: Number(writer), appended: Number(countText), ...report })}\n`);
