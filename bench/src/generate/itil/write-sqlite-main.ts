import { writeItilSqlite } from "./sqlite-log.js";

/** Entry of the SQLite filler process: `write-sqlite-main.ts <jsonl path> <db path>`. */
const [jsonlPath, dbPath] = process.argv.slice(2);
if (jsonlPath === undefined || dbPath === undefined) throw new Error("usage: write-sqlite-main.ts <jsonl path> <db path>");
const count = await writeItilSqlite(jsonlPath, dbPath);
console.log(`${count} events imported into ${dbPath}`);
