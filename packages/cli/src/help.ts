import type { CliCommand } from "./command.js";

/** The help of one command: usage, what it does, its options, and an example. */
export function commandHelp(command: CliCommand): string {
  return [`usage: ${command.usage}`, "", command.summary, "", ...command.details, "", "example:", `  ${command.example}`, ""].join("\n");
}

/** The options every command takes, and those of the binary itself. */
export const GLOBAL_OPTIONS: readonly string[] = [
  "  --help, -h          a command's options and an example (also: handover help <command>)",
  "  --no-color          no colour; --color: colour even when not on a terminal. Without either, colour",
  "                      is on for a terminal unless NO_COLOR is set or TERM=dumb; FORCE_COLOR=1 forces it",
  "                      on and FORCE_COLOR=0 off",
  "  --version           the version of handover",
];

/** The help of the binary: every command with its summary, and the options every command takes. */
export function overallHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.path.join(" ").length));
  const lines = commands.map((command) => `  ${command.path.join(" ").padEnd(width)}  ${command.summary}`);
  return [
    "usage: handover <command> [arguments] [options]",
    "",
    "commands:",
    ...lines,
    "",
    "options:",
    ...GLOBAL_OPTIONS,
    "",
    "Run `handover help <command>` for a command's options and an example.",
    "",
  ].join("\n");
}
