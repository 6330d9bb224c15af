import { GENESIS_HASH, LogError, MerkleFrontier, toHex, type Checkpoint, type RecordedEvent } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { usageError, type CliCommand, type CliFailure, type CliIo, type CommandArgs } from "../command.js";
import { originOf, projectOfStream, readCheckpointFile, readPublicKeyFile, signatureProblem } from "../sources/checkpoint-file.js";
import { renderJson } from "../output/table.js";
import { paint } from "../output/style.js";
import { handoverCatalogue } from "../sources/catalogue.js";
import { readVerified } from "../sources/verified-read.js";
import { LOG_DETAILS, LOG_OPTIONS, positionalArgs, withLog, type LogCheckpoint, type OpenedLog } from "../sources/with-log.js";
import { describeView, viewJson, type LogView } from "../views/view.js";

const USAGE = "handover verify <src> [--checkpoint <file> [--key <pub.pem>]] [--as-of <time>] [--known-at <time>] [--json]";

/**
 * Reasons a read stops that are about the log's integrity (exit 1): the chain, bytes that
 * are not the canonical form of their event, a checkpoint the log does not extend. Input
 * that cannot be read at all (not UTF-8, not JSON, an unknown type, a future schema
 * version, data that does not decode, an empty log) is exit 2, from every command.
 */
const INTEGRITY_CODES = /^chain_|^non_canonical_|^checkpoint_/;

/** The events of the log that fall in a view, and the last of them (a view cut by recorded time ends at the head the log had then). */
interface ViewTally {
  count: number;
  last: RecordedEvent | undefined;
}

/** What `verify` found: every event verified up to the head, or the first that did not. */
export type VerifyOutcome =
  | { readonly ok: true; readonly count: number; readonly headPosition: number; readonly headHash: string; readonly inView: ViewTally; readonly checkpoint: LogCheckpoint; readonly project: string | undefined }
  | { readonly ok: false; readonly position: number | null; readonly reason: string; readonly message: string; readonly verified: number };

function inView(event: RecordedEvent, view: LogView): boolean {
  return (view.asOf === undefined || event.meta.occurredAt <= view.asOf) && (view.knownAt === undefined || event.recordedAt <= view.knownAt);
}

/** Reads the whole log through the verifying reader and tallies it; an integrity failure is an outcome, anything else is thrown. */
export async function verifyLog(log: OpenedLog, io: CliIo, checkpoint?: Checkpoint): Promise<VerifyOutcome> {
  let count = 0;
  let head: RecordedEvent | undefined;
  let project: string | undefined;
  const tally: ViewTally = { count: 0, last: undefined };
  const tree = new MerkleFrontier();
  try {
    for await (const event of readVerified(log.source, io, { catalogue: handoverCatalogue(), tree, ...(checkpoint === undefined ? {} : { checkpoint }) })) {
      count += 1;
      head = event;
      project ??= projectOfStream(event.streamId);
      if (inView(event, log.view)) {
        tally.count += 1;
        tally.last = event;
      }
    }
  } catch (error) {
    if (!(error instanceof LogError) || !INTEGRITY_CODES.test(error.code)) throw error;
    return { ok: false, position: error.position ?? null, reason: error.code.replace(/^chain_/, ""), message: error.message, verified: count };
  }
  return { ok: true, count, headPosition: head?.position ?? 0, headHash: head?.hash ?? "0".repeat(64), inView: tally, checkpoint: { size: tree.size, root: toHex(tree.root()), headHash: head?.hash ?? GENESIS_HASH }, project };
}

function describeOutcome(outcome: VerifyOutcome, label: string, view: LogView, io: CliIo): string {
  const style = paint(io);
  if (!outcome.ok) return `${style.fail("DOES NOT VERIFY")} ${outcome.message}\n  ${outcome.verified} event(s) verified before it\n`;
  const lines = [
    `${style.pass("verified")} ${label}: ${outcome.count} event(s), positions 1 to ${outcome.headPosition}`,
    `head: position ${outcome.headPosition}, hash ${outcome.headHash}`,
    `checkpoint: size ${outcome.checkpoint.size}, root ${outcome.checkpoint.root}`,
    describeView(view),
  ];
  if (view.asOf !== undefined || view.knownAt !== undefined) {
    const last = outcome.inView.last;
    lines.push(`in this view: ${outcome.inView.count} event(s)${last === undefined ? "" : `, the last at position ${last.position}, hash ${last.hash}`}`);
  }
  return `${lines.join("\n")}\n`;
}

function outcomeJson(outcome: VerifyOutcome, label: string, view: LogView): unknown {
  const base = { source: label, view: viewJson(view) };
  if (!outcome.ok) return { ...base, ...outcome };
  const last = outcome.inView.last;
  return { ...base, ok: true, count: outcome.count, headPosition: outcome.headPosition, headHash: outcome.headHash, checkpoint: outcome.checkpoint, inView: { count: outcome.inView.count, lastPosition: last?.position ?? null, lastHash: last?.hash ?? null } };
}

/** What `verify --checkpoint` adds to the outcome: the checkpoint proven extended, and whether its signature was checked. */
interface CheckpointNote {
  readonly size: number;
  readonly root: string;
  readonly signature: "checked" | "not signed" | "not checked (no --key)";
}

/** Reads `--checkpoint` and `--key`: the checkpoint, its signature checked when a key is given (a bad signature is an outcome, exit 1). */
async function checkpointArgs(values: CommandArgs["values"]): Promise<Either<CliFailure, { checkpoint: Checkpoint; note: CheckpointNote; problem?: string } | undefined>> {
  const file = values.checkpoint;
  const keyFile = values.key;
  if (typeof file !== "string") return typeof keyFile === "string" ? left(usageError(`--key needs --checkpoint <file>; usage: ${USAGE}`)) : right(undefined);
  const parsed = await readCheckpointFile(file);
  if (parsed._tag === "Left") return parsed;
  const { checkpoint, note } = parsed.right;
  const signature = note.signatures.length === 0 ? "not signed" : "not checked (no --key)";
  if (typeof keyFile !== "string") return right({ checkpoint, note: { size: checkpoint.size, root: checkpoint.root, signature } });
  const key = await readPublicKeyFile(keyFile);
  if (key._tag === "Left") return key;
  const problem = signatureProblem(parsed.right, key.right);
  const noted = { checkpoint, note: { size: checkpoint.size, root: checkpoint.root, signature: "checked" as const } };
  return right(problem === undefined ? noted : { ...noted, problem: `checkpoint ${file}: ${problem}` });
}

/** The outcome once the log is read against a checkpoint: a log of another project does not extend it. */
function againstCheckpoint(outcome: VerifyOutcome, checkpoint: Checkpoint | undefined): VerifyOutcome {
  if (checkpoint === undefined || !outcome.ok || originOf(outcome.project) === checkpoint.origin) return outcome;
  return { ok: false, position: null, reason: "checkpoint_origin", message: `the checkpoint is of ${checkpoint.origin}, this log is ${originOf(outcome.project)}`, verified: outcome.count };
}

/** `handover verify`: checks a log's hash chain end to end, and that it extends a checkpoint; exit 0 when it verifies, 1 when it does not. */
export const verifyCommand: CliCommand = {
  path: ["verify"],
  summary: "Verify a log's hash chain, its canonical form and that every event decodes, and with --checkpoint that it extends a published checkpoint: print the count, head and checkpoint, or the first bad position and why. Exit 0 verified, 1 not.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  --checkpoint <file> a checkpoint (from handover checkpoint) the log must extend: its first <size> events must give its root and head, so any truncation below it or rewrite fails",
    "  --key <pub.pem>   the Ed25519 public key the checkpoint must be signed by",
    "  exit codes:        0 the log verifies, 1 it does not (the output names the first bad position), 2 bad usage or a source that cannot be read (not UTF-8 or JSON, an unknown event type, a future schema version, an empty log)",
  ],
  example: "handover verify sqlite:crm.db --checkpoint crm-2026-03.checkpoint --key team.pub.pem",
  options: { ...LOG_OPTIONS, checkpoint: { type: "string" }, key: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = ""] = args.right;
    const against = await checkpointArgs(values);
    if (against._tag === "Left") return against;
    return withLog(source, values, io, async (log) => {
      const checkpoint = against.right?.checkpoint;
      const problem = against.right?.problem;
      const outcome: VerifyOutcome =
        problem === undefined ? againstCheckpoint(await verifyLog(log, io, checkpoint), checkpoint) : { ok: false, position: null, reason: "checkpoint_signature", message: problem, verified: 0 };
      const note = against.right?.note;
      if (values.json === true) io.stdout(renderJson({ ...(outcomeJson(outcome, log.source.spec.label, log.view) as object), ...(note === undefined ? {} : { against: note }) }));
      else io.stdout(describeOutcome(outcome, log.source.spec.label, log.view, io) + (note === undefined || !outcome.ok ? "" : `extends checkpoint: size ${note.size}, root ${note.root} (signature ${note.signature})\n`));
      return right(outcome.ok ? 0 : 1);
    });
  },
};
