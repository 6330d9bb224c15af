// A writer process of the contention test: waits for "go" on stdin, then appends one event
// at a time to hot streams with the version it last saw, retrying on conflict.
import { createInterface } from "node:readline";
import { openSqliteEventStore } from "../sqlite-store.js";

const [path = "", writer = "0", countText = "1000", streamsText = "10"] = process.argv.slice(2);
const count = Number(countText);
const streams = Number(streamsText);
const store = openSqliteEventStore({ path, busyTimeoutMs: 60_000 });
const known = new Map<string, number>();
let conflicts = 0;

process.stdout.write("ready\n");
await new Promise<void>((resolveGo) => {
  const input = createInterface({ input: process.stdin });
  input.once("line", () => {
    input.close();
    resolveGo();
  });
});
const started = performance.now();
for (let seq = 0; seq < count; seq++) {
  const streamId = `hot-${Math.floor(Math.random() * streams)}`;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 1000) throw new Error(`writer ${writer}: ${streamId} still conflicting after 1000 attempts`);
    const expectedVersion = known.get(streamId) ?? (await store.streamVersion(streamId));
    const meta = { actor: `writer-${writer}`, occurredAt: new Date().toISOString(), commandId: `w${writer}-${seq}` };
    const result = await store.appendToStream(streamId, [{ type: "hot.appended", data: { writer: Number(writer), seq } }], { expectedVersion, meta });
    if (result._tag === "Right") {
      known.set(streamId, result.right.nextExpectedVersion);
      break;
    }
    if (result.left.code !== "version_conflict") throw new Error(result.left.message);
    conflicts++;
    known.set(streamId, result.left.actual);
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ writer: Number(writer), appended: count, conflicts, millis: Math.round(performance.now() - started) })}\n`);
