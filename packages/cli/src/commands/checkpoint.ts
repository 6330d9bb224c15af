import { formatCheckpoint, signCheckpoint, type Checkpoint } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { renderJson } from "../output/table.js";
import { readPrivateKeyFile } from "../sources/checkpoint-file.js";
import { writeNewFile } from "../sources/files.js";
import type { LogSource } from "../sources/log-source.js";
import { openLogTree } from "../sources/log-tree.js";
import { openLogSource } from "../sources/open-source.js";
import { parseSourceSpec, SOURCE_FORMS } from "../sources/source-spec.js";
import { positionalArgs } from "../sources/with-log.js";

const USAGE = "handover checkpoint <src> [--sign <key.pem>] [--out <file>] [--force] [--schema <name>] [--json]";

/** Opens the source a command names, runs the work and closes the source whatever happens. */
export async function withSource<T>(sourceText: string, values: CommandArgs["values"], work: (source: LogSource) => Promise<Either<CliFailure, T>>): Promise<Either<CliFailure, T>> {
  const spec = parseSourceSpec(sourceText, typeof values.schema === "string" ? values.schema : undefined);
  if (spec._tag === "Left") return spec;
  const opened = await openLogSource(spec.right);
  if (opened._tag === "Left") return opened;
  try {
    return await work(opened.right);
  } finally {
    await opened.right.close();
  }
}

/** Writes a document to `--out` (never over a file without `--force`) or to standard output. */
export async function writeOut(values: CommandArgs["values"], text: string, print: (line: string) => void): Promise<Either<CliFailure, string | undefined>> {
  const out = values.out;
  if (out === undefined) {
    print(text);
    return right(undefined);
  }
  if (typeof out !== "string" || out === "") return left(usageError("--out needs a file name"));
  return writeNewFile(out, text, values.force === true);
}

/** `handover checkpoint`: the log's signed tree head, for the team to publish. */
export const checkpointCommand: CliCommand = {
  path: ["checkpoint"],
  summary: "Write a checkpoint of a log: its project, size, Merkle tree root (RFC 9162), head hash and time, in the C2SP tlog-checkpoint text form, signed with an Ed25519 key if one is given. Publish it; later, verify --checkpoint proves the log still extends it.",
  usage: USAGE,
  details: [
    `  <src>              the log: ${SOURCE_FORMS}; a store's tree is read from what it keeps (fast at any size), a JSONL file is read and verified whole`,
    "  --sign <key.pem>   sign with this Ed25519 private key (PEM, PKCS#8: openssl genpkey -algorithm ed25519 -out key.pem)",
    "  --out <file>       write it to this file (refused if it exists, unless --force) instead of standard output",
    "  --schema <name>    the schema of a postgres:// source",
    "  --json             print the checkpoint's fields as JSON (with --out; the file keeps the text form)",
  ],
  example: "handover checkpoint sqlite:crm.db --sign team.key.pem --out crm-2026-03-31.checkpoint",
  options: { sign: { type: "string" }, out: { type: "string" }, force: { type: "boolean", default: false }, schema: { type: "string" }, json: { type: "boolean", default: false } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const key = typeof values.sign === "string" ? await readPrivateKeyFile(values.sign) : undefined;
    if (key?._tag === "Left") return key;
    return withSource(args.right[0] ?? "", values, async (source) => {
      const tree = await openLogTree(source, io);
      if (tree.head.size === 0) return left(inputError(`${source.spec.label}: the log is empty: there is nothing to checkpoint`));
      const checkpoint: Checkpoint = { origin: tree.origin, ...tree.head, time: io.now() };
      const text = key === undefined ? formatCheckpoint(checkpoint) : signCheckpoint(checkpoint, key.right);
      const json = values.json === true;
      const written = await writeOut(values, text, json ? () => undefined : io.stdout);
      if (written._tag === "Left") return written;
      if (json) io.stdout(renderJson({ ...checkpoint, signed: key !== undefined, out: written.right ?? null, text }));
      else if (written.right !== undefined) io.stdout(`wrote ${written.right}: checkpoint of ${checkpoint.origin}, size ${checkpoint.size}, root ${checkpoint.root}${key === undefined ? " (unsigned)" : ", signed"}\n`);
      return right(undefined);
    });
  },
};
