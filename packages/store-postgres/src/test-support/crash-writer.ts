// A writer process of the crash test: appends batches in a loop until it is killed.
import { appendBatchesUntilKilled } from "@handover/testing";
import { openPostgresEventStore } from "../postgres-store.js";

const [connectionString = "", schema = "", run = "0"] = process.argv.slice(2);
await appendBatchesUntilKilled(await openPostgresEventStore({ connectionString, schema, maxConnections: 2 }), Number(run));
