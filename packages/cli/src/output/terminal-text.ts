import { randomBytes } from "node:crypto";
import type { CliIo } from "../command.js";

/**
 * Control characters as text output shows them: C0 controls, DEL, C1 controls, the line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates
 * (which reorder what a reader sees). A log holds what people typed; printed raw, these
 * would move the cursor, recolour, hide or rewrite an auditor's terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole purpose
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, keeping line feeds and tabs, which a whole text lays itself out with
const CONTROLS_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Readonly<Record<string, string>> = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r" };

/** One control character, escaped as JSON escapes it (`\n`, `\u001b`), so an escape inside a JSON string keeps the JSON exact. */
function escapeOne(character: string): string {
  return SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * The control sequences this program itself writes (colours, a progress bar's carriage
 * return) travel through text as marks: a private-use character, a nonce drawn at start,
 * and the sequence's number. Text from a log cannot forge a mark it never saw, so every
 * control character in output is escaped, and only the marks become real sequences.
 */
const NONCE = randomBytes(8).toString("hex");
const MARK_OPEN = `\ue000${NONCE}:`;
const MARK_CLOSE = "\ue001";
const MARK = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, "g");
const sequences: string[] = [];

/** A control sequence this program writes (an SGR colour, a carriage return), as a mark that output turns into the sequence itself. */
export function terminalControl(sequence: string): string {
  let index = sequences.indexOf(sequence);
  if (index === -1) index = sequences.push(sequence) - 1;
  return `${MARK_OPEN}${index}${MARK_CLOSE}`;
}

/** Text with every mark removed: what the eye sees of it, for measuring. */
export function withoutMarks(text: string): string {
  return text.replace(MARK, "");
}

/**
 * One line's worth of text from a log (a table cell, a name): every control character
 * escaped, line feeds and tabs too, so a value can neither break a table row into two
 * nor forge one. Marks of this program's own sequences stay.
 */
export function escapeCell(text: string): string {
  return text.replace(CONTROLS, escapeOne);
}

/**
 * Text as the terminal gets it: control characters escaped but line feeds and tabs (the
 * text's own layout), then this program's marks turned into their sequences. JSON output
 * stays exact JSON: JSON never holds a raw control character outside its layout, and the
 * escapes are JSON's own.
 */
export function toTerminal(text: string): string {
  return text.replace(CONTROLS_BUT_LAYOUT, escapeOne).replace(MARK, (_, index: string) => sequences[Number(index)] ?? "");
}

/** The same io, writing every text through `toTerminal`: the one place output meets a terminal. */
export function terminalSafe(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(toTerminal(text)), stderr: (text) => io.stderr(toTerminal(text)) };
}
