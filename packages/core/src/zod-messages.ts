import type { z } from "zod";
import { describeValue } from "./describe-value.js";

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
