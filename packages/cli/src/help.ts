import type { CliCommand } from "./command.js";

/** The help of one command: usage, what it does, its options, and an example. */
export function commandHelp(command: CliCommand): string {
  return [`usage: ${command.usage}`, "", command.summary, "", ...command.details, "", "example:", `  ${command.example}`, ""].join("\n");
}

/** The help of the binary: every command with its summary. */
export function overallHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.path.join(" ").length));
  const lines = commands.map((command) => `  ${command.path.join(" ").padEnd(width)}  ${command.summary}`);
  return ["usage: handover <command> [arguments] [--help]", "", "commands:", ...lines, "", "Run `handover <command> --help` for a command's options and an example.", ""].join("\n");
}
