import type { CliIo } from "../command.js";
import { terminalControl } from "./terminal-text.js";

/** How verdicts are marked in text output: coloured on a terminal, plain otherwise. */
export interface Style {
  readonly pass: (text: string) => string;
  readonly fail: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
}

const plain = (text: string): string => text;
/** SGR colour around text, as marks that only this program can write (see terminal-text.ts). */
const ansi = (code: number) => (text: string): string => `${terminalControl(`\u001b[${code}m`)}${text}${terminalControl("\u001b[0m")}`;

/** What `FORCE_COLOR` says: on for any value but `0` and `false` (as Node reads it), nothing when unset. */
function forcedColour(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  return value !== "0" && value.toLowerCase() !== "false";
}

/**
 * True when output may be coloured. The first that speaks decides: `--color` or `--no-color`
 * on the command line; `FORCE_COLOR` (on, unless `0` or `false`); `NO_COLOR` set and not
 * empty (https://no-color.org): off; `TERM=dumb`: off; otherwise, whether stdout is a terminal.
 */
export function colourOn(io: CliIo): boolean {
  if (io.colour !== undefined) return io.colour;
  const env = io.env ?? {};
  const forced = forcedColour(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return io.terminal?.stdout === true;
}

/** The style for this run's output. */
export function paint(io: CliIo): Style {
  if (!colourOn(io)) return { pass: plain, fail: plain, warn: plain, dim: plain };
  return { pass: ansi(32), fail: ansi(31), warn: ansi(33), dim: ansi(2) };
}
