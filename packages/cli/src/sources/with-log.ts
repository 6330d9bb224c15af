import { GENESIS_HASH, MerkleFrontier, toHex, type RecordedEvent } from "@handover/core";
import { left, type Either } from "fp-ts/lib/Either.js";
import { usageError, type CliFailure, type CliIo, type CommandArgs } from "../command.js";
import { TIME_FORMS } from "../views/time-input.js";
import { parseView, viewJson, type LogView } from "../views/view.js";
import { handoverCatalogue } from "./catalogue.js";
import type { LogSource } from "./log-source.js";
import { openLogSource } from "./open-source.js";
import { parseSourceSpec, SOURCE_FORMS } from "./source-spec.js";
import { readVerified } from "./verified-read.js";

/** The options every read command takes: the view, machine output, and the schema of a PostgreSQL source. */
export const LOG_OPTIONS = {
  "as-of": { type: "string" },
  "known-at": { type: "string" },
  json: { type: "boolean", default: false },
  schema: { type: "string" },
} as const;

/** The help lines of `LOG_OPTIONS` and the source argument. */
export const LOG_DETAILS: readonly string[] = [
  `  <src>             the log: ${SOURCE_FORMS}; its hash chain is verified as it is read`,
  `  --as-of <time>    what was true at a business time: ${TIME_FORMS}`,
  "  --known-at <time> what the log had recorded by a time, written the same way (late or imported history shows up after it was recorded)",
  "  --schema <name>   the schema of a postgres:// source (instead of ?schema=; default handover)",
  "  --json            machine output (JSON)",
];

/** A log opened for a read command: where it is, the view asked for, and its verified, decoded events. */
export interface OpenedLog {
  readonly source: LogSource;
  readonly view: LogView;
  /** The whole log in position order, chain verified, known types decoded; read models cut it to the view themselves. */
  events(): AsyncIterable<RecordedEvent>;
  /** The checkpoint the output was computed from: the size and Merkle root (hex) of the events the last `events()` read. */
  checkpoint(): LogCheckpoint;
}

/** The size and Merkle tree root (RFC 9162, hex) of a log as read: what every `--json` output names. */
export interface LogCheckpoint {
  readonly size: number;
  readonly root: string;
  /** The chain hash of the last event read. */
  readonly headHash: string;
}

/** What every read command's `--json` output opens with: the source, the view asked for, and the checkpoint (size, root, head) its answer was computed from. */
export function logJson(log: OpenedLog): { readonly source: string; readonly view: ReturnType<typeof viewJson>; readonly checkpoint: LogCheckpoint } {
  return { source: log.source.spec.label, view: viewJson(log.view), checkpoint: log.checkpoint() };
}

/** A command's positional arguments by name: the right count, or a usage error naming what is missing or extra. */
export function positionalArgs(positionals: readonly string[], names: readonly string[], usage: string, optional = 0): Either<CliFailure, string[]> {
  const required = names.length - optional;
  if (positionals.length < required) return left(usageError(`missing ${names[positionals.length] ?? "an argument"}; usage: ${usage}`));
  if (positionals.length > names.length) return left(usageError(`unexpected argument "${positionals[names.length] ?? ""}"; usage: ${usage}`));
  return { _tag: "Right", right: [...positionals] };
}

/**
 * Opens the source a read command names, parses its view, runs the work and closes the
 * source whatever happens. Bad source text, a bad time or a source that cannot be
 * opened come back as failures (exit 2) before any work runs.
 */
export async function withLog<T>(sourceText: string, values: CommandArgs["values"], io: CliIo, work: (log: OpenedLog) => Promise<Either<CliFailure, T>>): Promise<Either<CliFailure, T>> {
  const schema = typeof values.schema === "string" ? values.schema : undefined;
  const spec = parseSourceSpec(sourceText, schema);
  if (spec._tag === "Left") return spec;
  const view = parseView(values);
  if (view._tag === "Left") return view;
  const opened = await openLogSource(spec.right);
  if (opened._tag === "Left") return opened;
  const source = opened.right;
  let tree = new MerkleFrontier();
  let headHash = GENESIS_HASH;
  async function* events(): AsyncGenerator<RecordedEvent> {
    tree = new MerkleFrontier();
    for await (const event of readVerified(source, io, { catalogue: handoverCatalogue(), tree })) {
      headHash = event.hash;
      yield event;
    }
  }
  try {
    return await work({ source, view: view.right, events, checkpoint: () => ({ size: tree.size, root: toHex(tree.root()), headHash }) });
  } finally {
    await source.close();
  }
}
