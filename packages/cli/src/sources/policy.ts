import { readFile } from "node:fs/promises";
import { defaultPolicy, resolvePolicy, type HandoverPolicy } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";

/** The option of commands that judge history against a policy. */
export const POLICY_OPTION = { policy: { type: "string" } } as const;

/** Its help line. */
export const POLICY_DETAIL =
  "  --policy <file>   the organisation's policy the log was written under, as JSON overrides of the defaults (roles, rule modes, phases); the project's own overrides in the log apply on top. Default: the defaults of docs/policy.md, with no roles assigned";

/**
 * The organisation's policy a command judges history by: the defaults of docs/policy.md, or a JSON
 * file of overrides (`{"roles": {...}, "rules": {...}}`), resolved by itil's
 * `resolvePolicy`. A file that is missing, not JSON or not a policy is an input error.
 */
export async function loadPolicy(values: CommandArgs["values"]): Promise<Either<CliFailure, HandoverPolicy>> {
  const path = values.policy;
  if (typeof path !== "string") return right(defaultPolicy);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return left(inputError(`--policy ${path}: ${code === "ENOENT" ? "no such file" : `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`}`));
  }
  const resolved = resolvePolicy(parsed);
  return resolved._tag === "Left" ? left(inputError(`--policy ${path}: ${resolved.left}`)) : right(resolved.right);
}
