import { readFile } from "node:fs/promises";
import { resolveCriteria, type ReadinessCriteria } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";

/** The option of commands that evaluate readiness. */
export const CRITERIA_OPTION = { criteria: { type: "string" } } as const;

/** Its help line. */
export const CRITERIA_DETAIL =
  '  --criteria <file> readiness criteria as JSON: {"checks": [...], "severities": {"service_levels": "warn"}, "blockingPriority": 2, "deferredChanges": ["C-9"], "serviceCiTypes": ["service"]} (default: DESIGN.md\'s)';

const CriteriaFile = z.strictObject({
  checks: z.array(z.string()).optional(),
  severities: z.record(z.string(), z.enum(["fail", "warn"])).optional(),
  blockingPriority: z.number().int().min(0).optional(),
  deferredChanges: z.array(z.string()).optional(),
  serviceCiTypes: z.array(z.string()).optional(),
});

/**
 * The readiness criteria a command evaluates with: DESIGN.md's defaults, or a JSON file
 * checked for its shape and then by the projections' `resolveCriteria` (unknown check
 * names); anything wrong is an input error naming the file and the field.
 */
export async function loadCriteria(values: CommandArgs["values"]): Promise<Either<CliFailure, ReadinessCriteria | undefined>> {
  const path = values.criteria;
  if (typeof path !== "string") return right(undefined);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return left(inputError(`--criteria ${path}: ${code === "ENOENT" ? "no such file" : `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`}`));
  }
  const parsed = CriteriaFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return left(inputError(`--criteria ${path}: ${issue === undefined ? "not readiness criteria" : `${["criteria", ...issue.path.map(String)].join(".")}: ${issue.message}`}`));
  }
  try {
    resolveCriteria(parsed.data as ReadinessCriteria);
  } catch (error) {
    if (error instanceof RangeError) return left(inputError(`--criteria ${path}: ${error.message}`));
    throw error;
  }
  return right(parsed.data as ReadinessCriteria);
}
