import { readFile } from "node:fs/promises";
import { checkNoteSignature, parseCheckpoint, readPrivateKey, readPublicKey, type ParsedCheckpoint } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { KeyObject } from "node:crypto";
import { inputError, type CliFailure } from "../command.js";

async function readText(path: string, what: string): Promise<Either<CliFailure, string>> {
  try {
    return right(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return left(inputError(`${what} ${path}: ${code === "ENOENT" ? "no such file" : `cannot be read (${code ?? String(error)})`}`));
  }
}

/** A checkpoint file as read: the checkpoint, its note, and its text exactly as it came (signatures included). */
export interface CheckpointFile extends ParsedCheckpoint {
  readonly text: string;
}

/** Reads a checkpoint file (C2SP text, signed or not); a failure names the file and the line that is wrong. */
export async function readCheckpointFile(path: string): Promise<Either<CliFailure, CheckpointFile>> {
  const text = await readText(path, "checkpoint");
  if (text._tag === "Left") return text;
  const parsed = parseCheckpoint(text.right);
  return parsed._tag === "Left" ? left(inputError(`checkpoint ${path}: ${parsed.left}`)) : right({ ...parsed.right, text: text.right });
}

/** Reads an Ed25519 public key (PEM; a private key's public half also serves). */
export async function readPublicKeyFile(path: string): Promise<Either<CliFailure, KeyObject>> {
  const text = await readText(path, "key");
  if (text._tag === "Left") return text;
  const key = readPublicKey(text.right);
  return key._tag === "Left" ? left(inputError(`key ${path}: ${key.left}`)) : key;
}

/** Reads an Ed25519 private key (PEM, PKCS#8) to sign with. */
export async function readPrivateKeyFile(path: string): Promise<Either<CliFailure, KeyObject>> {
  const text = await readText(path, "key");
  if (text._tag === "Left") return text;
  const key = readPrivateKey(text.right);
  return key._tag === "Left" ? left(inputError(`key ${path}: ${key.left}`)) : key;
}

/** Whether the checkpoint is signed by the key: undefined when it is, else the sentence why not. */
export function signatureProblem(parsed: ParsedCheckpoint, key: KeyObject): string | undefined {
  const checked = checkNoteSignature(parsed.note, key);
  return checked._tag === "Left" ? checked.left : undefined;
}

/** The checkpoint origin of a project's log: `handover/<projectId>`. */
export const originOf = (projectId: string | undefined): string => `handover/${projectId ?? "unknown-project"}`;

/** The project a stream belongs to, when it is a project stream (`project-<id>`). */
export const projectOfStream = (streamId: string): string | undefined => (streamId.startsWith("project-") ? streamId.slice("project-".length) : undefined);
