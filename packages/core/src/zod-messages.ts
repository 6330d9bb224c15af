import type { z } from "zod";
import { describeValue } from "./describe-value.js";

/**
 * Parses a value with a zod schema, as `safeParse` does; a failing parse is run again with
 * `reportInput`, so each issue holds the value it refused and `describeZodError` can name it.
 * Asking for the input on every parse made a passing parse of an incident event 1.8× as
 * slow here (zod 4 copies the parse context), so only a refused value pays for it.
 */
export function safeParseReportingInput<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed;
  const reported = schema.safeParse(value, { reportInput: true });
  // A schema whose refinements answer differently the second time: its first answer stands.
  return reported.success ? parsed : reported;
}

/** The first problem of a zod error as a field path and one sentence: `data.impact: expected 1, 2 or 3, got "high"`. */
export function describeZodError(error: z.ZodError, root: string): { path: string; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { path: root, message: `${root}: invalid` };
  const path = formatPath(root, issue.path);
  const received = "input" in issue && issue.code !== "unrecognized_keys" ? describeInput(issue.input) : "";
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? "s" : ""})` : "";
  return { path, message: `${path}: ${issue.message}${received}${more}` };
}

/** Joins a zod path onto a root: `data`, ["ciIds", 2] → `data.ciIds[2]`. */
export function formatPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? String(segment) : `.${String(segment)}`;
  }
  return text === "" ? "(root)" : text;
}

/** The value zod was given, as the message shows it; total (see `describeValue`). */
function describeInput(input: unknown): string {
  return `, got ${describeValue(input)}`;
}
