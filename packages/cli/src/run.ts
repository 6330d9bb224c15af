import { LogError } from "@handover/core";
import { parseArgs } from "node:util";
import type { CliCommand, CliIo } from "./command.js";
import { commands as builtIn } from "./commands/index.js";
import { suggestion } from "./did-you-mean.js";
import { commandHelp, overallHelp } from "./help.js";
import { terminalSafe } from "./output/terminal-text.js";
import { CLI_VERSION } from "./version.js";

/** Exit codes: 0 done, 1 failed unexpectedly (a bug or a broken disk), 2 bad usage or bad input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const isHelp = (word: string): boolean => word === "--help" || word === "-h";

/** The command whose words start the arguments, longest first. */
function findCommand(commands: readonly CliCommand[], argv: readonly string[]): CliCommand | undefined {
  const matching = commands.filter((command) => command.path.every((word, index) => argv[index] === word));
  return matching.sort((a, b) => b.path.length - a.path.length)[0];
}

function unknownCommand(commands: readonly CliCommand[], argv: readonly string[]): string {
  const group = commands.filter((command) => command.path.length > 1 && command.path[0] === argv[0]);
  if (group.length > 0) {
    const known = group.map((command) => command.path.slice(1).join(" ")).join(", ");
    const meant = suggestion(argv[1] ?? "", group.map((command) => command.path.slice(1).join(" ")));
    return argv[1] === undefined ? `handover ${argv[0]}: say what to ${argv[0]}: ${known}` : `handover ${argv[0]}: unknown "${argv[1]}"${meant}; known: ${known}`;
  }
  const known = commands.map((command) => command.path.join(" ")).join(", ");
  const meant = suggestion(argv[0] ?? "", [...new Set(commands.map((command) => command.path[0] ?? ""))]);
  return argv[0] === undefined ? `handover: no command given; commands: ${known} (see handover --help)` : `handover: unknown command "${argv[0]}"${meant}; commands: ${known} (see handover --help)`;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  return code;
}

/** A command's options as they are written: `--name`. */
const optionNames = (command: CliCommand): string[] => Object.keys(command.options).map((option) => `--${option}`);

/** The first argument (before a lone `--`) that names an option the command does not take, as written (`--timelin`). */
function unknownOption(command: CliCommand, rest: readonly string[]): string | undefined {
  const known = new Set(optionNames(command));
  for (const arg of rest) {
    if (arg === "--") return undefined;
    if (!arg.startsWith("-") || arg === "-") continue;
    const written = arg.split("=")[0] ?? arg;
    if (!known.has(written)) return written;
  }
  return undefined;
}

/** Parses a command's arguments and runs it; a failure it returns, or a log it cannot read, is exit 2. */
async function runCommand(command: CliCommand, rest: readonly string[], io: CliIo): Promise<number> {
  const name = `handover ${command.path.join(" ")}`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const unknown = unknownOption(command, rest);
    const problem = unknown === undefined ? (error instanceof Error ? error.message : String(error)) : `unknown option ${unknown}${suggestion(unknown, optionNames(command))}`;
    return fail(io, `${name}: ${problem}; usage: ${command.usage}`, EXIT.usage);
  }
  try {
    const outcome = await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
    if (outcome._tag === "Left") return fail(io, `${name}: ${outcome.left.message}`, EXIT.usage);
    return typeof outcome.right === "number" ? outcome.right : EXIT.ok;
  } catch (error) {
    if (error instanceof LogError) return fail(io, `${name}: ${error.message}`, EXIT.usage);
    return fail(io, `${name}: failed: ${error instanceof Error ? error.message : String(error)}`, EXIT.failed);
  }
}

/** The arguments without `--color` and `--no-color`, and what the last of them asked (nothing when neither is given). */
function colourChoice(argv: readonly string[]): { readonly argv: readonly string[]; readonly colour?: boolean } {
  const flags = argv.filter((word) => word === "--color" || word === "--no-color");
  const last = flags[flags.length - 1];
  if (last === undefined) return { argv };
  return { argv: argv.filter((word) => word !== "--color" && word !== "--no-color"), colour: last === "--color" };
}

/** `handover help [command words]`: the binary's help, or one command's; unknown words are a usage error. */
function help(commands: readonly CliCommand[], words: readonly string[], io: CliIo): number {
  if (words.length === 0) {
    io.stdout(overallHelp(commands));
    return EXIT.ok;
  }
  const command = findCommand(commands, words);
  if (command === undefined || command.path.length !== words.length) return fail(io, unknownCommand(commands, words), EXIT.usage);
  io.stdout(commandHelp(command));
  return EXIT.ok;
}

/**
 * Runs the `handover` binary on its arguments and returns the exit code: dispatches to the
 * command its words name, prints per-command help with an example on `--help` (or
 * `handover help <command>`), the version on `--version`, and turns bad usage and bad input
 * (including a log that cannot be read) into one line and exit 2. `--color` and `--no-color`
 * may stand anywhere.
 */
export async function runCli(givenArgv: readonly string[], givenIo: CliIo, commands: readonly CliCommand[] = builtIn): Promise<number> {
  const { argv, colour } = colourChoice(givenArgv);
  // Every text goes out through the output layer: control characters from a log are escaped, never raw.
  const safeIo = terminalSafe(givenIo);
  const io: CliIo = colour === undefined ? safeIo : { ...safeIo, colour };
  if (argv.length === 1 && isHelp(argv[0] ?? "")) return help(commands, [], io);
  if (argv.length === 1 && argv[0] === "--version") {
    io.stdout(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  if (argv[0] === "help") return help(commands, argv.slice(1), io);
  const command = findCommand(commands, argv);
  if (command === undefined) return fail(io, unknownCommand(commands, argv), EXIT.usage);
  const rest = argv.slice(command.path.length);
  if (rest.some(isHelp)) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  return runCommand(command, rest, io);
}
