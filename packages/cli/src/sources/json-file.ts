import { readFile } from "node:fs/promises";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { formatPath } from "@handover/core";
import type { z } from "zod";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";

/**
 * Reads the JSON file an option names and checks it with a zod schema: undefined when the
 * option is not given; a file that is missing, not JSON or not of the schema's shape is an
 * input error naming the option, the file and the field (`--weights w.json: weights.reviews: ...`).
 */
export async function readJsonOption<T>(values: CommandArgs["values"], flag: string, schema: z.ZodType<T>, root: string): Promise<Either<CliFailure, T | undefined>> {
  const path = values[flag];
  if (typeof path !== "string") return right(undefined);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return left(inputError(`--${flag} ${path}: ${code === "ENOENT" ? "no such file" : `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`}`));
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return right(parsed.data);
  const issue = parsed.error.issues[0];
  return left(inputError(`--${flag} ${path}: ${issue === undefined ? `not ${root}` : `${formatPath(root, issue.path)}: ${issue.message}`}`));
}
