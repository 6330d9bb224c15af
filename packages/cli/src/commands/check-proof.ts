import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { checkProof, type ProofTrust } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand, type CliFailure, type CliIo } from "../command.js";
import { renderJson } from "../output/table.js";
import { readCheckpointFile, readPublicKeyFile, signatureProblem, type CheckpointFile } from "../sources/checkpoint-file.js";
import { positionalArgs } from "../sources/with-log.js";

const USAGE = "handover check-proof <proof> [--checkpoint <file>] [--key <pub.pem>] [--json]";

/** The line a report signature adds to its checkpoint: `pack <file name> sha256:<hex digest>`. */
export const PACK_LINE = /^pack (\S+) sha256:([0-9a-f]{64})$/m;

interface Verdict {
  readonly ok: boolean;
  readonly statement: string;
}

/** Checks a report's detached signature: a signed checkpoint naming the pack's digest, the pack read beside the signature. */
async function checkPackSignature(path: string, signature: CheckpointFile, trust: ProofTrust): Promise<Verdict> {
  const match = PACK_LINE.exec(signature.note.text);
  const name = match?.[1] ?? "";
  const pack = await readFile(join(dirname(path), basename(name))).catch(() => undefined);
  if (pack === undefined) return { ok: false, statement: `the signed pack ${name} is not beside ${path}` };
  const digest = createHash("sha256").update(pack).digest("hex");
  if (digest !== match?.[2]) return { ok: false, statement: `${name} is not the pack that was signed: its digest is ${digest}, the signature names ${match?.[2] ?? "none"}` };
  const { checkpoint } = signature;
  const expected = trust.checkpoint;
  if (expected !== undefined && (expected.size !== checkpoint.size || expected.root !== checkpoint.root)) return { ok: false, statement: `the pack was computed from the log of size ${checkpoint.size}, not the trusted checkpoint's ${expected.size}` };
  return { ok: true, statement: `${name} is the handover pack computed from ${checkpoint.origin} at size ${checkpoint.size} (root ${checkpoint.root})` };
}

async function trustOf(values: Record<string, unknown>): Promise<Either<CliFailure, ProofTrust & { signed?: CheckpointFile }>> {
  let trust: ProofTrust = {};
  if (typeof values.key === "string") {
    const key = await readPublicKeyFile(values.key);
    if (key._tag === "Left") return key;
    trust = { publicKey: key.right };
  }
  if (typeof values.checkpoint === "string") {
    const checkpoint = await readCheckpointFile(values.checkpoint);
    if (checkpoint._tag === "Left") return checkpoint;
    const problem = trust.publicKey === undefined ? undefined : signatureProblem(checkpoint.right, trust.publicKey);
    if (problem !== undefined) return left(inputError(`checkpoint ${values.checkpoint}: ${problem}`));
    trust = { ...trust, checkpoint: checkpoint.right.checkpoint };
  }
  return right(trust);
}

/** Reads the document: a proof (JSON) or a report's signature (a signed checkpoint naming a pack). */
async function verdictOf(path: string, trust: ProofTrust): Promise<Either<CliFailure, Verdict>> {
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return left(inputError(`${path}: cannot be read`));
  if (PACK_LINE.test(text)) {
    const signature = await readCheckpointFile(path);
    if (signature._tag === "Left") return signature;
    const problem = trust.publicKey === undefined ? undefined : signatureProblem(signature.right, trust.publicKey);
    if (problem !== undefined) return right({ ok: false, statement: `the signature is not trusted: ${problem}` });
    return right(await checkPackSignature(path, signature.right, trust));
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return left(inputError(`${path}: not a proof (not JSON) nor a report signature`));
  }
  const checked = checkProof(document, trust);
  if (checked._tag === "Right") return right({ ok: true, statement: checked.right.statement });
  if (checked.left.code === "malformed_proof") return left(inputError(`${path}: ${checked.left.message}`));
  return right({ ok: false, statement: checked.left.message });
}

function report(io: CliIo, path: string, verdict: Verdict, json: boolean, keyed: boolean): void {
  if (json) io.stdout(renderJson({ proof: path, ok: verdict.ok, statement: verdict.statement, signatureChecked: keyed }));
  else io.stdout(`${verdict.ok ? "proof holds" : "PROOF DOES NOT HOLD"}: ${verdict.statement}${verdict.ok && !keyed ? " (no --key: the checkpoint's signature was not checked)" : ""}\n`);
}

/** `handover check-proof`: checks a proof (or a report's signature) offline. */
export const checkProofCommand: CliCommand = {
  path: ["check-proof"],
  summary: "Check, without the log, a proof from handover prove (an event is in the log; the log extends a checkpoint) or a report's signature from handover report --sign. Exit 0 it holds, 1 it does not.",
  usage: USAGE,
  details: [
    "  <proof>              a proof file (JSON), or a report's .sig file (the pack is read beside it)",
    "  --checkpoint <file>  the checkpoint you trust: the proof must be about its tree (size and root)",
    "  --key <pub.pem>      the Ed25519 public key the checkpoints must be signed by",
    "  --json               print the verdict as JSON",
    "  exit codes:          0 the proof holds, 1 it does not, 2 a file that is not a proof, checkpoint or key",
  ],
  example: "handover check-proof change-c17.proof.json --checkpoint crm-2026-03-31.checkpoint --key team.pub.pem",
  options: { checkpoint: { type: "string" }, key: { type: "string" }, json: { type: "boolean", default: false } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<proof>"], USAGE);
    if (args._tag === "Left") return args;
    const path = args.right[0] ?? "";
    const trust = await trustOf(values);
    if (trust._tag === "Left") return trust;
    const verdict = await verdictOf(path, trust.right);
    if (verdict._tag === "Left") return verdict;
    report(io, path, verdict.right, values.json === true, trust.right.publicKey !== undefined);
    return right(verdict.right.ok ? 0 : 1);
  },
};
