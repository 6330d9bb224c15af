import type { KeyObject } from "node:crypto";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { isKeyName, parseNote, signNote, type SignedNote } from "./signed-note.js";

/** The Merkle tree head of a log: how many events, the tree's root and the chain hash of the last event (all hex). */
export interface TreeHead {
  readonly size: number;
  readonly root: string;
  readonly headHash: string;
}

/** A checkpoint: a tree head with the log it belongs to (`origin`, naming the project) and when it was taken. */
export interface Checkpoint extends TreeHead {
  readonly origin: string;
  /** When the checkpoint was taken, ISO-8601 UTC. */
  readonly time: string;
}

/** A checkpoint read back from its text, with the signed note it came in. */
export interface ParsedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: SignedNote;
}

const HEX_HASH = /^[0-9a-f]{64}$/;
const SIZE = /^(0|[1-9][0-9]*)$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The checkpoint's text in the C2SP tlog-checkpoint form: the origin, the size, the root in
 * base64, then two extension lines, `head <chain hash>` and `time <ISO time>`. Unsigned;
 * `signCheckpoint` adds the signature line.
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const root = Buffer.from(checkpoint.root, "hex").toString("base64");
  return `${checkpoint.origin}\n${checkpoint.size}\n${root}\nhead ${checkpoint.headHash}\ntime ${checkpoint.time}\n`;
}

/** The checkpoint text signed with an Ed25519 key (C2SP signed-note, the key named by the origin). */
export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): string {
  const name = isKeyName(checkpoint.origin) ? checkpoint.origin : "handover";
  return signNote(formatCheckpoint(checkpoint), name, privateKey);
}

/** Reads a checkpoint (signed or not) from its text; a reason naming the line that is wrong. */
export function parseCheckpoint(text: string): Either<string, ParsedCheckpoint> {
  const note = parseNote(text);
  if (note._tag === "Left") return note;
  const [origin = "", size = "", root = "", ...extensions] = note.right.text.slice(0, -1).split("\n");
  if (origin === "" || origin.trim() !== origin) return left("line 1: the origin (the log's name) is missing or has spaces around it");
  if (!SIZE.test(size) || !Number.isSafeInteger(Number(size))) return left(`line 2: the tree size must be a whole number, got ${JSON.stringify(size)}`);
  const rootBytes = Buffer.from(root, "base64");
  if (rootBytes.length !== 32 || rootBytes.toString("base64") !== root) return left(`line 3: the root must be 32 bytes in base64, got ${JSON.stringify(root)}`);
  const head = extension(extensions, "head");
  const time = extension(extensions, "time");
  if (head === undefined || !HEX_HASH.test(head)) return left("extension line `head <64 hex digits>` (the chain hash of the last event) is missing or wrong");
  if (time === undefined || !UTC_TIME.test(time)) return left("extension line `time <ISO-8601 UTC time>` is missing or wrong");
  if (extensions.some((line) => line === "")) return left("a checkpoint has no empty lines before its signatures");
  return right({ checkpoint: { origin, size: Number(size), root: rootBytes.toString("hex"), headHash: head, time }, note: note.right });
}

function extension(lines: readonly string[], key: string): string | undefined {
  const line = lines.find((candidate) => candidate.startsWith(`${key} `));
  return line?.slice(key.length + 1);
}

/** Whether two tree heads are the same tree: size, root and head hash. */
export function sameTreeHead(a: TreeHead, b: TreeHead): boolean {
  return a.size === b.size && a.root === b.root && a.headHash === b.headHash;
}
