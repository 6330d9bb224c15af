import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCredentials } from "./credentials.js";
import { startService } from "./service.js";

const port = Number(process.env["PORT"] ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`embed-http: PORT must be a port number (0 to 65535), got ${process.env["PORT"]}`);
  process.exit(2);
}
const defaultDatabase = fileURLToPath(new URL("../../../out/embed-http.sqlite", import.meta.url));
const database = resolve(process.env["INIT_CWD"] ?? process.cwd(), process.env["HANDOVER_SQLITE"] ?? defaultDatabase);
mkdirSync(dirname(database), { recursive: true });

const tokens = process.env["HANDOVER_TOKENS"];
if (tokens === undefined || tokens === "") {
  console.error('embed-http: set HANDOVER_TOKENS to a credentials file: {"actors": {"ana": "<sha256 of ana\'s token>"}} (see README.md)');
  process.exit(2);
}
const credentials = await loadCredentials(resolve(process.env["INIT_CWD"] ?? process.cwd(), tokens)).catch((error: unknown) => {
  console.error(`embed-http: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});

const service = await startService({ database, port, credentials, host: process.env["HOST"] ?? "127.0.0.1", report: (error) => console.error(error) }).catch((error: unknown) => {
  console.error(`embed-http: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
console.log(`Handover listening on ${service.url} (log: ${database})`);
console.log("  Authorization: Bearer <token> on every request;  POST /commands  { command, commandId? }   GET /cmdb?asOf=2026-03-12   GET /readiness");

const stop = (): void => {
  void service.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
