// A writer process of the crash test: appends batches in a loop until it is killed.
import { appendBatchesUntilKilled } from "@handover/testing";
import { openSqliteEventStore } from "../sqlite-store.js";

const [path = "", run = "0"] = process.argv.slice(2);
await appendBatchesUntilKilled(openSqliteEventStore({ path }), Number(run));
