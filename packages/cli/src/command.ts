import type { Either } from "fp-ts/lib/Either.js";
import type { ParseArgsConfig } from "node:util";

/** Where a command writes: standard output for results, standard error for reasons. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The moment the command runs at, ISO-8601 UTC (injected, so tests are deterministic). */
  readonly now: () => string;
  /** Which streams are terminals: a progress bar is drawn only on a terminal's stderr (default: neither). */
  readonly terminal?: { readonly stdout: boolean; readonly stderr: boolean };
  /** The environment the command reads `FORCE_COLOR`, `NO_COLOR` and `TERM` from (default: none, so no colour). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Colour as `--color` or `--no-color` asked (default: decided by the environment and the terminal). */
  readonly colour?: boolean;
}

/** Why a command did not run: bad usage (arguments) or bad input (files, values); both exit with 2. */
export interface CliFailure {
  readonly kind: "usage" | "input";
  /** One line, naming what was wrong and, where it helps, what would be right. */
  readonly message: string;
}

/** The parsed arguments a command runs with. */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;
}

/** One command of the `handover` binary: its words, its help, its options and what it does. */
export interface CliCommand {
  /** The words that name it: `["import", "servicenow"]`. */
  readonly path: readonly string[];
  readonly summary: string;
  /** One line: `handover incidents <log.jsonl> [--json]`. */
  readonly usage: string;
  /** One line per option or argument: `  --json   print JSON`. */
  readonly details: readonly string[];
  readonly example: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Runs the command: a failure (exit 2), or done (exit 0), or an exit code the command chose (readiness: 1 not ready). */
  run(args: CommandArgs, io: CliIo): Promise<Either<CliFailure, void | number>>;
}

/** A usage error: wrong or missing arguments. */
export function usageError(message: string): CliFailure {
  return { kind: "usage", message };
}

/** An input error: a file or value the command cannot use. */
export function inputError(message: string): CliFailure {
  return { kind: "input", message };
}
