import { left, type Either } from "fp-ts/lib/Either.js";
import type { Clock } from "./clock.js";
import { describeValue } from "./describe-value.js";
import type { EventMeta } from "./envelope.js";
import type { InputProblem } from "./input-rules.js";
import { jsonValueProblem, memberPath } from "./json-value-rule.js";
import { normaliseMeta } from "./meta.js";

/** What a command may be issued with besides itself: who issues it, when it happened, and how it relates to other messages. */
const COMMAND_OPTIONS = ["actor", "occurredAt", "commandId", "correlationId", "causationId"] as const;
const KNOWN_OPTIONS = new Set<string>(COMMAND_OPTIONS);

/**
 * Checks a command and its options before anything reads them (a schema, a store): the
 * command is plain JSON within the input rules (`jsonValueProblem`, so no schema ever
 * walks a value nested thousands deep or holding a BigInt), and the options are an object
 * with only the known keys, whose actor and ids keep the id rule. Returns the meta of the
 * events the command may append (`occurredAt` defaults to the clock's now); problems name
 * `command.<field>`, an option (`actor`, `commandId`, ...) or `options`. Never throws.
 */
export function checkCommandInput(command: unknown, options: unknown, clock: Clock): Either<InputProblem, EventMeta> {
  const commandProblem = jsonValueProblem(command, "command");
  if (commandProblem !== undefined) return left(commandProblem);
  try {
    return commandMeta(options, clock);
  } catch (error) {
    return left({ path: "options", message: `options: could not be read (${error instanceof Error ? error.message : "an unreadable value"})` });
  }
}

function commandMeta(options: unknown, clock: Clock): Either<InputProblem, EventMeta> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    return left({ path: "options", message: `options: expected { actor, occurredAt?, commandId?, correlationId?, causationId? }, got ${describeValue(options)}` });
  }
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!KNOWN_OPTIONS.has(key)) {
      const path = memberPath("options", key);
      return left({ path, message: `${path}: unknown option; a command takes ${COMMAND_OPTIONS.join(", ")}` });
    }
  }
  if (given.actor === undefined) return left({ path: "actor", message: "actor: every command needs the actor who issues it" });
  const candidate: Record<string, unknown> = { occurredAt: given.occurredAt ?? clock() };
  for (const key of COMMAND_OPTIONS) if (key !== "occurredAt" && given[key] !== undefined) candidate[key] = given[key];
  const meta = normaliseMeta(candidate);
  if (meta._tag === "Right") return meta;
  // The options are the command's meta, named as `execute` takes them: `actor`, not `meta.actor`.
  const path = meta.left.path.replace(/^meta\./, "");
  return left({ path, message: `${path}${meta.left.message.slice(meta.left.path.length)}` });
}
