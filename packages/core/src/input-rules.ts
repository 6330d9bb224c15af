import { Buffer } from "node:buffer";
import { MAX_JSON_DEPTH } from "./canonical-json.js";
import { describeValue } from "./describe-value.js";
import { MAX_LINE_BYTES } from "./jsonl-lines.js";

/**
 * The longest id (stream id, event id and type, actor, command, correlation and causation
 * id), in UTF-16 code units: at most 768 bytes of UTF-8, well inside what every store's
 * index keeps (PostgreSQL's B-tree refuses entries past about 2,700 bytes).
 */
export const MAX_ID_LENGTH = 256;

/**
 * The limits every input is held to before anything is written, in every store alike:
 * values nest at most `depth` levels (objects and arrays), one event's canonical line takes
 * at most `eventBytes` bytes of UTF-8, and an id at most `idLength` UTF-16 code units. The
 * depth and the line size are the very limits the JSONL reader and canonical JSON refuse
 * past, so whatever is appended can be exported, read back and verified.
 */
export const INPUT_LIMITS = Object.freeze({ depth: MAX_JSON_DEPTH, eventBytes: MAX_LINE_BYTES, idLength: MAX_ID_LENGTH });

/** Why an input breaks a rule: where (`data.name`, `meta.actor`, `command.ciIds[2]`) and a sentence that starts with it. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** A surrogate that is not half of a pair: a string holding one is not well-formed Unicode (matched on UTF-16 code units). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** True when a string is well-formed Unicode: every surrogate is half of a pair (what UTF-8, SQLite and PostgreSQL can keep). */
export function isWellFormedText(text: string): boolean {
  return nativeWellFormed === undefined ? !LONE_SURROGATE.test(text) : nativeWellFormed.call(text);
}

/** The problem of a string that is not well-formed Unicode: which lone surrogate, and where. */
export function textProblem(text: string, path: string): InputProblem | undefined {
  if (isWellFormedText(text)) return undefined;
  const found = LONE_SURROGATE.exec(text);
  const at = found?.index ?? 0;
  return problem(path, `holds a lone surrogate (${codePoint(text.charCodeAt(at))}) at character ${at + 1}: not well-formed Unicode, which no store can keep as given`);
}

/** The common id: printable ASCII, not starting with a space; tested first because it is nearly every id. */
const PLAIN_ID = /^[!-~][ -~]*$/;
/** Characters an id may not hold: control (C0, DEL, C1) and format characters (zero-width, bidirectional overrides), and line and paragraph separators. */
const FORBIDDEN_IN_ID = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** What a reader cannot see: white space and default-ignorable code points. */
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * The problem of a value used as an id (stream id, event type, actor, command id, ...), or
 * undefined: a string of at most `MAX_ID_LENGTH` code units, well-formed, holding something
 * visible and no control, format or separator character. Stores index ids and terminals
 * print them: an id that is blank, invisible or rewrites a terminal is refused everywhere.
 */
export function identifierProblem(value: unknown, path: string): InputProblem | undefined {
  if (typeof value !== "string") return problem(path, `expected an id (a non-empty string), got ${describeValue(value)}`);
  if (value.length <= MAX_ID_LENGTH && PLAIN_ID.test(value)) return undefined;
  if (value.length === 0) return problem(path, "expected an id (a non-empty string), got \"\"");
  if (value.length > MAX_ID_LENGTH) return problem(path, `an id of ${value.length} characters, longer than the ${MAX_ID_LENGTH} an id may take`);
  const malformed = textProblem(value, path);
  if (malformed !== undefined) return malformed;
  const forbidden = FORBIDDEN_IN_ID.exec(value);
  if (forbidden !== null) {
    return problem(path, `holds ${codePoint(forbidden[0].codePointAt(0) ?? 0)} (a control, format or separator character) at character ${forbidden.index + 1}; an id is visible text`);
  }
  if (INVISIBLE.test(value)) return problem(path, `${describeValue(value)} is blank: an id needs a visible character`);
  return undefined;
}

/** `U+001B`: a code point as Unicode writes it. */
export function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

function problem(path: string, sentence: string): InputProblem {
  return { path, message: `${path}: ${sentence}` };
}

/**
 * True for a string every store keeps exactly as given: well-formed and without NUL. A
 * lookup by anything else (a stream id, a command id) finds nothing, since nothing else
 * was ever stored; stores answer it so instead of sending it to SQL, where it would throw
 * or match other text.
 */
export function isStorableText(value: unknown): value is string {
  return typeof value === "string" && isWellFormedText(value) && !value.includes("\u0000");
}

/** Bytes of `,"hash":"<64 hex digits>"`: what a line adds to the parts its hash covers. */
const HASH_MEMBER_BYTES = 74;

/**
 * The size in bytes of an event's canonical line (`head + hash member + tail`, see
 * `envelopeParts`) when it is longer than `INPUT_LIMITS.eventBytes`, which no JSONL reader
 * reads back; undefined when it fits. Counts UTF-8 only when the text could be that long.
 */
export function lineBytesOverLimit(head: string, tail: string): number | undefined {
  if ((head.length + tail.length + HASH_MEMBER_BYTES) * 3 <= INPUT_LIMITS.eventBytes) return undefined;
  const bytes = Buffer.byteLength(head) + Buffer.byteLength(tail) + HASH_MEMBER_BYTES;
  return bytes > INPUT_LIMITS.eventBytes ? bytes : undefined;
}
