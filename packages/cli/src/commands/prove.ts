import { buildConsistencyProof, buildInclusionProof, formatCheckpoint, subtreeRoot, toHex, type Checkpoint } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CliIo } from "../command.js";
import { readCheckpointFile, type CheckpointFile } from "../sources/checkpoint-file.js";
import { openLogTree, type LogTree } from "../sources/log-tree.js";
import { SOURCE_FORMS } from "../sources/source-spec.js";
import { positionalArgs } from "../sources/with-log.js";
import { withSource, writeOut } from "./checkpoint.js";

const USAGE = "handover prove <src> <position> [--checkpoint <file>] [--out <file>] | handover prove <src> --since <checkpoint> [--out <file>]";

/** Whether the log's first `size` events give the checkpoint's root and head: a sentence saying why not, or undefined. */
async function extendsCheckpoint(tree: LogTree, checkpoint: Checkpoint): Promise<string | undefined> {
  if (checkpoint.origin !== tree.origin) return `the checkpoint is of ${checkpoint.origin}, this log is ${tree.origin}`;
  if (checkpoint.size > tree.head.size) return `the log has ${tree.head.size} events, fewer than the checkpoint's ${checkpoint.size}: positions ${tree.head.size + 1} to ${checkpoint.size} were removed`;
  const root = checkpoint.size === 0 ? undefined : toHex(await subtreeRoot(tree.nodes, 0, checkpoint.size));
  const head = checkpoint.size === 0 ? undefined : (await tree.eventAt(checkpoint.size))?.hash;
  if (checkpoint.size > 0 && (root !== checkpoint.root || head !== checkpoint.headHash)) return `the log's first ${checkpoint.size} events do not give the checkpoint's root: an event at or before position ${checkpoint.size} was rewritten`;
  return undefined;
}

/** The checkpoint a proof is made against: the one given (the log must extend it) or a fresh, unsigned one of the whole log. */
async function targetOf(tree: LogTree, given: CheckpointFile | undefined, io: CliIo): Promise<Either<string, { text: string; checkpoint: Checkpoint }>> {
  if (given === undefined) {
    const checkpoint: Checkpoint = { origin: tree.origin, ...tree.head, time: io.now() };
    return right({ text: formatCheckpoint(checkpoint), checkpoint });
  }
  const problem = await extendsCheckpoint(tree, given.checkpoint);
  return problem === undefined ? right({ text: given.text, checkpoint: given.checkpoint }) : left(problem);
}

async function readGiven(file: unknown): Promise<Either<CliFailure, CheckpointFile | undefined>> {
  if (file === undefined) return right(undefined);
  if (typeof file !== "string" || file === "") return left(usageError("a checkpoint file name is missing"));
  return readCheckpointFile(file);
}

/** `handover prove`: an inclusion proof of one event, or a consistency proof that the log extends a checkpoint. */
export const proveCommand: CliCommand = {
  path: ["prove"],
  summary: "Write a proof anyone can check without the log (handover check-proof): that the event at a position is in the log (inclusion), or with --since that the log extends an earlier checkpoint (consistency; RFC 9162). Exit 1 when the log does not extend the checkpoint given.",
  usage: USAGE,
  details: [
    `  <src>                the log: ${SOURCE_FORMS}`,
    "  <position>           the event to prove (1-based log position)",
    "  --checkpoint <file>  prove the event in the tree of this published checkpoint (the log must extend it) instead of the whole log's",
    "  --since <file>       prove the whole log extends this earlier checkpoint",
    "  --out <file>         write the proof to this file (refused if it exists, unless --force) instead of standard output",
    "  --schema <name>      the schema of a postgres:// source",
  ],
  example: "handover prove sqlite:crm.db 1042 --checkpoint crm-2026-03-31.checkpoint --out change-c17.proof.json",
  options: { checkpoint: { type: "string" }, since: { type: "string" }, out: { type: "string" }, force: { type: "boolean", default: false }, schema: { type: "string" } },
  async run({ positionals, values }, io) {
    const since = typeof values.since === "string";
    const args = positionalArgs(positionals, since ? ["<src>"] : ["<src>", "<position>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = "", positionText = ""] = args.right;
    const position = Number(positionText);
    if (!since && !(Number.isSafeInteger(position) && position >= 1)) return left(usageError(`<position> must be a log position (1, 2, …), got "${positionText}"`));
    const given = await readGiven(since ? values.since : values.checkpoint);
    if (given._tag === "Left") return given;
    return withSource(source, values, async (opened) => {
      const tree = await openLogTree(opened, io);
      if (since) {
        const old = given.right as CheckpointFile;
        const problem = await extendsCheckpoint(tree, old.checkpoint);
        if (problem !== undefined) return fail(io, `${opened.spec.label} does not extend the checkpoint: ${problem}`);
        const now = await targetOf(tree, undefined, io);
        if (now._tag === "Left") return fail(io, now.left);
        const proof = await buildConsistencyProof(tree.nodes, { text: old.text, head: old.checkpoint }, { text: now.right.text, head: now.right.checkpoint });
        return written(await writeOut(values, `${JSON.stringify(proof, null, 2)}\n`, io.stdout), io, `consistency proof: ${old.checkpoint.size} → ${tree.head.size} events`);
      }
      const target = await targetOf(tree, given.right, io);
      if (target._tag === "Left") return fail(io, `${opened.spec.label} does not extend the checkpoint: ${target.left}`);
      if (position > target.right.checkpoint.size) return left(inputError(`position ${position} is past the end of the tree proven against (${target.right.checkpoint.size} events)`));
      const event = await tree.eventAt(position);
      if (event === undefined) return left(inputError(`${opened.spec.label} has no event at position ${position}`));
      const proof = await buildInclusionProof(tree.nodes, target.right.text, target.right.checkpoint, event);
      return written(await writeOut(values, `${JSON.stringify(proof, null, 2)}\n`, io.stdout), io, `inclusion proof of position ${position} in ${target.right.checkpoint.size} events`);
    });
  },
};

function fail(io: CliIo, message: string): Either<CliFailure, number> {
  io.stderr(`handover prove: ${message}\n`);
  return right(1);
}

function written(outcome: Either<CliFailure, string | undefined>, io: CliIo, what: string): Either<CliFailure, number> {
  if (outcome._tag === "Left") return outcome;
  if (outcome.right !== undefined) io.stderr(`wrote ${outcome.right}: ${what}\n`);
  return right(0);
}
