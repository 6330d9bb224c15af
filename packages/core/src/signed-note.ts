import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { left, right, type Either } from "fp-ts/lib/Either.js";

/** One signature line of a signed note: the key's name, its 4-byte key id and the Ed25519 signature. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: string;
  readonly signature: Buffer;
}

/** A note split into its signed text and its signature lines (C2SP signed-note). */
export interface SignedNote {
  /** The text the signatures cover: every line up to and including the newline before the blank line. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;

/** Whether a key name can stand in a signature line: printable, no spaces, no `+`. */
export const isKeyName = (name: string): boolean => /^[\x21-\x7e]+$/.test(name) && !name.includes("+");

/** The Ed25519 key id of C2SP signed-note: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), as hex. */
export function noteKeyId(name: string, publicKey: KeyObject): string {
  const raw = rawEd25519(publicKey);
  return createHash("sha256").update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([0x01]), raw])).digest().subarray(0, 4).toString("hex");
}

function rawEd25519(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  return Buffer.from(jwk.x ?? "", "base64url");
}

/** Reads a PEM Ed25519 private key (PKCS#8); a reason when it is not one. */
export function readPrivateKey(pem: string): Either<string, KeyObject> {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === "ed25519" ? right(key) : left(`the key is ${key.asymmetricKeyType ?? "not an asymmetric key"}, not Ed25519`);
  } catch (error) {
    return left(`not a PEM private key (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Reads a PEM Ed25519 public key (SPKI), or the public half of a private key; a reason when it is neither. */
export function readPublicKey(pem: string): Either<string, KeyObject> {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ed25519" ? right(key) : left(`the key is ${key.asymmetricKeyType ?? "not an asymmetric key"}, not Ed25519`);
  } catch (error) {
    return left(`not a PEM public key (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Signs a note's text (which must end with a newline) with an Ed25519 key: the whole signed note, text, blank line and signature line. */
export function signNote(text: string, name: string, privateKey: KeyObject): string {
  const signature = sign(null, Buffer.from(text), privateKey);
  const keyId = Buffer.from(noteKeyId(name, createPublicKey(privateKey)), "hex");
  return `${text}\n\u2014 ${name} ${Buffer.concat([keyId, signature]).toString("base64")}\n`;
}

/** Splits a signed (or unsigned) note into its text and signatures; a reason when it is malformed. */
export function parseNote(note: string): Either<string, SignedNote> {
  if (!note.endsWith("\n")) return left("a note ends with a newline");
  const blank = note.indexOf("\n\n");
  if (blank === -1) return right({ text: note, signatures: [] });
  const text = note.slice(0, blank + 1);
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(blank + 2, -1).split("\n")) {
    const match = SIGNATURE_LINE.exec(line);
    const bytes = match === null ? undefined : Buffer.from(match[2] ?? "", "base64");
    if (match === null || bytes === undefined || bytes.length < 5) return left(`not a signature line: ${JSON.stringify(line)}`);
    signatures.push({ name: match[1] ?? "", keyId: bytes.subarray(0, 4).toString("hex"), signature: bytes.subarray(4) });
  }
  return right({ text, signatures });
}

/** Checks that the note carries a valid Ed25519 signature by this public key (under any name); a reason when it does not. */
export function checkNoteSignature(note: SignedNote, publicKey: KeyObject): Either<string, NoteSignature> {
  if (note.signatures.length === 0) return left("it is not signed");
  for (const candidate of note.signatures) {
    if (candidate.keyId !== noteKeyId(candidate.name, publicKey)) continue;
    if (verify(null, Buffer.from(note.text), publicKey, candidate.signature)) return right(candidate);
    return left(`the signature by ${candidate.name} (key ${candidate.keyId}) does not match its text: the text was changed after signing`);
  }
  return left(`it is not signed by this key (signed by ${note.signatures.map((signature) => `${signature.name} key ${signature.keyId}`).join(", ")})`);
}
