import type { KeyObject } from "node:crypto";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { canonicalLine } from "./canonical-line.js";
import { parseCheckpoint, type Checkpoint, type TreeHead } from "./checkpoint.js";
import type { RecordedEvent } from "./envelope.js";
import { hashEvent } from "./hash-chain.js";
import { fromHex, leafHashOf, toHex } from "./merkle-hash.js";
import { consistencyPath, inclusionPath, type MerkleNodeSource } from "./merkle-proofs.js";
import { verifyConsistency, verifyInclusion } from "./merkle-verify.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";
import { checkNoteSignature } from "./signed-note.js";

/** The format name every proof document carries. */
export const PROOF_FORMAT = "handover-proof/1";

/** That one event is in a log: the checkpoint of the tree, the event's canonical line and the path from its leaf to the root. */
export interface InclusionProof {
  readonly format: typeof PROOF_FORMAT;
  readonly kind: "inclusion";
  /** The checkpoint (C2SP text, signed or not) whose tree the event is proven in. */
  readonly checkpoint: string;
  readonly position: number;
  /** The event's canonical line, from which its hash and leaf are recomputed. */
  readonly event: string;
  readonly path: readonly string[];
}

/** That a later log extends an earlier checkpoint: both checkpoints and the RFC 9162 consistency path between their trees. */
export interface ConsistencyProof {
  readonly format: typeof PROOF_FORMAT;
  readonly kind: "consistency";
  readonly from: string;
  readonly to: string;
  readonly path: readonly string[];
}

/** Either kind of proof document. */
export type LogProof = InclusionProof | ConsistencyProof;

/** Builds the inclusion proof of an event in the tree a checkpoint names (the node source is the log's, at least that large). */
export async function buildInclusionProof(source: MerkleNodeSource, checkpointText: string, checkpoint: TreeHead, event: RecordedEvent): Promise<InclusionProof> {
  const path = await inclusionPath(source, event.position - 1, checkpoint.size);
  return { format: PROOF_FORMAT, kind: "inclusion", checkpoint: checkpointText, position: event.position, event: canonicalLine(event), path: path.map(toHex) };
}

/** Builds the consistency proof from an earlier checkpoint's tree to a later one's. */
export async function buildConsistencyProof(source: MerkleNodeSource, from: { readonly text: string; readonly head: TreeHead }, to: { readonly text: string; readonly head: TreeHead }): Promise<ConsistencyProof> {
  const path = from.head.size === 0 || from.head.size === to.head.size ? [] : await consistencyPath(source, from.head.size, to.head.size);
  return { format: PROOF_FORMAT, kind: "consistency", from: from.text, to: to.text, path: path.map(toHex) };
}

/** What checking a proof trusts beyond the proof itself: a public key the checkpoints must be signed by, a tree head it must be about. */
export interface ProofTrust {
  readonly publicKey?: KeyObject;
  readonly checkpoint?: TreeHead;
}

/** Why a proof was refused: `malformed_proof` (not a proof document), `untrusted` (signature or checkpoint do not match what is trusted), `invalid_proof` (the hashes do not add up). */
export interface ProofFailure {
  readonly code: "malformed_proof" | "untrusted" | "invalid_proof";
  readonly message: string;
}

/** A proof that holds: what it proved, in a sentence, and the tree head it proved it against. */
export interface ProofVerdict {
  readonly kind: LogProof["kind"];
  readonly statement: string;
  readonly checkpoint: Checkpoint;
}

const fail = (code: ProofFailure["code"], message: string): Either<ProofFailure, never> => left({ code, message });

/** Checks a proof document offline, needing neither the log nor trust in whoever holds it: its hashes, and its checkpoints against what the caller trusts. */
export function checkProof(document: unknown, trust: ProofTrust = {}): Either<ProofFailure, ProofVerdict> {
  const proof = document as Partial<LogProof> | null;
  if (typeof proof !== "object" || proof === null || proof.format !== PROOF_FORMAT) return fail("malformed_proof", `not a proof document (expected "format": "${PROOF_FORMAT}")`);
  const path = (proof.path ?? []).map((hex) => (typeof hex === "string" ? fromHex(hex) : undefined));
  if (!Array.isArray(proof.path) || path.some((hash) => hash === undefined)) return fail("malformed_proof", "path: expected a list of 64-digit hex hashes");
  const hashes = path as Buffer[];
  if (proof.kind === "inclusion") return checkInclusion(proof, hashes, trust);
  if (proof.kind === "consistency") return checkConsistency(proof, hashes, trust);
  return fail("malformed_proof", 'kind: expected "inclusion" or "consistency"');
}

/** The checkpoint of a proof, signature-checked when a key is trusted and matched against a trusted tree head when one is given. */
function trustedCheckpoint(text: unknown, field: string, trust: ProofTrust, mustMatch: boolean): Either<ProofFailure, Checkpoint> {
  if (typeof text !== "string") return fail("malformed_proof", `${field}: expected the checkpoint's text`);
  const parsed = parseCheckpoint(text);
  if (parsed._tag === "Left") return fail("malformed_proof", `${field}: ${parsed.left}`);
  const { checkpoint, note } = parsed.right;
  if (trust.publicKey !== undefined) {
    const signed = checkNoteSignature(note, trust.publicKey);
    if (signed._tag === "Left") return fail("untrusted", `${field}: the checkpoint of size ${checkpoint.size} is not trusted: ${signed.left}`);
  }
  const expected = trust.checkpoint;
  if (mustMatch && expected !== undefined && (expected.size !== checkpoint.size || expected.root !== checkpoint.root)) {
    return fail("untrusted", `${field}: the proof is about the tree of size ${checkpoint.size} (root ${checkpoint.root.slice(0, 12)}…), not the trusted checkpoint's tree of size ${expected.size} (root ${expected.root.slice(0, 12)}…)`);
  }
  return right(checkpoint);
}

function checkInclusion(proof: Partial<InclusionProof>, path: Buffer[], trust: ProofTrust): Either<ProofFailure, ProofVerdict> {
  const checkpoint = trustedCheckpoint(proof.checkpoint, "checkpoint", trust, true);
  if (checkpoint._tag === "Left") return checkpoint;
  const event = eventOf(proof.event);
  if (typeof event === "string") return fail("malformed_proof", `event: ${event}`);
  const { size, root } = checkpoint.right;
  if (proof.position !== event.position) return fail("invalid_proof", `the proof names position ${String(proof.position)} but its event is at position ${event.position}`);
  if (!verifyInclusion(leafHashOf(event.hash), event.position - 1, size, path, Buffer.from(root, "hex"))) {
    return fail("invalid_proof", `the path does not lead from the event at position ${event.position} to the root of the tree of size ${size}: the event, the path or the checkpoint was altered`);
  }
  return right({ kind: "inclusion", statement: `the event at position ${event.position} (${event.type}, hash ${event.hash}) is in the log ${checkpoint.right.origin} of ${size} events`, checkpoint: checkpoint.right });
}

/** The event of a proof from its canonical line, with its hash recomputed; a reason when the line is not a canonical, self-consistent event. */
function eventOf(line: unknown): RecordedEvent | string {
  if (typeof line !== "string") return "expected the event's canonical line";
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  const event = checkRecordedEnvelope(parsed);
  if (typeof event === "string") return event;
  if (canonicalLine(event) !== line) return "not the event's canonical line";
  if (hashEvent(event) !== event.hash) return `its hash does not match its content (the event was edited)`;
  return event;
}

function checkConsistency(proof: Partial<ConsistencyProof>, path: Buffer[], trust: ProofTrust): Either<ProofFailure, ProofVerdict> {
  const from = trustedCheckpoint(proof.from, "from", { ...(trust.publicKey === undefined ? {} : { publicKey: trust.publicKey }) }, false);
  if (from._tag === "Left") return from;
  const to = trustedCheckpoint(proof.to, "to", { ...(trust.checkpoint === undefined ? {} : { checkpoint: trust.checkpoint }) }, true);
  if (to._tag === "Left") return to;
  const [old, current] = [from.right, to.right];
  if (old.origin !== current.origin) return fail("invalid_proof", `the checkpoints are of two logs: ${old.origin} and ${current.origin}`);
  if (old.size > current.size) return fail("invalid_proof", `the earlier checkpoint (size ${old.size}) is larger than the later one (size ${current.size})`);
  const consistent =
    old.size === 0 ? path.length === 0 : verifyConsistency(old.size, current.size, Buffer.from(old.root, "hex"), Buffer.from(current.root, "hex"), path);
  if (!consistent || (old.size === current.size && old.headHash !== current.headHash)) {
    return fail("invalid_proof", `the log of size ${current.size} does not extend the checkpoint of size ${old.size}: events up to position ${old.size} were rewritten, or the proof was altered`);
  }
  return right({ kind: "consistency", statement: `the log ${current.origin} of ${current.size} events extends the checkpoint of ${old.size} events (root ${old.root})`, checkpoint: current });
}
