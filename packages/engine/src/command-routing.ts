import { describeZodError, domainError, type DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProcessModule } from "./process-module.js";

/** A command that passed its process's schema, with the module that handles it. */
export interface RoutedCommand {
  readonly module: ProcessModule;
  readonly command: { readonly type: string };
  readonly streamId: string;
}

/**
 * Finds the process of a command by its type's prefix and parses it with that process's
 * zod schema. Unknown types and invalid payloads are refused with the field path.
 */
export function routeCommand(modules: readonly ProcessModule[], input: unknown): Either<DomainError, RoutedCommand> {
  if (typeof input !== "object" || input === null || typeof (input as { type?: unknown }).type !== "string") {
    return left(domainError("invalid_command", "command.type: every command is an object with a type such as \"incident.log\"", { path: "command.type" }));
  }
  const type = (input as { type: string }).type;
  const prefix = type.split(".")[0];
  const module = modules.find((candidate) => candidate.commandPrefix === prefix);
  if (module === undefined) {
    const known = modules.map((candidate) => `${candidate.commandPrefix}.*`).join(", ");
    return left(domainError("unknown_command", `unknown command type "${type}"; known command families: ${known}`, { path: "command.type" }));
  }
  const parsed = module.commandSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const problem = describeZodError(parsed.error, "command");
    const code = problem.path === "command.type" ? "unknown_command" : "invalid_command";
    return left(domainError(code, `${type}: ${problem.message}`, { path: problem.path }));
  }
  const command = parsed.data;
  return right({ module, command, streamId: module.streamIdOf(command) });
}
