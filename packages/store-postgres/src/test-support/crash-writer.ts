// A writer process of the crash test: appends batches of 1 to 5 events in a loop until it
// is killed. Each event names its batch and the batch's size, so a partial batch shows.
import { openPostgresEventStore } from "../postgres-store.js";

const [connectionString = "", schema = "", run = "0"] = process.argv.slice(2);
const store = await openPostgresEventStore({ connectionString, schema, maxConnections: 2 });
for (let batch = 0; ; batch++) {
  const size = 1 + Math.floor(Math.random() * 5);
  const streamId = `crash-${Math.floor(Math.random() * 5)}`;
  const events = Array.from({ length: size }, (_, index) => ({ type: "crash.appended", data: { run: Number(run), batch, index, size } }));
  const meta = { actor: "crash-writer", occurredAt: new Date().toISOString(), commandId: `r${run}-b${batch}` };
  const result = await store.appendToStream(streamId, events, { expectedVersion: "any", meta });
  if (result._tag === "Left") throw new Error(result.left.message);
  if (batch === 0) process.stdout.write("appending\n");
}
