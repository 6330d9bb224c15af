import type { CliIo } from "../command.js";

/** How verdicts are marked in text output: coloured on a terminal, plain otherwise. */
export interface Style {
  readonly pass: (text: string) => string;
  readonly fail: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string): string => text;
const ansi = (code: number) => (text: string): string => `\u001b[${code}m${text}\u001b[0m`;

/**
 * True when output may be coloured: stdout is a terminal and `NO_COLOR` is not set to a
 * non-empty value (https://no-color.org).
 */
export function colourOn(io: CliIo): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.terminal?.stdout === true && (noColor === undefined || noColor === "");
}

/** The style for this run's output. */
export function paint(io: CliIo): Style {
  if (!colourOn(io)) return { pass: plain, fail: plain, warn: plain, dim: plain };
  return { pass: ansi(32), fail: ansi(31), warn: ansi(33), dim: ansi(2) };
}
