import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readJsonl, sequentialIds, verifyChain, writeJsonl } from "@handover/core";
import { openSqliteEventStore } from "@handover/store-sqlite";
import { buildCrmHistory, type StoryStore } from "./build-history.js";
import { reportLines } from "./report.js";

/** Where the CLI writes when no path is given: `out/crm-replacement.jsonl` under the repository root. */
export const DEFAULT_JSONL = fileURLToPath(new URL("../../../out/crm-replacement.jsonl", import.meta.url));

const USAGE = `usage: pnpm --filter @handover-examples/crm-replacement start [-- [log.jsonl] [--sqlite file.sqlite]]
  Builds the Orbit CRM replacement's history through createHandover and writes it as a chained JSONL log
  (default ${DEFAULT_JSONL}); with --sqlite, the story is written into a new SQLite file too.
  example: pnpm --filter @handover-examples/crm-replacement start -- out/crm.jsonl --sqlite out/crm.sqlite`;

/** Where the CLI reads relative paths from and writes its lines to. */
export interface CliEnvironment {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** What the command line asks for. */
interface CliRequest {
  readonly jsonl: string;
  readonly sqlite?: string;
}

function parse(args: readonly string[], cwd: string): CliRequest | string {
  const positional: string[] = [];
  let sqlite: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") continue;
    if (arg === "--sqlite") {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) return "--sqlite needs a file path";
      sqlite = resolve(cwd, value);
    } else if (arg.startsWith("-")) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length > 1) return `one JSONL path at most, got ${positional.join(" ")}`;
  const jsonl = positional[0] === undefined ? DEFAULT_JSONL : resolve(cwd, positional[0]);
  return sqlite === undefined ? { jsonl } : { jsonl, sqlite };
}

/**
 * Runs the example: builds the history (into SQLite too when asked), writes the JSONL log,
 * reads it back and verifies its chain, and prints the summary. Exit code 0 when every
 * step went as the story says and the log verifies, 1 when not, 2 for bad usage.
 */
export async function runCli(args: readonly string[], env: CliEnvironment): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    env.out(USAGE);
    return 0;
  }
  const request = parse(args, env.cwd);
  if (typeof request === "string") {
    env.err(`crm-replacement: ${request}\n${USAGE}`);
    return 2;
  }
  if (request.sqlite !== undefined && existsSync(request.sqlite)) {
    env.err(`crm-replacement: ${request.sqlite} exists; the story writes a new log, so remove the file or name another`);
    return 2;
  }
  const started = performance.now();
  const store: StoryStore | undefined = request.sqlite === undefined ? undefined : sqliteStore(request.sqlite);
  const { handover, summary } = await buildCrmHistory(store === undefined ? {} : { store });
  const built = performance.now() - started;
  mkdirSync(dirname(request.jsonl), { recursive: true });
  const written = await writeJsonl(request.jsonl, handover.store.readAll());
  await handover.close();
  const verified = await verifyChain(readJsonl(request.jsonl));
  for (const line of reportLines(summary)) env.out(line);
  env.out(`built in ${Math.round(built)} ms; wrote ${written.count} events to ${request.jsonl}${request.sqlite === undefined ? "" : ` and ${request.sqlite}`}`);
  if (!verified.ok) {
    env.err(`crm-replacement: ${request.jsonl} does not verify at position ${verified.position}: ${verified.message}`);
    return 1;
  }
  env.out(`chain verified: ${verified.count} events, head ${verified.headHash}`);
  return summary.steps.unexpected.length === 0 ? 0 : 1;
}

function sqliteStore(path: string): StoryStore {
  mkdirSync(dirname(path), { recursive: true });
  // A generated example log: WAL with synchronous=NORMAL survives a crash of this process, which is all it needs.
  return (clock) => openSqliteEventStore({ path, clock, ids: sequentialIds("crm-evt"), synchronous: "normal" });
}
